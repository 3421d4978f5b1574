import { beforeAll, describe, expect, it } from 'vitest'
import { parseRuleScript } from '../formats/ps1/rule-script'
import { type LoadedSnapshot, loadSnapshot } from '../load/load-snapshot'
import type { CsObject } from '../model/objects'
import { isStandardRule } from '../model/sync-rule'
import { generateTrainingSnapshot, TRAINING_CASES, type TrainingCase } from '../training/index'
import { draftRules, type FixDraft, isRuleChange } from './draft'
import { draftScriptFile } from './draft-script'
import { checkDraft } from './check-draft'
import { FIX_POLICIES } from './fix-policy'
import { type FixSnapshot, fixSnapshot, previewDraft } from './preview'
import { proposeFix } from './propose'

let snapshot: LoadedSnapshot
let world: FixSnapshot
const drafts = new Map<string, FixDraft>()

function caseObject(trainingCase: TrainingCase): CsObject {
  const found = snapshot.objects.csObjectsByDn(trainingCase.dn)[0]
  if (!found) throw new Error(`The training snapshot has no ${trainingCase.dn}`)
  return found
}

function draftFor(trainingCase: TrainingCase): FixDraft {
  const known = drafts.get(trainingCase.id)
  if (known) return known
  const draft = proposeFix(world, { csObject: caseObject(trainingCase), attribute: trainingCase.attribute })
  drafts.set(trainingCase.id, draft)
  return draft
}

beforeAll(async () => {
  snapshot = await loadSnapshot(generateTrainingSnapshot({ users: 40 }))
  world = fixSnapshot(snapshot)
}, 60_000)

/** Seeded cases whose cause a rule or connector change can fix, by the code's fix policy. */
const fixable = TRAINING_CASES.filter((trainingCase) => {
  const kind = FIX_POLICIES[trainingCase.code].kind
  return kind === 'rule' || kind === 'connector'
})
const notFixable = TRAINING_CASES.filter((trainingCase) => !fixable.includes(trainingCase))

describe('proposeFix on the training snapshot', () => {
  it('has seeded cases on both sides: fixable by the configuration, and not', () => {
    expect(fixable.length).toBeGreaterThanOrEqual(6)
    expect(notFixable.length).toBeGreaterThanOrEqual(4)
  })

  it.each(fixable.map((trainingCase) => [trainingCase.id, trainingCase] as const))(
    '%s: the draft turns the verdict to OK',
    (_id, trainingCase) => {
      const draft = draftFor(trainingCase)

      const preview = previewDraft(world, draft, caseObject(trainingCase))

      expect(draft.verdict).toBe(trainingCase.code)
      expect(draft.changes.length).toBeGreaterThan(0)
      expect(preview.before.diagnosis.verdict).toBe(trainingCase.code)
      expect(preview.after.diagnosis.verdict).toBe('OK')
      expect(draft.remaining).toEqual([])
      expect(
        checkDraft(snapshot.configuration, draft).filter((problem) => problem.severity === 'error'),
      ).toEqual([])
    },
  )

  it.each(fixable.map((trainingCase) => [trainingCase.id, trainingCase] as const))(
    '%s: the draft leaves every other seeded case with its verdict',
    (_id, trainingCase) => {
      const draft = draftFor(trainingCase)

      const turned = TRAINING_CASES.filter((other) => other !== trainingCase).flatMap((other) => {
        const preview = previewDraft(world, draft, caseObject(other), {
          attribute: other.attribute,
          targetConnectorId: null,
        })
        const after = preview.after.diagnosis.verdict
        return after === other.code ? [] : [`${other.id}: ${other.code} -> ${after}`]
      })

      expect(turned).toEqual([])
    },
  )

  it.each(notFixable.map((trainingCase) => [trainingCase.id, trainingCase] as const))(
    '%s: no change is drafted, and the break is named with what to do',
    (_id, trainingCase) => {
      const draft = draftFor(trainingCase)

      expect(draft.changes).toEqual([])
      if (trainingCase.code === 'OK') expect(draft.remaining).toEqual([])
      else expect(draft.remaining.map((item) => item.code)).toContain(trainingCase.code)
    },
  )

  it.each(TRAINING_CASES.map((trainingCase) => [trainingCase.id, trainingCase] as const))(
    '%s: never edits an out-of-box rule in place; its script reads back to the drafted rules',
    (_id, trainingCase) => {
      const draft = draftFor(trainingCase)

      const read = parseRuleScript(draftScriptFile(draft), 'fix.ps1')

      for (const change of draft.changes.filter(isRuleChange)) {
        expect(isStandardRule(change.rule)).toBe(false)
        if (change.kind === 'edit-rule')
          expect(change.original && isStandardRule(change.original)).toBeFalsy()
      }
      expect(read.issues).toEqual([])
      expect(read.rules).toEqual(
        draftRules(draft).map((rule) => ({ ...rule, origin: 'fix.ps1', connectorName: null })),
      )
    },
  )
})

