import { describe, expect, it } from 'vitest'
import { parseQueryArgs, type QueryName } from './query-table'
import {
  MAX_CLAUSE_GROUPS,
  MAX_CLAUSES_PER_GROUP,
  MAX_COLUMNS,
  MAX_NAME_LENGTH,
  MAX_PAGE_LIMIT,
  MAX_ROW_OFFSET,
  MAX_SEARCH_VALUE_LENGTH,
} from './view-queries'

/** The one argument of a query as its schema rebuilds it, or null when refused. */
function one(name: QueryName, value: unknown): unknown {
  const args = parseQueryArgs(name, [value])
  return args === null ? null : (args[0] ?? null)
}

const metaverseSearchRequest = (value: unknown): unknown => one('searchMetaverse', value)
const connectorSpaceSearchRequest = (value: unknown): unknown => one('searchConnectorSpace', value)
const objectTarget = (value: unknown): unknown => one('objectReport', value)
const diagnoseRequest = (value: unknown): unknown => one('diagnose', value)
const flowDetailRequest = (value: unknown): unknown => one('flowDetail', value)

const AAD = 'b891884f-051e-4a83-95af-2544101c9083'
const PAGE = { columns: ['displayName', 'mail'], offset: 0, limit: 100 }
const MV_QUERY = {
  objectType: 'person',
  groups: [{ clauses: [{ attribute: 'mail', operator: 'ends-with', value: '@contoso.com' }] }],
}

describe('metaverseSearchRequest', () => {
  it.each([
    ['a first page', { query: MV_QUERY, ...PAGE }],
    ['a later page of an earlier search', { query: MV_QUERY, ...PAGE, offset: 200, searchId: 3 }],
    ['the unmapped-only filter', { query: { groups: [] }, ...PAGE, unmappedOnly: true }],
    [
      'a present clause without a value',
      { query: { groups: [{ clauses: [{ attribute: 'manager', operator: 'present' }] }] }, ...PAGE },
    ],
    [
      'an empty value',
      { query: { groups: [{ clauses: [{ attribute: 'a', operator: 'equals', value: '' }] }] }, ...PAGE },
    ],
    [
      'the largest page at the last row',
      { query: { groups: [] }, ...PAGE, offset: MAX_ROW_OFFSET, limit: MAX_PAGE_LIMIT },
    ],
  ])('accepts %s', (_case, request) => {
    expect(metaverseSearchRequest(request)).toEqual(request)
  })

  it.each([
    ['no object', null],
    ['an array', [MV_QUERY]],
    ['no query', PAGE],
    ['groups that are not a list', { query: { groups: {} }, ...PAGE }],
    [
      'an unknown operator',
      { query: { groups: [{ clauses: [{ attribute: 'a', operator: 'like' }] }] }, ...PAGE },
    ],
    [
      'an empty attribute name',
      { query: { groups: [{ clauses: [{ attribute: '', operator: 'present' }] }] }, ...PAGE },
    ],
    [
      'a numeric value',
      { query: { groups: [{ clauses: [{ attribute: 'a', operator: 'equals', value: 1 }] }] }, ...PAGE },
    ],
    [
      'a value too long',
      {
        query: {
          groups: [
            {
              clauses: [
                { attribute: 'a', operator: 'equals', value: 'x'.repeat(MAX_SEARCH_VALUE_LENGTH + 1) },
              ],
            },
          ],
        },
        ...PAGE,
      },
    ],
    [
      'too many groups',
      { query: { groups: Array.from({ length: MAX_CLAUSE_GROUPS + 1 }, () => ({ clauses: [] })) }, ...PAGE },
    ],
    [
      'too many clauses in a group',
      {
        query: {
          groups: [
            {
              clauses: Array.from({ length: MAX_CLAUSES_PER_GROUP + 1 }, () => ({
                attribute: 'a',
                operator: 'present',
              })),
            },
          ],
        },
        ...PAGE,
      },
    ],
    ['an object type that is not text', { query: { objectType: 7, groups: [] }, ...PAGE }],
    ['a limit above the largest page', { query: MV_QUERY, ...PAGE, limit: MAX_PAGE_LIMIT + 1 }],
    ['a negative offset', { query: MV_QUERY, ...PAGE, offset: -1 }],
    ['an offset past the last row', { query: MV_QUERY, ...PAGE, offset: MAX_ROW_OFFSET + 1 }],
    ['a fractional offset', { query: MV_QUERY, ...PAGE, offset: 1.5 }],
    ['an infinite limit', { query: MV_QUERY, ...PAGE, limit: Number.POSITIVE_INFINITY }],
    ['a NaN limit', { query: MV_QUERY, ...PAGE, limit: Number.NaN }],
    ['a limit given as text', { query: MV_QUERY, ...PAGE, limit: '100' }],
    ['a search id given as text', { query: MV_QUERY, ...PAGE, searchId: '3' }],
    ['an unsafe search id', { query: MV_QUERY, ...PAGE, searchId: 2 ** 53 }],
    ['columns that are not a list', { query: MV_QUERY, ...PAGE, columns: 'mail' }],
    ['an empty column name', { query: MV_QUERY, ...PAGE, columns: [''] }],
    ['a column name too long', { query: MV_QUERY, ...PAGE, columns: ['x'.repeat(MAX_NAME_LENGTH + 1)] }],
    [
      'too many columns',
      { query: MV_QUERY, ...PAGE, columns: Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `a${i}`) },
    ],
    ['an unmapped-only flag given as text', { query: MV_QUERY, ...PAGE, unmappedOnly: 'yes' }],
  ])('refuses %s', (_case, request) => {
    expect(metaverseSearchRequest(request)).toBeNull()
  })

  it('rebuilds the request from its known fields, at every depth', () => {
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":true},"extra":1,"query":{"groups":[{"clauses":[{"attribute":"mail","operator":"present","constructor":"x"}],"more":2}],"sql":"DROP"},"columns":[],"offset":0,"limit":1}',
    )

    const request = metaverseSearchRequest(hostile)

    expect(request).toEqual({
      query: { groups: [{ clauses: [{ attribute: 'mail', operator: 'present' }] }] },
      columns: [],
      offset: 0,
      limit: 1,
    })
    expect(Object.getPrototypeOf(request)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads only own fields, never inherited ones', () => {
    const inherited = Object.assign(Object.create({ limit: 10 }) as object, {
      query: { groups: [] },
      columns: [],
      offset: 0,
    })

    expect(metaverseSearchRequest(inherited)).toBeNull()
  })
})

