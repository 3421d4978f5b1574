import { describe, expect, it } from 'vitest'
import { buildReport } from '../report/build-report'
import { loadSnapshot } from '../load/load-snapshot'
import { AD_CONNECTOR_ID } from '../training/environment'
import { TRAINING_CASES } from '../training/training-cases'
import { generateTrainingSnapshot } from '../training/training-snapshot'
import { objectVerdicts } from '../engine/object-verdicts'
import { QUERY_HANDLERS, SnapshotContext } from './query-handlers'

/** The seeded cases whose own line is red on the object (the others are configuration-wide or by design). */
const EXPECTED_RED: Readonly<Record<string, readonly string[]>> = {
  'fax-rule-disabled': ['RULE_DISABLED facsimileTelephoneNumber'],
  'proxy-addresses-out-of-scope': ['RULE_OUT_OF_SCOPE proxyAddresses'],
  'mobile-local-format': ['EXPRESSION_NULL mobile'],
  'home-address-ignored': ['EXPRESSION_IGNORED streetAddress'],
  'leaver-office-blanked': ['AUTHORITATIVE_NULL physicalDeliveryOfficeName'],
  'division-error': ['EXPRESSION_ERROR division'],
  'language-apply-once': ['APPLY_ONCE preferredLanguage'],
  'linked-mailbox-not-provisioned': ['OBJECT_NOT_CONNECTED '],
  'service-account-cloud-filtered': ['CLOUD_FILTERED '],
  'display-name-pending-export': ['PENDING_EXPORT displayName'],
  'upn-export-error': ['EXPORT_ERROR userPrincipalName'],
  'title-not-synchronized': ['MV_STALE title'],
  'parked-account-ou-filtered': ['OU_FILTERED '],
  'no-sync-flag-out-of-scope': ['OUT_OF_SYNC_SCOPE '],
  'title-pending-import': ['PENDING_IMPORT title'],
  'manager-unresolved': ['REFERENCE_UNRESOLVED manager'],
}

describe('one object, the same counts everywhere (training snapshot)', () => {
  const source = generateTrainingSnapshot({ users: 150, seed: 3 })
  const loading = loadSnapshot(source).then((snapshot) => {
    const context = new SnapshotContext(snapshot)
    return {
      snapshot,
      views: {
        objectReport: (target: Parameters<typeof QUERY_HANDLERS.objectReport>[1]) =>
          QUERY_HANDLERS.objectReport(context, target),
        searchMetaverse: (request: Parameters<typeof QUERY_HANDLERS.searchMetaverse>[1]) =>
          QUERY_HANDLERS.searchMetaverse(context, request),
      },
    }
  })

  it('shows each seeded case exactly its own red line(s), and a healthy user none', async () => {
    const { snapshot, views } = await loading
    const red = (dn: string): string[] => {
      const csObject = snapshot.objects.csObjectByDn(AD_CONNECTOR_ID, dn)
      const report = csObject ? views.objectReport({ csId: csObject.id }) : null
      return (report?.unmapped ?? [])
        .filter((finding) => finding.severity === 'blocking')
        .map((finding) => `${finding.code} ${finding.attribute}`)
    }

    for (const trainingCase of TRAINING_CASES) {
      expect(red(trainingCase.dn), trainingCase.id).toEqual(EXPECTED_RED[trainingCase.id] ?? [])
    }
    expect(red('CN=Ana Trujillo,OU=Sales,OU=Users,OU=Corp,DC=contoso,DC=com')).toEqual([])
  })

  it('finds with "has unmapped attributes" exactly the objects whose counts show blocking or unmapped', async () => {
    const { snapshot, views } = await loading
    const store = snapshot.objects
    const flagged: string[] = []
    const totals = { blocking: 0, unmapped: 0, byDesign: 0 }
    for (let row = 0; row < store.mvRowCount; row++) {
      const report = views.objectReport({ mvId: store.mvIdAt(row) })
      if (!report) continue
      totals.blocking += report.counts.blocking
      totals.unmapped += report.counts.unmapped
      totals.byDesign += report.counts.byDesign
      if (report.counts.blocking + report.counts.unmapped > 0) flagged.push(report.metaverse?.id ?? '')
    }

    // Asked again while the session says it is still checking, as the Metaverse Search view does.
    const search = (): ReturnType<typeof views.searchMetaverse> =>
      views.searchMetaverse({
        query: { groups: [] },
        columns: [],
        offset: 0,
        limit: 5000,
        unmappedOnly: true,
      })
    let page = search()
    while (page.checking) page = search()
    const result = buildReport(snapshot)
    const report = result.ok && result.report.kind === 'snapshot' ? result.report : null
    const unjoined =
      store.csRowCount -
      [...Array(store.mvRowCount).keys()].reduce(
        (sum, row) => sum + store.csRowsLinkedTo(store.mvIdAt(row)).length,
        0,
      )

    expect(page.total).toBe(flagged.length)
    expect(report?.totals.objectsChecked).toBe(store.mvRowCount + unjoined)
    // Unjoined objects (OUs, parked containers) carry no blocking or unmapped finding in this snapshot.
    expect(report?.totals.objectsWithFindings).toBe(flagged.length)
    expect(report?.totals.findings.blocking).toBe(totals.blocking)
    expect(report?.totals.findings.unmapped).toBe(totals.unmapped)
  })
})

