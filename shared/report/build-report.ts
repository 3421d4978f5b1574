import {
  countSeverities,
  type DiagnosisCode,
  isActionable,
  SEVERITIES,
  type Severity,
} from '../model/diagnosis-codes'
import { missingDnText } from '../engine/container-filter'
import { diagnoseAttribute } from '../engine/diagnose'
import { lifecycleBreaks } from '../engine/flow-breaks'
import { allFindings, mvObjectFindingParts } from '../engine/object-findings'
import { objectReport } from '../engine/object-report'
import { objectVerdicts } from '../engine/object-verdicts'
import {
  connectorAttributeGaps,
  type UnmappedAttribute,
  type UnmappedKind,
  unmappedForCsObject,
} from '../engine/unmapped'
import { formatLoadIssue } from '../model/load-issue'
import type { CsObject } from '../model/objects'
import { engineContext } from '../engine/engine-context'
import type { LoadedSnapshot } from '../load/load-snapshot'
import type {
  AttributeCount,
  ConnectorGap,
  DiagnosedUnmapped,
  ExampleObject,
  ReportResult,
  SingleObjectReport,
  SnapshotReport,
  UnmappedGroup,
} from './report-model'

/** What to report on and how much to list. */
export interface ReportOptions {
  /** Report on this connector-space object (DN, case-insensitive) instead of the whole snapshot. */
  readonly objectDn?: string
  /** Connector name or id, when the DN is in several connector spaces. */
  readonly connector?: string
  /** Example objects per group (default 10). */
  readonly maxExamples?: number
  /** Attributes listed per group (default 20). */
  readonly maxAttributes?: number
  /** The report's time stamp; fixed in tests. */
  readonly now?: () => Date
}

/** The group name of metaverse attributes that no outbound rule reads. */
export const METAVERSE_GROUP = 'Metaverse'

const DEFAULT_EXAMPLES = 10
const DEFAULT_ATTRIBUTES = 20

/** Builds the unmapped-attribute report of a whole snapshot or of one object. */
export function buildReport(snapshot: LoadedSnapshot, options: ReportOptions = {}): ReportResult {
  const generatedAt = (options.now?.() ?? new Date()).toISOString()
  if (options.objectDn !== undefined) return objectDnReport(snapshot, options.objectDn, options, generatedAt)
  return { ok: true, report: snapshotReport(snapshot, options, generatedAt) }
}

interface AttributeTally {
  readonly attribute: string
  readonly code: DiagnosisCode
  readonly severity: Severity
  readonly kind: UnmappedKind
  objects: number
}

class GroupTally {
  public objectsChecked = 0
  public objectsWithFindings = 0
  public objectsBlocking = 0
  public readonly severities: Severity[] = []
  public readonly codes = new Map<string, { code: DiagnosisCode; severity: Severity; findings: number }>()
  public readonly attributes = new Map<string, AttributeTally>()
  public readonly examples: ExampleObject[] = []

  public constructor(
    public readonly connector: string,
    public readonly objectType: string,
  ) {}

  public add(dn: string, findings: readonly UnmappedAttribute[], maxExamples: number): void {
    this.objectsChecked++
    for (const finding of findings) {
      this.severities.push(finding.severity)
      const codeKey = `${finding.code}\u0000${finding.severity}`
      const counted = this.codes.get(codeKey)
      if (counted) counted.findings++
      else this.codes.set(codeKey, { code: finding.code, severity: finding.severity, findings: 1 })
      const key = `${finding.code}\u0000${finding.severity}\u0000${finding.attribute.toLowerCase()}`
      const known = this.attributes.get(key)
      if (known) known.objects++
      else
        this.attributes.set(key, {
          attribute: finding.attribute,
          code: finding.code,
          severity: finding.severity,
          kind: finding.kind,
          objects: 1,
        })
    }
    const actionable = findings.filter((finding) => isActionable(finding.severity))
    if (actionable.length === 0) return
    this.objectsWithFindings++
    if (actionable.some((finding) => finding.severity === 'blocking')) this.objectsBlocking++
    if (this.examples.length < maxExamples) {
      this.examples.push({ dn, attributes: actionable.map((finding) => finding.attribute) })
    }
  }

  public toGroup(maxAttributes: number): UnmappedGroup {
    const attributes = [...this.attributes.values()].sort(bySeverityThenCount)
    return {
      connector: this.connector,
      objectType: this.objectType,
      objectsChecked: this.objectsChecked,
      objectsWithFindings: this.objectsWithFindings,
      objectsBlocking: this.objectsBlocking,
      severities: countSeverities(this.severities),
      codes: [...this.codes.values()].sort(
        (a, b) =>
          SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
          b.findings - a.findings ||
          a.code.localeCompare(b.code),
      ),
      topAttributes: attributes.slice(0, maxAttributes).map((entry): AttributeCount => ({ ...entry })),
      distinctAttributes: attributes.length,
      examples: this.examples,
    }
  }
}