describe('connectorSpaceSearchRequest', () => {
  it.each([
    ['a DN search', { connectorId: AAD, query: { scope: 'dn', value: 'CN={4142}' }, ...PAGE }],
    [
      'a state scope with an object type',
      { connectorId: AAD, query: { scope: 'pending-export', objectType: 'user' }, ...PAGE },
    ],
    ['a later page', { connectorId: AAD, query: { scope: 'all' }, ...PAGE, offset: 5000, searchId: 9 }],
  ])('accepts %s', (_case, request) => {
    expect(connectorSpaceSearchRequest(request)).toEqual(request)
  })

  it.each([
    ['no connector', { query: { scope: 'all' }, ...PAGE }],
    ['an empty connector id', { connectorId: '', query: { scope: 'all' }, ...PAGE }],
    ['an unknown scope', { connectorId: AAD, query: { scope: 'everything' }, ...PAGE }],
    ['a scope named like an Object member', { connectorId: AAD, query: { scope: 'toString' }, ...PAGE }],
    ['a value that is not text', { connectorId: AAD, query: { scope: 'dn', value: ['CN=a'] }, ...PAGE }],
    ['a limit above the largest page', { connectorId: AAD, query: { scope: 'all' }, ...PAGE, limit: 5001 }],
  ])('refuses %s', (_case, request) => {
    expect(connectorSpaceSearchRequest(request)).toBeNull()
  })
})

describe('objectTarget', () => {
  it.each([
    [{ csId: '{68C3525F-1235-41EE-BD97-431BE85A0ACA}' }, { csId: '{68C3525F-1235-41EE-BD97-431BE85A0ACA}' }],
    [
      { mvId: 'b99f0000-0000-4000-8000-000000000001', extra: true },
      { mvId: 'b99f0000-0000-4000-8000-000000000001' },
    ],
  ])('accepts %j', (target, expected) => {
    expect(objectTarget(target)).toEqual(expected)
  })

  it.each([
    [{}],
    [{ csId: 'a', mvId: 'b' }],
    [{ csId: '' }],
    [{ mvId: 42 }],
    [{ csId: 'x'.repeat(MAX_NAME_LENGTH + 1) }],
    ['a'],
  ])('refuses %j', (target) => {
    expect(objectTarget(target)).toBeNull()
  })
})

describe('diagnoseRequest', () => {
  it.each([[{ csId: 'a', attribute: 'mail' }], [{ csId: 'a', attribute: 'mail', targetConnectorId: AAD }]])(
    'accepts %j',
    (request) => {
      expect(diagnoseRequest(request)).toEqual(request)
    },
  )

  it.each([
    [{ csId: 'a' }],
    [{ attribute: 'mail' }],
    [{ csId: 'a', attribute: '' }],
    [{ csId: 'a', attribute: 'mail', targetConnectorId: '' }],
    [{ csId: 'a', attribute: 'mail', targetConnectorId: null }],
  ])('refuses %j', (request) => {
    expect(diagnoseRequest(request)).toBeNull()
  })
})

