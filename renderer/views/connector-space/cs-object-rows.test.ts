import { describe, expect, it } from 'vitest'
import { testCsObject } from '../../../test-support/cs-object'
import type { CsObject } from '../../../shared/model/objects'
import { changeRows } from './cs-object-rows'

const base: CsObject = testCsObject({
  id: '1',
  connectorName: 'contoso.com',
  dn: 'CN=Anna,OU=Users,DC=contoso,DC=com',
  isConnector: true,
  connectorState: 'normal',
  synchronized: {
    dn: 'CN=Anna,OU=Users,DC=contoso,DC=com',
    primaryObjectClass: 'user',
    objectClasses: [],
    anchor: null,
    attributes: [{ name: 'department', type: 'String', multiValued: false, values: ['Sales'] }],
  },
})

describe('changeRows', () => {
  it('says nothing for an object with no staged change', () => {
    expect(changeRows(base)).toEqual([])
  })

  it('lists the pending import with the held value, then the exports', () => {
    const object: CsObject = {
      ...base,
      pendingImport: {
        dn: base.dn,
        newDn: null,
        operation: 'update',
        primaryObjectClass: 'user',
        attributes: [
          {
            name: 'Department',
            type: 'String',
            multiValued: false,
            operation: 'replace',
            values: [{ value: 'Marketing', operation: null }],
          },
        ],
      },
      unconfirmedExport: {
        dn: base.dn,
        newDn: null,
        operation: 'update',
        primaryObjectClass: 'user',
        attributes: [
          {
            name: 'proxyAddresses',
            type: 'String',
            multiValued: true,
            operation: null,
            values: [{ value: 'smtp:a@contoso.com', operation: 'add' }],
          },
        ],
      },
    }

    expect(changeRows(object)).toEqual([
      {
        kind: 'pending import',
        operation: 'replace',
        attribute: 'Department',
        oldValues: ['Sales'],
        newValues: ['Marketing'],
      },
      {
        kind: 'unconfirmed export',
        operation: 'update',
        attribute: 'proxyAddresses',
        oldValues: [],
        newValues: ['add: smtp:a@contoso.com'],
      },
    ])
  })

  it('shows a delta without attribute changes (a delete) as one object row', () => {
    const object: CsObject = {
      ...base,
      pendingImport: {
        dn: base.dn,
        newDn: null,
        operation: 'delete',
        primaryObjectClass: null,
        attributes: [],
      },
    }
    expect(changeRows(object)).toEqual([
      {
        kind: 'pending import',
        operation: 'delete',
        attribute: '(object)',
        oldValues: [],
        newValues: [base.dn],
      },
    ])
  })
})
