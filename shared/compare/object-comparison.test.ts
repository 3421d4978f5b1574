import { describe, expect, it } from 'vitest'
import { compareConfigurations } from './config-compare'
import { compareObject } from './object-comparison'
import { RULES, withRule, world } from './testing/world'

const NOW = (): Date => new Date('2026-11-25T12:00:00Z')

describe('compareObject', () => {
  const a = world()
  const b = world({ rules: withRule({ ...RULES.hr, precedence: 110 }), objects: false })
  const match = compareConfigurations(a.configuration, b.configuration)

  it('lists every Entra ID attribute of the object under both configurations, marking what changes', () => {
    const result = compareObject(a, b, match, 'cn=ada lovelace,ou=research,dc=contoso,dc=com', undefined, NOW)
    if (!result.ok) throw new Error(result.error.message)
    const { object } = result
    expect([object.connector, object.objectType, object.before.inEntra, object.after.inEntra]).toEqual([
      'contoso.com',
      'person',
      true,
      true,
    ])
    expect(object.attributes.map((attribute) => [attribute.attribute, attribute.changed])).toEqual([
      ['accountEnabled', false],
      ['department', true],
      ['displayName', false],
      ['mailNickname', false],
      ['sourceAnchor', false],
      ['title', false],
    ])
    expect(object.impact?.changes.map((change) => change.attribute)).toEqual(['department'])
  })

  it('finds the object by its Entra ID DN too, and prefers the source object', () => {
    const result = compareObject(a, b, match, 'CN={grace}', undefined, NOW)
    expect(result.ok && result.object.dn).toBe('CN={grace}')
    expect(result.ok && result.object.impact).toBeNull()
  })

  it('says when the DN is in no connector space', () => {
    const result = compareObject(a, b, match, 'CN=Nobody,DC=contoso,DC=com', undefined, NOW)
    expect(result.ok ? null : result.error.problem).toBe('not-found')
  })

  it('says when neither snapshot holds objects', () => {
    const empty = world({ objects: false })
    const result = compareObject(empty, empty, match, 'CN=x', undefined, NOW)
    expect(result.ok ? null : result.error.problem).toBe('no-objects')
  })
})
