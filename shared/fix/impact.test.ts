import { beforeAll, describe, expect, it } from 'vitest'
import { type LoadedSnapshot, loadSnapshot } from '../load/load-snapshot'
import { generateTrainingSnapshot, TRAINING_CASES } from '../training/index'
import type { FixDraft } from './draft'
import { countImpact, ImpactCancelled, ImpactCounter } from './impact'
import { fixSnapshot } from './preview'
import { proposeFix } from './propose'

let snapshot: LoadedSnapshot

beforeAll(async () => {
  snapshot = await loadSnapshot(generateTrainingSnapshot({ users: 120 }))
}, 60_000)

function draftForCase(id: string): FixDraft {
  const trainingCase = TRAINING_CASES.find((candidate) => candidate.id === id)
  if (!trainingCase) throw new Error(`No training case ${id}`)
  const csObject = snapshot.objects.csObjectsByDn(trainingCase.dn)[0]
  if (!csObject) throw new Error(`No object ${trainingCase.dn}`)
  return proposeFix(fixSnapshot(snapshot), { csObject, attribute: trainingCase.attribute })
}

function input() {
  return {
    configuration: snapshot.configuration,
    store: snapshot.objects,
    mvLookup: fixSnapshot(snapshot).mvLookup,
  }
}

/** Users whose HR team (extensionAttribute2) differs from the department AD holds: the ones the precedence move changes. */
function usersWithAnotherHrTeam(): string[] {
  const dns: string[] = []
  for (let row = 0; row < snapshot.objects.csRowCount; row++) {
    const object = snapshot.objects.csObjectAt(row)
    if (object.objectType !== 'user' || !object.mvLink) continue
    const value = (name: string): string | undefined =>
      object.synchronized?.attributes.find((attribute) => attribute.name.toLowerCase() === name.toLowerCase())
        ?.values[0]
    const team = value('extensionAttribute2')?.trim()
    if (team !== undefined && team !== '' && team !== value('department')) dns.push(object.dn)
  }
  return dns.sort()
}

describe('countImpact', () => {
  it('counts the objects of the parked container that the widened filter keeps in the connector space', async () => {
    const draft = draftForCase('parked-account-ou-filtered')
    const parked = [...Array(snapshot.objects.csRowCount).keys()]
      .map((row) => snapshot.objects.csObjectAt(row).dn)
      .filter((dn) => /,OU=Parked Accounts,/i.test(dn))

    const impact = await countImpact(input(), draft)

    expect(parked.length).toBeGreaterThan(0)
    expect(impact.keptByFilter).toEqual([
      { connectorName: 'contoso.com', partition: 'DC=contoso,DC=com', objects: parked.length },
    ])
    expect(impact.objectsChanged).toBe(0)
  })

  it("counts exactly the users whose department changes hands when HR's rule moves after the Contoso copy", async () => {
    const draft = draftForCase('department-from-hr')

    const impact = await countImpact(input(), draft)

    const expected = usersWithAnotherHrTeam()
    expect(expected.length).toBeGreaterThan(1)
    expect(impact.objectsChanged).toBe(expected.length)
    expect(impact.change).toBe(expected.length)
    expect(impact.gain + impact.lose).toBe(0)
    expect(impact.objects.map((object) => object.dn).sort()).toEqual(expected)
    for (const object of impact.objects) {
      expect(object.changes.map((change) => `${change.where} ${change.attribute}`).sort()).toEqual([
        'metaverse department',
        'target department',
      ])
    }
    expect(impact.truncated).toBe(false)
    expect(impact.objectsChecked).toBe(snapshot.objects.mvRowsOfType('person').count())
  })

  it("lists Kwame's employeeID as waiting for a full import: the snapshot cannot hold those values", async () => {
    const impact = await countImpact(input(), draftForCase('employee-id-not-selected'))

    const users = snapshot.objects.csRowsOfConnector(
      snapshot.configuration.connectors.find((connector) => connector.type === 'AD')?.id ?? '',
    ).length
    expect(impact.awaitingImport).toHaveLength(1)
    expect(impact.awaitingImport[0]).toMatchObject({ attribute: 'employeeID' })
    expect(impact.awaitingImport[0]?.objects).toBeGreaterThan(100)
    expect(impact.awaitingImport[0]?.objects).toBeLessThanOrEqual(users)
    expect(impact.objectsChanged).toBe(0)
  })

  it('reports progress to the end and can be stepped by the host', () => {
    const counter = new ImpactCounter(input(), draftForCase('language-apply-once'))
    const seen: number[] = []

    while (!counter.step(25)) seen.push(counter.progress().done)

    expect(seen.length).toBeGreaterThan(2)
    expect(counter.progress()).toEqual({ done: counter.total, total: counter.total })
    expect(counter.result().objectsChanged).toBe(1)
  })

  it('stops with ImpactCancelled when the signal is aborted between steps', async () => {
    const signal = { aborted: false }
    const counting = countImpact(input(), draftForCase('language-apply-once'), {
      stepSize: 10,
      signal,
      onProgress: () => {
        signal.aborted = true
      },
      yieldControl: () => Promise.resolve(),
    })

    await expect(counting).rejects.toBeInstanceOf(ImpactCancelled)
  })
})