/** Blocking first, then unmapped, then by design; in each, the most frequent first. */
function bySeverityThenCount(a: AttributeCount, b: AttributeCount): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    b.objects - a.objects ||
    a.attribute.localeCompare(b.attribute) ||
    a.code.localeCompare(b.code)
  )
}

/**
 * Walks the snapshot object by object as the object views do: every metaverse object with the objects
 * connected to it, then every connector-space object joined to none. Findings on a connected object count in
 * its connector's group, findings on the metaverse object in the Metaverse group of its type.
 */
/** What a whole-snapshot report counts, kept per snapshot: walking every object's flows is the costly part. */
type SnapshotCounts = Omit<SnapshotReport, 'generatedAt'>

const countsCache = new WeakMap<LoadedSnapshot, Map<string, SnapshotCounts>>()

function snapshotReport(
  snapshot: LoadedSnapshot,
  options: ReportOptions,
  generatedAt: string,
): SnapshotReport {
  // A report with its own clock reads Now() differently and is not shared.
  if (options.now !== undefined) return { ...countSnapshot(snapshot, options), generatedAt }
  const key = `${options.maxExamples ?? DEFAULT_EXAMPLES}|${options.maxAttributes ?? DEFAULT_ATTRIBUTES}`
  let bySnapshot = countsCache.get(snapshot)
  if (!bySnapshot) {
    bySnapshot = new Map()
    countsCache.set(snapshot, bySnapshot)
  }
  let counts = bySnapshot.get(key)
  if (!counts) {
    counts = countSnapshot(snapshot, options)
    bySnapshot.set(key, counts)
  }
  return { ...counts, generatedAt }
}

function countSnapshot(snapshot: LoadedSnapshot, options: ReportOptions): SnapshotCounts {
  const maxExamples = Math.max(0, options.maxExamples ?? DEFAULT_EXAMPLES)
  const maxAttributes = Math.max(0, options.maxAttributes ?? DEFAULT_ATTRIBUTES)
  const store = snapshot.objects
  const { ruleIndex, mvLookup } = engineContext(snapshot)
  const findingOptions = { ruleIndex, index: store, mvLookup, ...(options.now ? { now: options.now } : {}) }
  const tallies = new Map<string, GroupTally>()
  const tally = (connector: string, objectType: string): GroupTally => {
    const key = `${connector}\u0000${objectType}`
    let found = tallies.get(key)
    if (!found) {
      found = new GroupTally(connector, objectType)
      tallies.set(key, found)
    }
    return found
  }
  const objectSeverities: Severity[] = []
  let objectsChecked = 0
  let objectsWithFindings = 0
  let objectsBlocking = 0
  const countObject = (findings: readonly UnmappedAttribute[]): void => {
    objectsChecked++
    for (const finding of findings) objectSeverities.push(finding.severity)
    if (findings.some((finding) => isActionable(finding.severity))) objectsWithFindings++
    if (findings.some((finding) => finding.severity === 'blocking')) objectsBlocking++
  }
  const linked = new Set<string>()
  // The default clock's verdicts are the filter's: keep them so the filter need not walk the flows again.
  const verdicts = options.now === undefined ? objectVerdicts(snapshot) : null
  for (let row = 0; row < store.mvRowCount; row++) {
    const mvId = store.mvIdAt(row)
    const parts = mvObjectFindingParts(mvId, findingOptions)
    const findings = allFindings(parts)
    verdicts?.record(row, findings)
    for (const part of parts.connected) {
      linked.add(part.csObject.id)
      tally(connectorNameOf(snapshot, part.csObject), part.csObject.objectType).add(
        part.csObject.dn,
        part.findings,
        maxExamples,
      )
    }
    if (parts.metaverse) {
      tally(METAVERSE_GROUP, parts.metaverse.mvObject.objectType).add(
        mvId,
        parts.metaverse.findings,
        maxExamples,
      )
    }
    countObject(findings)
  }
  for (let row = 0; row < store.csRowCount; row++) {
    const object = store.csObjectAt(row)
    if (linked.has(object.id)) continue
    const findings = [
      ...unmappedForCsObject(object, { ruleIndex, index: store }),
      ...lifecycleBreaks(object, undefined, store, ruleIndex).breaks,
    ]
    tally(connectorNameOf(snapshot, object), object.objectType).add(object.dn, findings, maxExamples)
    countObject(findings)
  }
  const connectorGaps = snapshot.configuration.connectors.flatMap((connector) =>
    connectorAttributeGaps(ruleIndex, connector.id).map((gap): ConnectorGap => ({
      connector: connector.name,
      attribute: gap.attribute,
      code: gap.code,
      severity: gap.severity,
      kind: gap.kind,
      message: gap.message,
    })),
  )
  return {
    kind: 'snapshot',
    snapshot: snapshot.name,
    totals: {
      objectsChecked,
      objectsWithFindings,
      objectsBlocking,
      findings: countSeverities(objectSeverities),
    },
    groups: [...tallies.values()]
      .map((entry) => entry.toGroup(maxAttributes))
      .sort((a, b) => a.connector.localeCompare(b.connector) || a.objectType.localeCompare(b.objectType)),
    connectorGaps,
    loadIssues: snapshot.issues.map(formatLoadIssue),
  }
}

