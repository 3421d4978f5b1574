import { describe, expect, it } from 'vitest'
import type { AttributeChange, Delta, Entry } from '../model/objects'
import { testCsObject } from '../../test-support/cs-object'
import { confirmedBag } from './confirmed-values'

const DN = 'CN={AB12},OU=AAD'

function entry(values: Record<string, readonly string[]>): Entry {
  return {
    dn: DN,
    primaryObjectClass: 'user',
    objectClasses: ['user'],
    anchor: null,
    attributes: Object.entries(values).map(([name, list]) => ({
      name,
      type: 'String',
      multiValued: list.length > 1,
      values: list,
    })),
  }
}

function delta(changes: readonly AttributeChange[]): Delta {
  return { dn: DN, newDn: null, operation: 'update', primaryObjectClass: 'user', attributes: changes }
}

function change(
  name: string,
  operation: AttributeChange['operation'],
  values: readonly [string, 'add' | 'delete' | null][],
): AttributeChange {
  return {
    name,
    type: 'String',
    multiValued: true,
    operation,
    values: values.map(([value, valueOperation]) => ({ value, operation: valueOperation })),
  }
}

describe('confirmedBag (what ImportedValue reads)', () => {
  it('reads the synchronized values when no export is pending', () => {
    const object = testCsObject({ id: '1', dn: DN, synchronized: entry({ mail: ['a@contoso.com'] }) })

    expect(confirmedBag(object).values('mail')).toEqual(['a@contoso.com'])
  })

  it('leaves out a value added by an unconfirmed export and restores one it deletes', () => {
    const object = testCsObject({
      id: '1',
      dn: DN,
      synchronized: entry({ proxyAddresses: ['SMTP:a@contoso.com', 'x500:/o=New'] }),
      unconfirmedExport: delta([
        change('proxyAddresses', 'update', [
          ['x500:/o=New', 'add'],
          ['smtp:old@contoso.com', 'delete'],
        ]),
      ]),
    })

    expect(confirmedBag(object).values('proxyAddresses')).toEqual([
      'SMTP:a@contoso.com',
      'smtp:old@contoso.com',
    ])
  })

  it('treats a replaced attribute whose staged value the hologram already holds as not confirmed', () => {
    const object = testCsObject({
      id: '1',
      dn: DN,
      synchronized: entry({ sourceAnchor: ['NEW='] }),
      unappliedExport: delta([change('sourceAnchor', 'replace', [['NEW=', null]])]),
    })

    expect(confirmedBag(object).values('sourceAnchor')).toEqual([])
  })

  it('keeps the confirmed value when the hologram does not carry the staged one yet', () => {
    const object = testCsObject({
      id: '1',
      dn: DN,
      synchronized: entry({ displayName: ['Old'] }),
      escrowedExport: delta([change('displayName', 'replace', [['New', null]])]),
    })

    expect(confirmedBag(object).values('displayName')).toEqual(['Old'])
  })
})
