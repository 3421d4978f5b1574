import { describe, expect, it } from 'vitest'
import { clause, connector, csObject, flow } from '../engine/testing/scenario'
import { generateTrainingSnapshot } from '../training/index'
import { loadSnapshot } from '../load/load-snapshot'
import type { SyncRule } from '../model/sync-rule'
import type { ExportValue, Impact } from './compare-model'
import { compareConfigurations } from './config-compare'
import { evaluateLinked } from './evaluate-unit'
import { ComparisonCancelled, computeImpact } from './impact'
import { impactPlan } from './impact-plan'
import { outcomeChange } from './outcome-diff'
import { linkedObjects, sideUnits } from './units'
import { AAD, AD, RULES, withRule, world, type WorldOptions } from './testing/world'

const NOW = new Date('2026-11-25T12:00:00Z')

function text(value: ExportValue): string {
  switch (value.kind) {
    case 'values':
      return value.values.length === 0 ? '∅' : value.values.join('|')
    case 'error':
      return `error ${value.message}`
    case 'unmanaged':
      return `kept ${value.current.join('|')}`
  }
}

/** The impact as `cn: event [attribute: before -> after]`, one line per object. */
function lines(impact: Impact): string[] {
  return impact.objects.map((object) => {
    const cn = /^CN=([^,]+)/.exec(object.dn)?.[1] ?? object.dn
    const changes = object.changes.map(
      (change) => `${change.attribute}: ${text(change.before)} -> ${text(change.after)}`,
    )
    return `${cn}: ${object.event}${changes.length > 0 ? ` [${changes.join('; ')}]` : ''}`
  })
}

type Mode = 'configuration only' | 'both with objects'

/** A with objects; B with the changed options, holding objects or only its configuration. */
async function impactOf(mode: Mode, b: WorldOptions, a: WorldOptions = {}): Promise<Impact> {
  const before = world({ name: 'A', ...a })
  const after = world({ name: 'B', objects: mode === 'both with objects', ...b })
  const match = compareConfigurations(before.configuration, after.configuration)
  return computeImpact(before, after, match, { now: () => NOW })
}

const MODES: readonly Mode[] = ['configuration only', 'both with objects']
const rules = (replacement: SyncRule): SyncRule[] => withRule(replacement)