describe('"has unmapped attributes" on a large snapshot', () => {
  it('answers with the checked part and says how far it got, until every object is checked', async () => {
    // Its own snapshot: verdicts are kept per snapshot, and the tests above check every object.
    const snapshot = await loadSnapshot(generateTrainingSnapshot({ users: 40, seed: 4 }))
    let now = 0
    // A clock that passes the search's time budget after a few objects, as a large snapshot would.
    const context = new SnapshotContext(snapshot, () => (now += 40))
    const request = { query: { groups: [] }, columns: [], offset: 0, limit: 5000, unmappedOnly: true }
    const first = QUERY_HANDLERS.searchMetaverse(context, request)
    expect(first.checking).toBeDefined()
    expect(first.checking?.total).toBe(snapshot.objects.mvRowCount)
    expect(first.checking?.checked).toBeLessThan(snapshot.objects.mvRowCount)
    let page = first
    const seen: number[] = [first.checking?.checked ?? 0]
    while (page.checking) {
      page = QUERY_HANDLERS.searchMetaverse(context, request)
      seen.push(page.checking?.checked ?? snapshot.objects.mvRowCount)
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    const firstIds = new Set(first.rows.map((row) => row.id))
    const finalIds = new Set(page.rows.map((row) => row.id))
    expect([...firstIds].every((id) => finalIds.has(id))).toBe(true)
    expect(page.total).toBeGreaterThan(first.total)
  })

  it('checks the rest in the background where the host yields, and stops when the session moves on', async () => {
    const snapshot = await loadSnapshot(generateTrainingSnapshot({ users: 30, seed: 6 }))
    let now = 0
    const slices: number[] = []
    // Slices of one object: the yields happen however fast the machine checks.
    const context = new SnapshotContext(snapshot, () => (now += 40), {
      yieldControl: () => {
        slices.push(objectVerdicts(snapshot).checked)
        return Promise.resolve()
      },
      sliceMs: 0,
    })
    const request = { query: { groups: [] }, columns: [], offset: 0, limit: 5000, unmappedOnly: true }

    expect(QUERY_HANDLERS.searchMetaverse(context, request).checking).toBeDefined()
    await new Promise((resolve) => setTimeout(resolve, 0))
    for (let wait = 0; wait < 200 && !objectVerdicts(snapshot).complete; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }

    expect(objectVerdicts(snapshot).complete).toBe(true)
    expect(slices.length).toBeGreaterThan(0)
    expect(QUERY_HANDLERS.searchMetaverse(context, request).checking).toBeUndefined()

    const other = await loadSnapshot(generateTrainingSnapshot({ users: 30, seed: 7 }))
    const stopped = new SnapshotContext(other, () => (now += 40), { yieldControl: () => Promise.resolve() })
    stopped.dispose()
    stopped.checkVerdictsInBackground()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(objectVerdicts(other).checked).toBe(0)
  })
})
