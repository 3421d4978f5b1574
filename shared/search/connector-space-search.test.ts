import { describe, expect, it } from 'vitest'
import { testCsObject } from '../../test-support/cs-object'
import type { CsObject, Delta, ObjectError } from '../model/objects'
import { ObjectStore } from '../store/object-store'
import {
  connectorSpaceResultPage,
  matchConnectorSpace,
  searchConnectorSpace,
  type CsSearchQuery,
} from './connector-space-search'

const AD = 'b891884f-051e-4a83-95af-2544101c9083'
const AAD = '3a5c6f2e-1d1c-4c47-9b7a-8f0e2b1d0c11'

const delta: Delta = { dn: 'CN=x', newDn: null, operation: 'add', primaryObjectClass: 'user', attributes: [] }
const error: ObjectError = {
  kind: 'import',
  name: 'sync-rule-error-function-triggered',
  code: null,
  message: 'Error() was called',
  detail: null,
  step: null,
  firstOccurred: null,
  lastOccurred: null,
  retryCount: null,
}

function csObject(id: string, dn: string, overrides: Partial<CsObject> = {}): CsObject {
  return testCsObject({
    id,
    connectorId: AD,
    connectorName: 'contoso.com',
    dn,
    isConnector: true,
    connectorState: 'normal',
    synchronized: {
      dn,
      primaryObjectClass: 'user',
      objectClasses: [],
      anchor: null,
      attributes: [
        { name: 'displayName', type: 'String', multiValued: false, values: [id] },
        { name: 'proxyAddresses', type: 'String', multiValued: true, values: ['SMTP:a@x', 'smtp:b@x'] },
      ],
    },
    ...overrides,
  })
}

const objects: readonly CsObject[] = [
  csObject('jeff', 'CN=Jeff Smith,OU=Users,OU=Corp,DC=contoso,DC=com', { anchor: 'ZqXeAQI=' }),
  csObject('smith-john', 'CN=Smith\\, John,OU=Users,OU=Corp,DC=contoso,DC=com'),
  csObject('tricky', 'CN=Tricky\\,OU=Users,OU=Corp,DC=contoso,DC=com'),
  csObject('users-ou', 'OU=Users,OU=Corp,DC=contoso,DC=com', { objectType: 'organizationalUnit' }),
  csObject('stray', 'CN=Stray,OU=Other,DC=contoso,DC=com', {
    isConnector: false,
    connectorState: 'explicit',
  }),
  csObject('orphan', 'CN=Orphan,OU=Users,OU=Corp,DC=contoso,DC=com', {
    isConnector: false,
    pendingImport: delta,
  }),
  csObject('exporting', 'CN=Exporting,OU=Users,OU=Corp,DC=contoso,DC=com', {
    unappliedExport: delta,
    exportError: { ...error, kind: 'export' },
  }),
  csObject('failing', 'CN=Failing,OU=Users,OU=Corp,DC=contoso,DC=com', {
    importError: error,
    objectType: 'group',
  }),
  csObject('cloud-jeff', 'CN=Jeff Smith,OU=Users,OU=Corp,DC=contoso,DC=com', {
    connectorId: AAD,
    pendingImport: delta,
  }),
]
const store = new ObjectStore()
objects.forEach((object) => store.addCsObject(object))
store.finish()

const idsOf = (connectorId: string, query: CsSearchQuery): readonly string[] =>
  searchConnectorSpace(store, connectorId, query, { limit: 100 }).ids

describe('searchConnectorSpace scopes', () => {
  it.each<[string, CsSearchQuery, readonly string[]]>([
    ['DN, any case', { scope: 'dn', value: 'cn=JEFF SMITH,ou=users,ou=corp,dc=contoso,dc=com' }, ['jeff']],
    ['anchor', { scope: 'dn', value: 'ZqXeAQI=' }, ['jeff']],
    ['anchor in another case (anchors are exact)', { scope: 'dn', value: 'zqxeaqi=' }, []],
    ['RDN value', { scope: 'rdn', value: 'jeff smith' }, ['jeff']],
    ['RDN with an escaped comma', { scope: 'rdn', value: 'Smith, John' }, ['smith-john']],
    ['RDN typed with its attribute', { scope: 'rdn', value: 'CN=Smith\\, John' }, ['smith-john']],
    [
      'subtree: the container and everything below, not an escaped look-alike',
      { scope: 'subtree', value: 'OU=Users,OU=Corp,DC=contoso,DC=com' },
      ['jeff', 'smith-john', 'users-ou', 'orphan', 'exporting', 'failing'],
    ],
    [
      'subtree, narrowed by object type',
      { scope: 'subtree', value: 'ou=users,ou=corp,dc=contoso,dc=com', objectType: 'GROUP' },
      ['failing'],
    ],
    ['disconnectors', { scope: 'disconnectors' }, ['stray', 'orphan']],
    ['pending import', { scope: 'pending-import' }, ['orphan']],
    ['pending export', { scope: 'pending-export' }, ['exporting']],
    ['import errors', { scope: 'import-errors' }, ['failing']],
    ['export errors', { scope: 'export-errors' }, ['exporting']],
    [
      'all',
      { scope: 'all' },
      ['jeff', 'smith-john', 'tricky', 'users-ou', 'stray', 'orphan', 'exporting', 'failing'],
    ],
    ['all of one object type', { scope: 'all', objectType: 'organizationalUnit' }, ['users-ou']],
    ['a DN scope without a value', { scope: 'dn' }, []],
    ['a subtree scope with blanks only', { scope: 'subtree', value: '  ' }, []],
  ])('%s', (_, query, expected) => {
    expect(idsOf(AD, query)).toEqual(expected)
  })

  it('searches only the connector asked for, whose id compares case-insensitively', () => {
    expect(idsOf(AAD.toUpperCase(), { scope: 'pending-import' })).toEqual(['cloud-jeff'])
    expect(idsOf(AAD, { scope: 'dn', value: 'CN=Jeff Smith,OU=Users,OU=Corp,DC=contoso,DC=com' })).toEqual([
      'cloud-jeff',
    ])
    expect(idsOf('00000000-0000-4000-8000-000000000000', { scope: 'all' })).toEqual([])
  })
})

describe('searchConnectorSpace rows', () => {
  it('returns the DN, object type, connector state and requested columns of the page', () => {
    const result = searchConnectorSpace(
      store,
      AD,
      { scope: 'disconnectors' },
      { limit: 1, columns: ['PROXYADDRESSES', 'missing'] },
    )

    expect(result.total).toBe(2)
    expect(result.page).toEqual([
      {
        id: 'stray',
        dn: 'CN=Stray,OU=Other,DC=contoso,DC=com',
        objectType: 'user',
        isConnector: false,
        connectorState: 'explicit',
        values: ['SMTP:a@x; smtp:b@x', null],
      },
    ])
  })

  it('serves later pages from the matches', () => {
    const matches = matchConnectorSpace(store, AD, { scope: 'all' })

    expect(connectorSpaceResultPage(store, matches, { offset: 6, limit: 5 }).ids).toEqual([
      'exporting',
      'failing',
    ])
  })
})