describe.each(MODES)('impact (%s)', (mode) => {
  it('is empty for identical snapshots', async () => {
    const impact = await impactOf(mode, {})
    expect(impact.mode).toBe(mode === 'configuration only' ? 'a-objects' : 'own-objects')
    expect(impact.counts.objectsCompared).toBe(4)
    expect(impact.objects).toEqual([])
  })

  it('is empty when a connector is renamed', async () => {
    const renamed = connector({
      name: 'corp.contoso.com',
      partitions: ['DC=contoso,DC=com'],
      selected: AD.selectedAttributes,
    })
    const moved = Object.values(RULES).map((rule) =>
      rule.connectorId === AD.id ? { ...rule, connectorId: renamed.id, connectorName: renamed.name } : rule,
    )
    const impact = await impactOf(mode, { rules: moved, connectors: [renamed, AAD] })
    expect(impact.objects).toEqual([])
  })

  it('names no object disconnected whose connector only got a new name', async () => {
    const renamed = connector({
      name: 'corp.contoso.com',
      partitions: ['DC=contoso,DC=com'],
      selected: AD.selectedAttributes,
    })
    const moved = Object.values(RULES).map((rule) => ({
      ...(rule.connectorId === AD.id
        ? { ...rule, connectorId: renamed.id, connectorName: renamed.name }
        : rule),
      disabled: rule.id === RULES.hr.id,
    }))
    // Grace is in no join or provisioning scope under either configuration: she leaves under both.
    const leaving = { grace: { adminDescription: 'User_NoSync' } }
    const impact = await impactOf(
      mode,
      { rules: moved, connectors: [renamed, AAD], adChanges: leaving },
      { adChanges: leaving },
    )
    expect(lines(impact)).toEqual([
      'Ada Lovelace: changed [department: Analytical Engines -> Research]',
      'Alan Turing: changed [department: Cryptanalysis -> Mathematics]',
    ])
  })

  it('is empty when names differ in case only', async () => {
    const shouting = Object.values(RULES).map((rule) => ({
      ...rule,
      name: rule.name.toUpperCase(),
      targetObjectType: rule.targetObjectType.toUpperCase(),
      flows: rule.flows.map((f) => ({ ...f, target: f.target.toUpperCase() })),
    }))
    expect((await impactOf(mode, { rules: shouting })).objects).toEqual([])
  })

  it('moves department to the lower rule when the HR rule loses precedence', async () => {
    const impact = await impactOf(mode, { rules: rules({ ...RULES.hr, precedence: 110 }) })
    expect(lines(impact)).toEqual([
      'Ada Lovelace: changed [department: Analytical Engines -> Research]',
      'Alan Turing: changed [department: Cryptanalysis -> Mathematics]',
    ])
    const [change] = impact.objects[0]?.changes ?? []
    expect([
      change?.beforeInboundRule?.name,
      change?.afterInboundRule?.name,
      change?.afterRule?.name,
    ]).toEqual([RULES.hr.name, RULES.common.name, RULES.outIdentity.name])
    expect(impact.byAttribute).toEqual([{ attribute: 'department', objects: 2 }])
  })

  it('clears what an outbound rule exported when an added scope clause takes the object out of it', async () => {
    const scoped = {
      ...RULES.outIdentity,
      scopeGroups: [
        {
          clauses: [...(RULES.outIdentity.scopeGroups[0]?.clauses ?? []), clause('department NOTEQUAL Navy')],
        },
      ],
    }
    expect(lines(await impactOf(mode, { rules: rules(scoped) }))).toEqual([
      'Grace Hopper: changed [department: Navy -> ∅; displayName: Grace Hopper -> ∅; title: Rear Admiral -> ∅]',
    ])
  })

  it('gives department back to the AD value when the HR rule is disabled', async () => {
    expect(lines(await impactOf(mode, { rules: rules({ ...RULES.hr, disabled: true }) }))).toEqual([
      'Ada Lovelace: changed [department: Analytical Engines -> Research]',
      'Alan Turing: changed [department: Cryptanalysis -> Mathematics]',
    ])
  })

  it('recomputes the values of a changed expression', async () => {
    const upper = {
      ...RULES.hr,
      flows: [flow.expression('department', 'UCase(Trim([extensionAttribute2]))')],
    }
    expect(lines(await impactOf(mode, { rules: rules(upper) }))).toEqual([
      'Ada Lovelace: changed [department: Analytical Engines -> ANALYTICAL ENGINES]',
      'Alan Turing: changed [department: Cryptanalysis -> CRYPTANALYSIS]',
    ])
  })

  it('shows what an out-of-box rule edited in place changes', async () => {
    const tagged = { ...RULES.outIdentity, immutableTag: 'Microsoft.OuttoAADUserIdentity.099' }
    const edited = {
      ...tagged,
      flows: tagged.flows.map((f) => (f.target === 'title' ? flow.expression('title', 'UCase([title])') : f)),
    }
    const before = world({ rules: rules(tagged) })
    const after = world({ rules: rules(edited), objects: mode === 'both with objects' })
    const match = compareConfigurations(before.configuration, after.configuration)
    expect(match.comparison.outOfBoxEdits.map((edit) => edit.rule.name)).toEqual([RULES.outIdentity.name])
    const impact = await computeImpact(before, after, match, { now: () => NOW })
    expect(lines(impact)).toEqual([
      'Ada Lovelace: changed [title: Countess -> COUNTESS]',
      'Grace Hopper: changed [title: Rear Admiral -> REAR ADMIRAL]',
    ])
  })

  it('deletes from Entra ID an object whose source leaves the join rule scope', async () => {
    const join = {
      ...RULES.join,
      scopeGroups: [
        { clauses: [...(RULES.join.scopeGroups[0]?.clauses ?? []), clause('department NOTEQUAL Navy')] },
      ],
    }
    const impact = await impactOf(mode, { rules: rules(join) })
    expect(lines(impact)).toEqual(['Grace Hopper: deleted'])
    expect(impact.objects[0]?.reason).toContain('department NOTEQUAL Navy is false')
    expect(impact.counts.deleted).toBe(1)
  })

  it('deletes from Entra ID an object that becomes cloud filtered', async () => {
    const filtered = {
      ...RULES.join,
      flows: RULES.join.flows.map((f) =>
        f.target === 'cloudFiltered'
          ? flow.expression(
              'cloudFiltered',
              'IIF(IsPresent([isCriticalSystemObject]) || [department] = "Navy",True,NULL)',
            )
          : f,
      ),
    }
    const impact = await impactOf(mode, { rules: rules(filtered) })
    expect(lines(impact)).toEqual(['Grace Hopper: deleted'])
    expect(impact.objects[0]?.reason).toContain('cloudFiltered = true')
  })

  it('provisions an object that comes into the outbound provisioning scope', async () => {
    const narrow = {
      ...RULES.outJoin,
      scopeGroups: [
        {
          clauses: [
            ...(RULES.outJoin.scopeGroups[0]?.clauses ?? []),
            clause('department NOTEQUAL Computing'),
          ],
        },
      ],
    }
    const impact = await impactOf(mode, {}, { rules: rules(narrow) })
    expect(lines(impact)).toEqual(['Edsger Dijkstra: provisioned'])
    expect(impact.objects[0]?.reason).toContain('would provision one')
  })

  it('drops the flows of a source attribute no longer selected on the connector', async () => {
    const narrower = {
      ...AD,
      selectedAttributes: AD.selectedAttributes.filter((name) => name !== 'extensionAttribute2'),
    }
    const impact = await impactOf(mode, { connectors: [narrower, AAD] })
    expect(lines(impact)).toEqual([
      'Ada Lovelace: changed [department: Analytical Engines -> Research]',
      'Alan Turing: changed [department: Cryptanalysis -> Mathematics]',
    ])
  })

  it('deletes the objects of a container excluded on the connector', async () => {
    const partition = AD.partitions[0]
    if (!partition) throw new Error('The world has a partition.')
    const excluding = { ...AD, partitions: [{ ...partition, exclusions: ['OU=Research,DC=contoso,DC=com'] }] }
    const impact = await impactOf(mode, { connectors: [excluding, AAD] })
    expect(lines(impact)).toEqual(['Ada Lovelace: deleted', 'Alan Turing: deleted'])
    expect(impact.objects[0]?.reason).toContain('container OU=Research,DC=contoso,DC=com is excluded')
    expect(impact.caveats).toEqual([expect.stringContaining('"contoso.com" differ')])
  })

  it('provisions a disconnector that a wider join scope projects', async () => {
    const linus = csObject({
      connector: AD,
      dn: 'CN=Linus Torvalds,OU=Research,DC=contoso,DC=com',
      attrs: {
        objectGUID: 'AAAAAAAAAAAAAAAAAAAABQ==',
        cn: 'Linus Torvalds',
        adminDescription: 'User_linus',
        department: 'Kernel',
      },
    })
    const open = { ...RULES.join, scopeGroups: [] }
    const common = { ...RULES.common, scopeGroups: [] }
    const impact = await impactOf(
      mode,
      { rules: withRule(common, rules(open)), extraCs: [linus] },
      { extraCs: [linus] },
    )
    expect(lines(impact)).toEqual(['Linus Torvalds: provisioned'])
    expect(impact.objects[0]?.reason).toContain(`projected by Rule "${RULES.join.name}"`)
  })
})