function connectorNameOf(snapshot: LoadedSnapshot, object: CsObject): string {
  const { ruleIndex } = engineContext(snapshot)
  return (
    ruleIndex.connectorOf(object)?.name ?? object.connectorName ?? object.connectorId ?? 'Unknown connector'
  )
}

function objectDnReport(
  snapshot: LoadedSnapshot,
  dn: string,
  options: ReportOptions,
  generatedAt: string,
): ReportResult {
  const found = findObject(snapshot, dn, options.connector)
  if (!found.ok) return found
  const csObject = found.object
  const { ruleIndex, mvLookup } = engineContext(snapshot)
  const index = snapshot.objects
  const now = options.now
  const report = objectReport({
    ruleIndex,
    index,
    object: { csObject },
    mvLookup,
    ...(now ? { now } : {}),
  })
  const candidates = [
    csObject,
    ...(csObject.mvLink ? index.connectedCsObjects(csObject.mvLink.mvObjectId) : []),
  ]
  const unmapped = report.unmapped.map((finding): DiagnosedUnmapped => {
    const source =
      candidates.find((candidate) => connectorNameOf(snapshot, candidate) === finding.connector) ?? csObject
    if (finding.attribute === '') return { ...finding, diagnosis: null }
    return {
      ...finding,
      diagnosis: diagnoseAttribute({
        rules: snapshot.configuration.rules,
        connectors: snapshot.configuration.connectors,
        index,
        csObject: source,
        attribute: finding.attribute,
        ruleIndex,
        mvLookup,
        ...(now ? { now } : {}),
      }),
    }
  })
  const single: SingleObjectReport = {
    kind: 'object',
    snapshot: snapshot.name,
    generatedAt,
    dn: csObject.dn,
    connector: connectorNameOf(snapshot, csObject),
    objectType: csObject.objectType,
    object: report,
    unmapped,
  }
  return { ok: true, report: single }
}

type FoundObject = { readonly ok: true; readonly object: CsObject } | Extract<ReportResult, { ok: false }>

function findObject(snapshot: LoadedSnapshot, dn: string, connectorName: string | undefined): FoundObject {
  const store = snapshot.objects
  if (connectorName !== undefined) {
    const wanted = connectorName.toLowerCase().replace(/[{}]/g, '')
    const connector = snapshot.configuration.connectors.find(
      (candidate) => candidate.name.toLowerCase() === wanted || candidate.id === wanted,
    )
    if (!connector) {
      return {
        ok: false,
        error: {
          problem: 'unknown-connector',
          message: `No connector "${connectorName}" in this snapshot. Known connectors: ${
            snapshot.configuration.connectors.map((candidate) => `"${candidate.name}"`).join(', ') || 'none'
          }.`,
        },
      }
    }
    const object = store.csObjectByDn(connector.id, dn)
    if (object) return { ok: true, object }
    return notFound(dn, `the connector space of "${connector.name}"`, missingDnText([connector], dn))
  }
  const matches = store.csObjectsByDn(dn)
  const [only] = matches
  if (matches.length === 1 && only) return { ok: true, object: only }
  if (matches.length === 0) {
    return notFound(
      dn,
      'any connector space of this snapshot',
      missingDnText(snapshot.configuration.connectors, dn),
    )
  }
  return {
    ok: false,
    error: {
      problem: 'ambiguous-dn',
      message: `The DN "${dn}" is in several connector spaces (${matches
        .map((object) => `"${connectorNameOf(snapshot, object)}"`)
        .join(', ')}); name the connector.`,
    },
  }
}

function notFound(dn: string, where: string, why: string): FoundObject {
  return {
    ok: false,
    error: {
      problem: 'object-not-found',
      message: `No object with DN "${dn}" in ${where}. ${why} Check the DN (it is compared case-insensitively).`,
    },
  }
}
