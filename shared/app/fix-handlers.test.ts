import { beforeAll, describe, expect, it } from 'vitest'
import { parseRuleScript } from '../formats/ps1/rule-script'
import { type FixDraft, isRuleChange } from '../fix/draft'
import { generateTrainingSnapshot, TRAINING_CASES } from '../training/index'
import type { FixImpactStep } from './fix-queries'
import { parseQueryArgs } from './query-table'
import { createSnapshotSession } from './session'

const session = createSnapshotSession({ clock: () => Date.UTC(2024, 4, 1) })

beforeAll(async () => {
  await session.load(generateTrainingSnapshot({ users: 40 }), () => undefined, { aborted: false })
}, 60_000)

function csIdOf(caseId: string): { csId: string; attribute: string } {
  const trainingCase = TRAINING_CASES.find((candidate) => candidate.id === caseId)
  const object = trainingCase ? session.csObjectsByDn(trainingCase.dn)[0] : undefined
  if (!trainingCase || !object) throw new Error(`No object for ${caseId}`)
  return { csId: object.id, attribute: trainingCase.attribute }
}

function proposal(caseId: string): FixDraft {
  const draft = session.proposeFix(csIdOf(caseId))
  if (!draft) throw new Error(`No draft for ${caseId}`)
  return draft
}

describe('the fix queries of the session', () => {
  it("propose Kwame's two changes, and the preview of the draft turns OK", () => {
    const draft = proposal('employee-id-not-selected')

    const answer = session.previewFix({ draft })

    expect(draft.changes.map((change) => change.kind)).toEqual([
      'select-attribute',
      'add-rule',
      'select-attribute',
    ])
    expect(answer?.preview.before.diagnosis.verdict).toBe('NOT_SELECTED_ON_CONNECTOR')
    expect(answer?.preview.after.diagnosis.verdict).toBe('OK')
    expect(answer?.problems).toEqual([])
  })

  it('preview an edited draft as edited, and name what is wrong with it', () => {
    const draft = proposal('department-from-hr')
    const [change] = draft.changes
    if (!change || !isRuleChange(change)) throw new Error('Expected a rule change')
    const taken = session.rules({}).find((rule) => rule.id !== change.rule.id)?.precedence ?? 0
    const edited: FixDraft = {
      ...draft,
      changes: [{ ...change, rule: { ...change.rule, precedence: taken } }],
    }

    const answer = session.previewFix({ draft: edited })

    expect(answer?.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining(`Precedence ${taken} is already taken`),
    ])
  })

  it('trust the snapshot, not the page, for the rule a copy replaces', () => {
    const draft = proposal('proxy-addresses-out-of-scope')
    const [change] = draft.changes
    if (!change || change.kind !== 'clone-rule' || !change.original) throw new Error('Expected a copy')
    const forged: FixDraft = {
      ...draft,
      changes: [{ ...change, original: { ...change.original, flows: [], name: 'Forged' } }],
    }

    const script = session.fixScript(forged)

    if ('error' in script) throw new Error(script.error)
    const read = parseRuleScript(script.content, script.fileName)
    expect(read.rules.find((rule) => rule.id === change.original?.id)).toMatchObject({
      name: change.original.name,
      disabled: true,
      flows: change.original.flows,
    })
  })

  it('count the impact in steps until done, and forget the run afterwards', () => {
    const draft = proposal('department-from-hr')
    const steps: FixImpactStep[] = []

    let step = session.startFixImpact(draft)
    while (step && step.impact === null) {
      steps.push(step)
      step = session.continueFixImpact({ runId: step.runId, budget: 10 })
    }

    expect(steps.length).toBeGreaterThan(2)
    expect(step?.impact?.objectsChanged).toBeGreaterThan(0)
    expect(step?.progress.done).toBe(step?.progress.total)
    expect(session.continueFixImpact({ runId: step?.runId ?? 0 })).toBe(null)
  })

  it('write the script dated by the session clock, and refuse a draft that changes nothing or has errors', () => {
    const draft = proposal('fax-rule-disabled')

    const script = session.fixScript(draft)
    const nothing = session.fixScript({ ...draft, changes: [] })
    const broken = session.fixScript({
      ...draft,
      changes: draft.changes.map((change) =>
        isRuleChange(change) ? { ...change, rule: { ...change.rule, precedence: -0 + 50 } } : change,
      ),
    })

    expect(script).toMatchObject({ fileName: 'synclens-fix-facsimileTelephoneNumber-Bruno-Carvalho.ps1' })
    expect('content' in script && script.content).toContain('# Written: 2024-05-01T00:00:00.000Z.')
    expect(nothing).toEqual({ error: 'The draft changes nothing, so there is no script to save.' })
    expect(broken).toMatchObject({ error: expect.stringContaining('Fix the draft first') })
  })

  it('refuse a draft payload that does not fit the schema before any handler sees it', () => {
    const draft = proposal('language-apply-once')

    expect(parseQueryArgs('fixScript', [draft])).not.toBe(null)
    expect(parseQueryArgs('fixScript', [{ ...draft, verdict: 'NOT_A_CODE' }])).toBe(null)
    expect(
      parseQueryArgs('fixScript', [
        { ...draft, changes: Array.from({ length: 33 }, () => draft.changes[0]) },
      ]),
    ).toBe(null)
    expect(parseQueryArgs('previewFix', [{ draft, extra: 'dropped' }])).toEqual([{ draft }])
  })
})
