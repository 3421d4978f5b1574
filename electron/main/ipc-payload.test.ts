import { describe, expect, it } from 'vitest'
import type { InvokeChannel } from '../../shared/app/ipc-channels'
import type { FixDraft } from '../../shared/fix/draft'
import { MAX_DROPPED_PATHS, MAX_PATH_LENGTH, validateInvokeArgs } from './ipc-payload'

const DRAFT: FixDraft = {
  target: {
    csObjectId: 'cs-1',
    dn: 'CN=Kwame Okafor,DC=contoso,DC=com',
    connectorId: 'ad',
    connectorName: 'contoso.com',
    attribute: 'employeeID',
    targetConnectorId: null,
  },
  verdict: 'NOT_SELECTED_ON_CONNECTOR',
  changes: [
    {
      kind: 'select-attribute',
      connectorId: 'ad',
      connectorName: 'contoso.com',
      attribute: 'employeeID',
      side: 'import',
      standIn: ['E-1234'],
      fixes: 'NOT_SELECTED_ON_CONNECTOR',
      summary: 'Select employeeID.',
    },
  ],
  remaining: [],
  notes: [],
}

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
    ['report:export', ['json'], ['json']],
    ['report:export', ['html', undefined], ['html']],
    ['report:export', ['csv', '{68C3525F-1235}'], ['csv', '{68C3525F-1235}']],
    ['fix:save-script', [DRAFT], [DRAFT]],
    ['fix:save-script', [{ ...DRAFT, path: '/tmp/out.ps1' }], [DRAFT]],
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
    ['report:export', []],
    ['report:export', ['pdf']],
    ['report:export', [{ format: 'html' }]],
    ['report:export', ['html', '']],
    ['report:export', ['html', 'x'.repeat(1025)]],
    ['report:export', ['html', 'a', '/tmp/out.html']],
    ['report:export', ['html', null]],
    ['fix:save-script', []],
    ['fix:save-script', [DRAFT, '/tmp/out.ps1']],
    ['fix:save-script', [{ ...DRAFT, verdict: 'BROKEN' }]],
    ['fix:save-script', [{ ...DRAFT, changes: [{ ...DRAFT.changes[0], kind: 'run-script' }] }]],
  ] as const)('refuses %s with %j', (channel, args) => {
    expect(validateInvokeArgs(channel as InvokeChannel, args)).toBeNull()
  })
})
