import { describe, expect, it } from 'vitest'
import { loadSnapshot } from '../load/load-snapshot'
import { generateTrainingSnapshot } from '../training/training-snapshot'
import { engineContext } from './engine-context'
import { allFindings, mvObjectFindingParts } from './object-findings'
import { ObjectVerdicts, objectVerdicts } from './object-verdicts'

const loading = loadSnapshot(generateTrainingSnapshot({ users: 40, seed: 5 }))

/** The verdict straight from the findings every view lists. */
async function expectedVerdicts(): Promise<{ blocking: boolean; unmapped: boolean }[]> {
  const snapshot = await loading
  const { ruleIndex, mvLookup } = engineContext(snapshot)
  const store = snapshot.objects
  return [...Array(store.mvRowCount).keys()].map((row) => {
    const findings = allFindings(
      mvObjectFindingParts(store.mvIdAt(row), { ruleIndex, index: store, mvLookup }),
    )
    return {
      blocking: findings.some((finding) => finding.severity === 'blocking'),
      unmapped: findings.some((finding) => finding.severity === 'unmapped'),
    }
  })
}

describe('ObjectVerdicts', () => {
  it('gives each object the verdict of its findings, checking it once', async () => {
    const snapshot = await loading
    const verdicts = new ObjectVerdicts(snapshot)
    const expected = await expectedVerdicts()
    expect(verdicts.checked).toBe(0)
    const first = expected.map((_, row) => verdicts.at(row))
    expect(first).toEqual(expected)
    expect(verdicts.checked).toBe(expected.length)
    expect(verdicts.complete).toBe(true)
    expect(expected.some((verdict) => verdict.blocking)).toBe(true)
    expect(expected.map((_, row) => verdicts.actionableAt(row))).toEqual(
      expected.map((verdict) => verdict.blocking || verdict.unmapped),
    )
  })

  it('checks every object in slices, reporting progress, and stops when told', async () => {
    const snapshot = await loading
    const stopped = new ObjectVerdicts(snapshot)
    const signal = { aborted: false }
    // Slices of one object, so the stop lands after the first however fast the machine checks.
    await stopped.checkAll({
      signal,
      sliceMs: 0,
      yieldControl: () => {
        signal.aborted = true
        return Promise.resolve()
      },
    })
    expect(stopped.complete).toBe(stopped.total <= 1)

    const verdicts = new ObjectVerdicts(snapshot)
    verdicts.at(0)
    const progress: number[] = []
    await verdicts.checkAll({ onProgress: ({ checked }) => progress.push(checked) })
    expect(verdicts.complete).toBe(true)
    expect(progress.at(-1)).toBe(verdicts.total)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    const expected = await expectedVerdicts()
    expect(expected.map((_, row) => verdicts.at(row))).toEqual(expected)
  })

  it('keeps verdicts recorded from findings computed elsewhere, one set per snapshot', async () => {
    const snapshot = await loading
    expect(objectVerdicts(snapshot)).toBe(objectVerdicts(snapshot))
    const verdicts = new ObjectVerdicts(snapshot)
    verdicts.record(0, [])
    expect(verdicts.isChecked(0)).toBe(true)
    expect(verdicts.at(0)).toEqual({ blocking: false, unmapped: false })
    verdicts.record(0, [])
    expect(verdicts.checked).toBe(1)
  })
})