describe('impact with objects in both snapshots', () => {
  it('reports a difference in source data as a change, and says the data differs', async () => {
    const impact = await impactOf('both with objects', { adChanges: { grace: { department: 'Marines' } } })
    expect(lines(impact)).toEqual(['Grace Hopper: changed [department: Navy -> Marines]'])
    expect(impact.objects[0]?.dataDiffers).toBe(true)
    expect(impact.counts.dataDiffers).toBe(1)
  })

  it('deletes an object that only A holds, and provisions one that only B holds', async () => {
    const impact = await impactOf('both with objects', { without: ['alan'] }, { without: ['grace'] })
    expect(lines(impact)).toEqual(['Alan Turing: deleted', 'Grace Hopper: provisioned'])
    expect(impact.objects[0]?.reason).toContain("not in B's connector spaces")
    expect([impact.counts.onlyInA, impact.counts.onlyInB]).toEqual([1, 1])
  })
})

describe('impact progress and cancel', () => {
  it('reports progress up to the total and can be cancelled', async () => {
    const a = world()
    const b = world({ rules: rules({ ...RULES.hr, precedence: 110 }), objects: false })
    const match = compareConfigurations(a.configuration, b.configuration)
    const progress: number[] = []
    await computeImpact(a, b, match, { onProgress: (p) => progress.push(p.done / p.total) })
    expect(progress.at(-1)).toBe(1)
    const signal = { aborted: true }
    await expect(computeImpact(a, b, match, { signal })).rejects.toBeInstanceOf(ComparisonCancelled)
  })

  it('says when neither snapshot holds objects', async () => {
    const a = world({ objects: false })
    const impact = await computeImpact(a, a, compareConfigurations(a.configuration, a.configuration))
    expect(impact.mode).toBe('none')
    expect(impact.basis).toContain('Neither snapshot holds objects')
  })
})

