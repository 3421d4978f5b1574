import { describe, expect, it } from 'vitest'
import { objectReport } from '../../../shared/engine/object-report'
import { smallWorld } from '../../../shared/engine/testing/small-world'
import { csLineageView } from './cs-lineage'

describe('csLineageView', () => {
  it('shows the link and the rules that apply when the export lists no lineage of its own', () => {
    const world = smallWorld()
    const report = objectReport({
      ruleIndex: world.ruleIndex,
      index: world.index,
      object: { csObject: world.adUser },
    })

    const view = csLineageView(world.adUser, report.importFlow)

    expect(view.kind).toBe('linked')
    if (view.kind !== 'linked') return
    expect(view.mvObjectId).toBe(world.adUser.mvLink?.mvObjectId)
    expect(view.source).toBe('computed')
    expect(view.rules.map((rule) => rule.ruleName)).toContain('In from AD - User Join')
    const precedences = view.rules.map((rule) => Number(/precedence (\d+)/.exec(rule.detail ?? '')?.[1]))
    expect(precedences).toEqual([...precedences].sort((a, b) => a - b))
  })

  it("keeps the export's own lineage entries when it has them", () => {
    const world = smallWorld()
    const object = {
      ...world.adUser,
      lineage: [{ syncRuleId: 'r1', syncRuleName: 'In from AD - User Join', operation: 'Provision' }],
    }

    expect(csLineageView(object, [])).toMatchObject({
      kind: 'linked',
      source: 'snapshot',
      rules: [{ ruleId: 'r1', ruleName: 'In from AD - User Join', detail: 'Provision' }],
    })
  })

  it('says disconnector only for an object without a link', () => {
    const world = smallWorld({ adLinked: false, mv: null, aad: null })

    expect(csLineageView(world.adUser, [])).toEqual({ kind: 'disconnector', explicit: false })
  })
})
