import { describe, expect, it } from 'vitest'
import { compareConfigurations, snapshotFacts } from '../../../shared/compare/index'
import { RULES, withRule, world } from '../../../shared/compare/testing/world'
import { differenceTree, firstItem } from './difference-tree'

function overview(b = world({ name: 'B', objects: false })) {
  const a = world({ name: 'A', objects: false })
  return {
    a: snapshotFacts(a),
    b: snapshotFacts(b),
    configuration: compareConfigurations(a.configuration, b.configuration).comparison,
    impact: null,
  }
}

describe('differenceTree', () => {
  it('keeps every branch, empty ones with a count of 0, for identical snapshots', () => {
    const groups = differenceTree(overview())
    expect(groups.map((group) => [group.label, group.count, group.items.length])).toEqual([
      ['Connectors', 0, 0],
      ['Inbound rules', 0, 0],
      ['Outbound rules', 0, 0],
      ['Metaverse schema', 0, 0],
      ['Global settings', 0, 0],
      ['Out-of-box rules edited in place', 0, 0],
    ])
    expect(firstItem(groups)).toBeNull()
  })

  it('lists a changed rule under its direction with its difference count and precedence', () => {
    const changed = overview(
      world({
        name: 'B',
        objects: false,
        rules: withRule({ ...RULES.outIdentity, precedence: 140, disabled: true }),
      }),
    )
    const groups = differenceTree(changed)
    const outbound = groups.find((group) => group.id === 'outbound')
    expect(outbound?.count).toBe(2)
    expect(outbound?.items.map((item) => [item.label, item.detail])).toEqual([
      ['Out to AAD - User Identity', '2 differences · precedence 140'],
    ])
    expect(firstItem(groups)?.label).toBe('Out to AAD - User Identity')
  })
})