describe("Kwame's employeeID: two breaks in one proposal", () => {
  const kwame = (): TrainingCase => {
    const found = TRAINING_CASES.find((trainingCase) => trainingCase.id === 'employee-id-not-selected')
    if (!found) throw new Error('The training snapshot lost the employeeID case')
    return found
  }

  it('selects employeeID on the AD connector and adds an outbound flow to Entra ID', () => {
    const draft = draftFor(kwame())

    const selection = draft.changes.find(
      (change) => change.kind === 'select-attribute' && change.side === 'import',
    )
    const outbound = draft.changes.find(
      (change) => isRuleChange(change) && change.kind === 'add-rule' && change.rule.direction === 'Outbound',
    )

    expect(selection).toMatchObject({ attribute: 'employeeID', connectorName: kwame().connector })
    expect(outbound && isRuleChange(outbound) ? outbound.rule : null).toMatchObject({
      linkType: 'Join',
      joinGroups: [],
      immutableTag: '',
      flows: [{ flowType: 'Direct', sources: ['employeeID'] }],
    })
    expect(outbound && isRuleChange(outbound) ? outbound.rule.precedence : 100).toBeLessThan(100)
  })

  it('previews the stand-in value all the way to Entra ID, and says it is a stand-in', () => {
    const draft = draftFor(kwame())

    const preview = previewDraft(world, draft, caseObject(kwame()))

    const target = preview.moved.find((moved) => moved.where === 'target')
    expect(target?.after).toEqual(['<employeeID from contoso.com>'])
    expect(draft.notes.some((note) => note.includes('stand-in'))).toBe(true)
  })
})

describe('object lifecycle breaks', () => {
  const byId = (id: string): TrainingCase => {
    const found = TRAINING_CASES.find((trainingCase) => trainingCase.id === id)
    if (!found) throw new Error(`The training snapshot lost the case ${id}`)
    return found
  }

  it('Sofia (OU_FILTERED): clears the exclusion of her container on the AD connector, a step done by hand', () => {
    const draft = draftFor(byId('parked-account-ou-filtered'))

    expect(draft.changes).toMatchObject([
      {
        kind: 'include-container',
        connectorName: 'contoso.com',
        partition: 'DC=contoso,DC=com',
        edits: [{ kind: 'remove-exclusion', container: 'OU=Parked Accounts,OU=Corp,DC=contoso,DC=com' }],
      },
    ])
    expect(draft.notes.join(' ')).toContain('move it back instead')
    const script = draftScriptFile(draft)
    expect(script).toContain('clear the exclusion of OU=Parked Accounts,OU=Corp,DC=contoso,DC=com')
    expect(script).toContain('changes no synchronization rule')
    expect(script).not.toContain('New-ADSyncRule')
    expect(parseRuleScript(script, 'fix.ps1').rules).toEqual([])
  })

  it('Yusuf (OUT_OF_SYNC_SCOPE): copies the join rule without the failing clause, disables the original, and warns about opt-outs', () => {
    const draft = draftFor(byId('no-sync-flag-out-of-scope'))

    const [change] = draft.changes
    expect(change?.kind).toBe('clone-rule')
    if (!change || change.kind !== 'clone-rule') return
    expect(change.original?.name).toBe('In from AD - User Join')
    expect(change.rule.precedence).toBeLessThan(100)
    expect(change.rule.joinGroups).toEqual(change.original?.joinGroups)
    expect(JSON.stringify(change.rule.scopeGroups)).not.toContain('User_')
    expect(draftRules(draft).find((rule) => rule.id === change.original?.id)?.disabled).toBe(true)
    expect(draft.notes.join(' ')).toContain('undo the change on the object instead')
  })

  it.each(['title-pending-import', 'manager-unresolved'])(
    '%s: drafts nothing and says what to do instead',
    (id) => {
      const draft = draftFor(byId(id))

      expect(draft.changes).toEqual([])
      expect(draft.remaining[0]?.advice).toMatch(/synchroni[sz]ation|referenced object/)
    },
  )
})