describe('flowDetailRequest', () => {
  it.each([
    [{ ruleId: 'r', target: 'mail', csId: 'a' }],
    [{ ruleId: 'r', target: null, mvId: 'm' }],
    [{ ruleId: 'r', target: 'mail', csId: 'a', mvId: 'm' }],
  ])('accepts %j', (request) => {
    expect(flowDetailRequest(request)).toEqual(request)
  })

  it.each([
    [{ target: 'mail' }],
    [{ ruleId: 'r' }],
    [{ ruleId: 'r', target: '' }],
    [{ ruleId: 'r', target: 7 }],
    [{ ruleId: 'r', target: null, csId: 5 }],
    [{ ruleId: 'r', target: null, mvId: '' }],
  ])('refuses %j', (request) => {
    expect(flowDetailRequest(request)).toBeNull()
  })
})

describe('parseQueryArgs', () => {
  it.each([
    ['rule', ['{1A2B3C4D-0000-4000-8000-000000000001}'], ['{1A2B3C4D-0000-4000-8000-000000000001}']],
    ['rules', [{}], [{}]],
    [
      'rules',
      [{ direction: 'Inbound', attribute: 'mail', connectorId: 'b891884f-051e-4a83-95af-2544101c9083' }],
      [{ direction: 'Inbound', attribute: 'mail', connectorId: 'b891884f-051e-4a83-95af-2544101c9083' }],
    ],
    ['summary', [], []],
    ['metaverseAttributes', [], []],
    ['csObject', ['{68C3525F-1235-41EE-BD97-431BE85A0ACA}'], ['{68C3525F-1235-41EE-BD97-431BE85A0ACA}']],
    ['report', [{ format: 'html' }], [{ format: 'html' }]],
    ['report', [{ format: 'csv', objectCsId: 'a1' }], [{ format: 'csv', objectCsId: 'a1' }]],
  ] as const)('accepts %s with %j', (name, args, expected) => {
    expect(parseQueryArgs(name, args)).toEqual(expected)
  })

  it.each([
    ['rule', [null]],
    ['rule', ['x'.repeat(MAX_NAME_LENGTH + 1)]],
    ['rules', []],
    ['rules', [null]],
    ['rules', [['Inbound']]],
    ['rules', ['Inbound']],
    ['rules', [{ direction: 'Sideways' }]],
    ['rules', [{ attribute: 42 }]],
    ['rules', [{ attribute: 'x'.repeat(MAX_NAME_LENGTH + 1) }]],
    ['rules', [Object.create({ direction: 'Inbound', attribute: 'mail' }) as object]],
    ['metaverseAttributes', ['mail']],
    ['csObject', []],
    ['csObject', ['']],
    ['objectReport', [{ csId: 'a' }, { csId: 'b' }]],
    ['searchMetaverse', []],
    ['report', []],
    ['report', [{}]],
    ['report', [{ format: 'pdf' }]],
    ['report', [{ format: 'HTML' }]],
    ['report', [{ format: 'html', objectCsId: '' }]],
    ['report', [{ format: 'html', objectCsId: 7 }]],
    ['report', [{ format: 'html' }, { format: 'csv' }]],
    ['toString', []],
    ['load', [{}]],
  ] as const)('refuses %s with %j', (name, args) => {
    expect(parseQueryArgs(name as QueryName, args)).toBeNull()
  })

  it('rebuilds a rule filter from its known fields only', () => {
    const hostile = JSON.parse(
      '{"direction":"Outbound","__proto__":{"polluted":true},"constructor":"x","extra":1}',
    )

    const args = parseQueryArgs('rules', [hostile])

    expect(args).toEqual([{ direction: 'Outbound' }])
    expect(Object.getPrototypeOf(args?.[0])).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('takes a report format and object id as own fields only, never a path or anything else', () => {
    const hostile = JSON.parse('{"format":"csv","path":"/etc/passwd","__proto__":{"objectCsId":"x"}}')

    expect(parseQueryArgs('report', [hostile])).toEqual([{ format: 'csv' }])
    expect(parseQueryArgs('report', [Object.create({ format: 'csv' })])).toBeNull()
  })

  it('refuses payloads nested deeper than any request', () => {
    let deep: unknown = {}
    for (let depth = 0; depth < 100; depth++) deep = { query: deep }

    expect(parseQueryArgs('searchMetaverse', [deep])).toBeNull()
  })
})
