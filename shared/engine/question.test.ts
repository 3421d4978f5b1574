import { describe, expect, it } from 'vitest'
import { loadSnapshot } from '../load/load-snapshot'
import type { CsObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'
import { generateTrainingSnapshot } from '../training/training-snapshot'
import { diagnoseAttribute } from './diagnose'
import { engineContext } from './engine-context'
import { objectReport } from './object-report'
import { WhyQuestion } from './question'

const loading = loadSnapshot(generateTrainingSnapshot({ users: 4, seed: 3 }))
const NOW = new Date('2026-12-06T12:00:00Z')
const now = (): Date => NOW

/** The same objects with the metaverse computed from the links, as a snapshot without a metaverse export. */
function computedMetaverse(index: ObjectIndex): ObjectIndex {
  return {
    metaverseSource: 'computed',
    csObject: (id) => index.csObject(id),
    csObjectByDn: (connectorId, dn) => index.csObjectByDn(connectorId, dn),
    csObjectsByDn: (dn) => index.csObjectsByDn(dn),
    mvObject: (id) => index.mvObject(id),
    connectedCsObjects: (mvObjectId) => index.connectedCsObjects(mvObjectId),
    csObjectCount: (connectorId) => index.csObjectCount(connectorId),
    mvObjectCount: () => index.mvObjectCount(),
  }
}

/** Attributes worth asking about: the object's own (source side) and metaverse names the default rules write. */
function askedAttributes(csObject: CsObject): readonly string[] {
  const own = (csObject.synchronized ?? csObject.pendingImportHologram)?.attributes ?? []
  return [...own.slice(0, 2).map((attribute) => attribute.name), 'displayName', 'proxyAddresses', 'surname']
}

describe('WhyQuestion', () => {
  for (const source of ['exported', 'computed'] as const) {
    it(`gives the report and diagnoses of every object the answers they get alone (${source} metaverse)`, async () => {
      const snapshot = await loading
      const { ruleIndex, mvLookup } = engineContext(snapshot)
      const { rules, connectors } = snapshot.configuration
      const index = source === 'exported' ? snapshot.objects : computedMetaverse(snapshot.objects)
      const store = snapshot.objects
      let asked = 0
      for (let row = 0; row < store.csRowCount; row += 1) {
        const csObject = store.csObjectAt(row)
        const question = new WhyQuestion({ ruleIndex, index, mvLookup, now })
        const base = { ruleIndex, index, mvLookup, now }
        // Diagnoses first for half the objects: the order in which a question is asked does not matter.
        const reportFirst = row % 2 === 0
        const shared = reportFirst ? objectReport({ ...base, object: { csObject }, question }) : null
        for (const attribute of askedAttributes(csObject)) {
          for (const target of [undefined, ...connectors.map((connector) => connector.id)]) {
            const request = {
              ...base,
              rules,
              connectors,
              csObject,
              attribute,
              ...(target === undefined ? {} : { targetConnectorId: target }),
            }
            expect(diagnoseAttribute({ ...request, question })).toEqual(diagnoseAttribute(request))
            asked += 1
          }
        }
        const alone = objectReport({ ...base, object: { csObject } })
        expect(shared ?? objectReport({ ...base, object: { csObject }, question })).toEqual(alone)
        const mvObjectId = csObject.mvLink?.mvObjectId
        if (mvObjectId !== undefined) {
          expect(objectReport({ ...base, object: { mvObjectId }, question })).toEqual(
            objectReport({ ...base, object: { mvObjectId } }),
          )
        }
      }
      expect(asked).toBeGreaterThan(100)
    })
  }

  it('refuses a call with other rules, another index, lookup or clock than it was built for', async () => {
    const snapshot = await loading
    const { ruleIndex, mvLookup } = engineContext(snapshot)
    const index = snapshot.objects
    const csObject = index.csObjectAt(0)
    const question = new WhyQuestion({ ruleIndex, index, mvLookup, now })
    expect(() =>
      objectReport({
        ruleIndex,
        index: computedMetaverse(index),
        mvLookup,
        now,
        object: { csObject },
        question,
      }),
    ).toThrow(/question was built for/)
    expect(() =>
      objectReport({ ruleIndex, index, mvLookup, now: () => NOW, object: { csObject }, question }),
    ).toThrow(/question was built for/)
    expect(() =>
      diagnoseAttribute({
        rules: snapshot.configuration.rules,
        connectors: snapshot.configuration.connectors,
        ruleIndex,
        index,
        now,
        csObject,
        attribute: 'displayName',
        question,
      }),
    ).toThrow(/question was built for/)
  })
})
