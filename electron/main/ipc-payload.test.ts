import { describe, expect, it } from 'vitest'
import type { InvokeChannel } from '../../shared/app/ipc-channels'
import { MAX_DROPPED_PATHS, MAX_PATH_LENGTH, validateInvokeArgs } from './ipc-payload'

describe('validateInvokeArgs', () => {
  it.each([
    ['snapshot:open-dialog', [], []],
    ['snapshot:open-training', [], []],
    ['snapshot:list-recent', [], []],
    ['snapshot:cancel', [], []],
    ['snapshot:close', [], []],
    ['snapshot:get-state', [], []],
    ['snapshot:open-paths', [['/home/ann/Contoso-2016']], [['/home/ann/Contoso-2016']]],
    ['snapshot:open-paths', [['C:\\a.xml', 'C:\\b.xml']], [['C:\\a.xml', 'C:\\b.xml']]],
    [
      'snapshot:open-recent',
      ['0b5c7a4e-9a43-4b1e-8a0f-3f3b5e0c1d2a'],
      ['0b5c7a4e-9a43-4b1e-8a0f-3f3b5e0c1d2a'],
    ],
    ['rules:get', ['{1A2B3C4D-0000-4000-8000-000000000001}'], ['{1A2B3C4D-0000-4000-8000-000000000001}']],
    ['rules:list', [{}], [{}]],
    [
      'rules:list',
      [{ direction: 'Inbound', attribute: 'mail', connectorId: 'b891884f-051e-4a83-95af-2544101c9083' }],
      [{ direction: 'Inbound', attribute: 'mail', connectorId: 'b891884f-051e-4a83-95af-2544101c9083' }],
    ],
    ['views:metaverse-attributes', [], []],
    [
      'views:cs-object',
      ['{68C3525F-1235-41EE-BD97-431BE85A0ACA}'],
      ['{68C3525F-1235-41EE-BD97-431BE85A0ACA}'],
    ],
    ['views:object-report', [{ mvId: 'b99f' }], [{ mvId: 'b99f' }]],
    ['views:diagnose', [{ csId: 'a', attribute: 'mail' }], [{ csId: 'a', attribute: 'mail' }]],
    ['views:flow-detail', [{ ruleId: 'r', target: null }], [{ ruleId: 'r', target: null }]],
    [
      'views:search-metaverse',
      [{ query: { groups: [] }, columns: [], offset: 0, limit: 5000 }],
      [{ query: { groups: [] }, columns: [], offset: 0, limit: 5000 }],
    ],
    [
      'views:search-connector-space',
      [{ connectorId: 'c', query: { scope: 'all' }, columns: [], offset: 0, limit: 10 }],
      [{ connectorId: 'c', query: { scope: 'all' }, columns: [], offset: 0, limit: 10 }],
    ],
    ['views:report', [{ format: 'html' }], [{ format: 'html' }]],
    ['views:report', [{ format: 'csv', objectCsId: 'a1' }], [{ format: 'csv', objectCsId: 'a1' }]],
    ['report:export', ['json'], ['json']],
    ['report:export', ['html', undefined], ['html']],
    ['report:export', ['csv', '{68C3525F-1235}'], ['csv', '{68C3525F-1235}']],
  ] as const)('accepts %s with %j', (channel, args, expected) => {
    expect(validateInvokeArgs(channel, args)).toEqual(expected)
  })

  it.each([
    ['snapshot:open-dialog', ['extra']],
    ['snapshot:open-training', ['/home/ann/elsewhere']],
    ['snapshot:get-state', [undefined]],
    ['snapshot:open-paths', []],
    ['snapshot:open-paths', ['/one/path/not/in/an/array']],
    ['snapshot:open-paths', [[]]],
    ['snapshot:open-paths', [[42]]],
    ['snapshot:open-paths', [['']]],
    ['snapshot:open-paths', [['/a\u0000b']]],
    ['snapshot:open-paths', [['x'.repeat(MAX_PATH_LENGTH + 1)]]],
    ['snapshot:open-paths', [Array.from({ length: MAX_DROPPED_PATHS + 1 }, (_, i) => `/f${i}`)]],
    ['snapshot:open-paths', [['/a'], ['/b']]],
    ['snapshot:open-recent', ['../../etc/passwd']],
    ['snapshot:open-recent', ['/home/ann/snap']],
    ['snapshot:open-recent', [7]],
    ['snapshot:open-recent', ['']],
    ['rules:get', [null]],
    ['rules:get', ['x'.repeat(1025)]],
    ['rules:list', []],
    ['rules:list', [null]],
    ['rules:list', [['Inbound']]],
    ['rules:list', ['Inbound']],
    ['rules:list', [{ direction: 'Sideways' }]],
    ['rules:list', [{ attribute: 42 }]],
    ['rules:list', [{ attribute: 'x'.repeat(1025) }]],
    ['views:metaverse-attributes', ['mail']],
    ['views:cs-object', []],
    ['views:cs-object', ['']],
    ['views:cs-object', ['x'.repeat(1025)]],
    ['views:object-report', [{ csId: 'a' }, { csId: 'b' }]],
    ['views:diagnose', [{ csId: 'a' }]],
    ['views:flow-detail', [{ ruleId: 'r' }]],
    ['views:search-metaverse', [{ query: { groups: [] }, columns: [], offset: 0, limit: 5001 }]],
    ['views:search-metaverse', []],
    ['views:search-connector-space', [{ connectorId: 'c', query: { scope: 'all' }, columns: [], offset: 0 }]],
    ['views:report', []],
    ['views:report', [{}]],
    ['views:report', [{ format: 'pdf' }]],
    ['views:report', [{ format: 'HTML' }]],
    ['views:report', [{ format: 'html', objectCsId: '' }]],
    ['views:report', [{ format: 'html', objectCsId: 7 }]],
    ['views:report', [{ format: 'html' }, { format: 'csv' }]],
    ['report:export', []],
    ['report:export', ['pdf']],
    ['report:export', [{ format: 'html' }]],
    ['report:export', ['html', '']],
    ['report:export', ['html', 'x'.repeat(1025)]],
    ['report:export', ['html', 'a', '/tmp/out.html']],
    ['report:export', ['html', null]],
  ] as const)('refuses %s with %j', (channel, args) => {
    expect(validateInvokeArgs(channel as InvokeChannel, args)).toBeNull()
  })

  it('rebuilds a filter from its known fields only', () => {
    const hostile = JSON.parse(
      '{"direction":"Outbound","__proto__":{"polluted":true},"constructor":"x","extra":1}',
    )

    const args = validateInvokeArgs('rules:list', [hostile])

    expect(args).toEqual([{ direction: 'Outbound' }])
    expect(Object.getPrototypeOf(args?.[0])).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('takes a report format and object id as own fields only, never a path or anything else', () => {
    const hostile = JSON.parse('{"format":"csv","path":"/etc/passwd","__proto__":{"objectCsId":"x"}}')

    expect(validateInvokeArgs('views:report', [hostile])).toEqual([{ format: 'csv' }])
    expect(validateInvokeArgs('views:report', [Object.create({ format: 'csv' })])).toBeNull()
  })

  it('reads only own fields, never inherited ones', () => {
    const inherited = Object.create({ direction: 'Inbound', attribute: 'mail' }) as object

    expect(validateInvokeArgs('rules:list', [inherited])).toEqual([{}])
  })
})
