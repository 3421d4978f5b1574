import { syncScopeExit } from '../engine/sync-scope'
import { describe, expect, it } from 'vitest'
import { cachedRuleIndex, diagnoseAttribute } from '../engine/diagnose'
import { exportFlow } from '../engine/export-flow'
import { importFlow } from '../engine/import-flow'
import { findAttribute } from '../model/objects'
import { loadSnapshot } from '../load/load-snapshot'
import { AAD_CONNECTOR_GUID, AD_CONNECTOR_ID } from './environment'
import { readGeneratedObjects } from './testing/read-generated-objects'
import { TRAINING_CASES } from './training-cases'
import { generateTrainingFiles, generateTrainingSnapshot } from './training-snapshot'

describe('the training snapshot read by the product', () => {
  const source = generateTrainingSnapshot({ users: 200, seed: 4 })
  // The app's own path: loadSnapshot streams the files into its object store, which the engine reads.
  const loading = Promise.all([loadSnapshot(source), readGeneratedObjects(source)]).then(
    ([loaded, objects]) => ({ loaded, objects, index: loaded.objects }),
  )

  it('reads both connector spaces and the metaverse without an issue, every object included', async () => {
    const { objects, loaded, index } = await loading
    const summary = generateTrainingFiles({ users: 200, seed: 4 }, () => undefined)

    expect(objects.issues).toEqual([])
    expect(loaded.issues).toEqual([])
    expect(index.metaverseSource).toBe('exported')
    expect(index.csObjectCount(AD_CONNECTOR_ID)).toBe(summary.adObjects)
    expect(index.csObjectCount(AAD_CONNECTOR_GUID)).toBe(summary.aadObjects)
    expect(index.mvObjectCount()).toBe(summary.metaverseObjects)
    expect(objects.ad).toHaveLength(summary.adObjects)
    expect(objects.aad).toHaveLength(summary.aadObjects)
    expect(objects.metaverse).toHaveLength(summary.metaverseObjects)
    expect(objects.ad.filter((object) => object.mvLink !== null)).toHaveLength(summary.metaverseObjects)
    expect(objects.aad.filter((object) => object.exportError !== null)).toHaveLength(1)
    expect(objects.aad.filter((object) => object.unappliedExport !== null)).toHaveLength(2)
  })

  it('keeps the lineage of metaverse values: the Contoso department rule behind an HR department', async () => {
    const { objects, loaded } = await loading
    const ana = TRAINING_CASES.find((entry) => entry.id === 'department-from-hr')
    const csObject = objects.ad.find((object) => object.dn === ana?.dn)
    const mvObject = objects.metaverse.find((object) => object.id === csObject?.mvLink?.mvObjectId)

    const department = mvObject ? findAttribute(mvObject.attributes, 'department') : undefined
    const rule = loaded.configuration.rules.find(
      (candidate) => candidate.id === department?.lineage[0]?.lineageId,
    )
    expect(department?.values).toEqual(['Inside Sales'])
    expect(rule?.name).toBe('Contoso - In from AD - User Department from HR')
    expect(department?.lineage[0]?.connectorId).toBe(AD_CONNECTOR_ID)
  })

  it.each(TRAINING_CASES.map((entry) => [entry.id, entry.code] as const))(
    '%s: diagnoseAttribute gives %s',
    async (id, code) => {
      const { loaded, index } = await loading
      const trainingCase = TRAINING_CASES.find((entry) => entry.id === id)
      const csObject = trainingCase ? index.csObjectByDn(AD_CONNECTOR_ID, trainingCase.dn) : null
      if (!trainingCase || !csObject) throw new Error(`${id}: no connector-space object`)

      const diagnosis = diagnoseAttribute({
        rules: loaded.configuration.rules,
        connectors: loaded.configuration.connectors,
        index,
        csObject,
        attribute: trainingCase.attribute,
      })

      expect(
        diagnosis.verdict,
        diagnosis.steps.map((step) => `${step.code}: ${step.message}`).join('\n'),
      ).toBe(code)
    },
  )

  it.each([
    ['employee-id-not-selected', ['NO_OUTBOUND_FLOW'], 2],
    ['phone-missing-in-ad', [], 1],
    ['division-error', ['NO_OUTBOUND_FLOW'], 2],
    ['no-sync-flag-out-of-scope', [], 1],
  ] as const)('%s: walks the whole path, with %j also blocking', async (id, also, fixes) => {
    const { loaded, index } = await loading
    const trainingCase = TRAINING_CASES.find((entry) => entry.id === id)
    const csObject = trainingCase ? index.csObjectByDn(AD_CONNECTOR_ID, trainingCase.dn) : null
    if (!trainingCase || !csObject) throw new Error(`${id}: no connector-space object`)

    const diagnosis = diagnoseAttribute({
      rules: loaded.configuration.rules,
      connectors: loaded.configuration.connectors,
      index,
      csObject,
      attribute: trainingCase.attribute,
    })

    expect(diagnosis.alsoBlocking).toEqual(also)
    expect(diagnosis.fix).toHaveLength(fixes)
    expect(diagnosis.steps.filter((step) => step.blocking).map((step) => step.code)).toEqual([
      diagnosis.verdict,
      ...also,
    ])
  })

  it.each([
    ['surname', 'sn'],
    ['onPremisesSamAccountName', 'accountName'],
  ])('follows the target-side name %s back to %s with --target', async (asked, metaverse) => {
    const { loaded, index } = await loading
    const trainingCase = TRAINING_CASES.find((entry) => entry.id === 'ok-title')
    const csObject = trainingCase ? index.csObjectByDn(AD_CONNECTOR_ID, trainingCase.dn) : null
    if (!csObject) throw new Error('ok-title: no connector-space object')

    const diagnosis = diagnoseAttribute({
      rules: loaded.configuration.rules,
      connectors: loaded.configuration.connectors,
      index,
      csObject,
      attribute: asked,
      targetConnectorId: AAD_CONNECTOR_GUID,
    })

    expect(diagnosis.verdict).toBe('OK')
    expect(diagnosis.attribute).toMatchObject({ metaverse, target: asked })
  })

  it('holds what the rules compute everywhere except in the seeded cases', async () => {
    const { loaded, objects, index } = await loading
    const { rules, connectors } = loaded.configuration
    const ruleIndex = cachedRuleIndex(rules, connectors)

    const surprises: string[] = []
    const leaving: string[] = []
    for (const csObject of objects.ad) {
      if (csObject.mvLink === null) continue
      const imported = importFlow(csObject, { ruleIndex, index })
      // An object leaving sync scope is stale everywhere for one reason, which the case names.
      if (syncScopeExit(imported, csObject, index, ruleIndex)) {
        leaving.push(csObject.dn)
        continue
      }
      for (const attribute of imported.attributes) {
        if (attribute.stale === true)
          surprises.push(`${csObject.dn}: metaverse ${attribute.mvAttribute} is stale`)
      }
      if (imported.syncError)
        surprises.push(`${csObject.dn}: ${imported.syncError.mvAttribute} raises an error`)
      const mvObject = index.mvObject(csObject.mvLink.mvObjectId)
      if (!mvObject) continue
      for (const target of exportFlow(mvObject, { ruleIndex, index, targetConnectorId: AAD_CONNECTOR_GUID })
        .targets) {
        for (const row of target.rows) {
          if (row.status === 'differs')
            surprises.push(`${csObject.dn}: ${row.csAttribute} differs in Entra ID`)
        }
      }
    }

    expect(surprises.sort()).toEqual(
      [
        `${TRAINING_CASES.find((entry) => entry.code === 'MV_STALE')?.dn}: metaverse title is stale`,
        `${TRAINING_CASES.find((entry) => entry.code === 'EXPRESSION_ERROR')?.dn}: division raises an error`,
      ].sort(),
    )
    expect(leaving).toEqual([TRAINING_CASES.find((entry) => entry.code === 'OUT_OF_SYNC_SCOPE')?.dn])
  })
})