describe('scoped evaluation', () => {
  it('finds what a full evaluation finds on the training snapshot', async () => {
    const a = await loadSnapshot(generateTrainingSnapshot({ users: 60 }))
    const changed = a.configuration.rules.map((rule) => {
      if (rule.name === 'Contoso - In from AD - User Department from HR') return { ...rule, precedence: 95 }
      if (rule.name === 'Out to AAD - User Identity')
        return { ...rule, scopeGroups: [{ clauses: [clause('department ISNOTNULL')] }] }
      if (rule.name === 'Contoso - In from AD - User Common')
        return {
          ...rule,
          flows: rule.flows.map((f) =>
            f.target === 'displayName' ? { ...f, expression: 'UCase([displayName])' } : f,
          ),
        }
      return rule
    })
    const b = { ...a, configuration: { ...a.configuration, rules: changed } }
    const match = compareConfigurations(a.configuration, b.configuration)
    const plan = impactPlan(a, b, match, () => NOW)
    if (!plan) throw new Error('The training snapshot holds objects.')
    let compared = 0
    for (const unit of sideUnits(plan.beforeKeying).units) {
      if (unit.kind !== 'linked') continue
      const scoped = linkedObjects(plan.before.store, unit, plan.mvSelection)
      const whole = linkedObjects(plan.before.store, unit, null)
      const missing = { a: '', b: '' }
      const fast = outcomeChange(
        evaluateLinked(scoped.mvObject, scoped.connected, plan.before, false),
        evaluateLinked(scoped.mvObject, scoped.connected, plan.after, false),
        missing,
      )
      const full = outcomeChange(
        evaluateLinked(whole.mvObject, whole.connected, plan.before, true),
        evaluateLinked(whole.mvObject, whole.connected, plan.after, true),
        missing,
      )
      const summary = (change: typeof fast): unknown =>
        change && {
          event: change.event,
          changes: change.changes.map((c) => [c.attribute, c.before, c.after]),
        }
      expect(summary(fast), scoped.connected[0]?.dn).toEqual(summary(full))
      compared += 1
    }
    expect(compared).toBeGreaterThan(60)
  }, 60_000)
})
