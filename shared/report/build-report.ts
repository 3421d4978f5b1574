import type { DiagnosisCode } from '../model/diagnosis-codes'
import { diagnoseAttribute } from '../engine/diagnose'
import { objectReport } from '../engine/object-report'
import {
  connectorAttributeGaps,
  type UnmappedAttribute,
  type UnmappedKind,
  unmappedForCsObject,
  unmappedForMvAttributes,
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

class GroupTally {
  public objectsChecked = 0
  public objectsWithFindings = 0
  public readonly codes = new Map<DiagnosisCode, number>()
  public readonly attributes = new Map<
    string,
    { attribute: string; code: DiagnosisCode; kind: UnmappedKind; objects: number }
  >()
  public readonly examples: ExampleObject[] = []

  public constructor(
    public readonly connector: string,
    public readonly objectType: string,
  ) {}

  public add(dn: string, findings: readonly UnmappedAttribute[], maxExamples: number): void {
    this.objectsChecked++
    if (findings.length === 0) return
    this.objectsWithFindings++
    for (const finding of findings) {
      this.codes.set(finding.code, (this.codes.get(finding.code) ?? 0) + 1)
      const key = `${finding.code}\u0000${finding.attribute.toLowerCase()}`
      const known = this.attributes.get(key)
      if (known) known.objects++
      else
        this.attributes.set(key, {
          attribute: finding.attribute,
          code: finding.code,
          kind: finding.kind,
          objects: 1,
        })
    }
    if (this.examples.length < maxExamples) {
      this.examples.push({ dn, attributes: findings.map((finding) => finding.attribute) })
    }
  }

  public toGroup(maxAttributes: number): UnmappedGroup {
    const attributes = [...this.attributes.values()].sort(byCountThenName)
    return {
      connector: this.connector,
      objectType: this.objectType,
      objectsChecked: this.objectsChecked,
      objectsWithFindings: this.objectsWithFindings,
      codes: [...this.codes]
        .map(([code, findings]) => ({ code, findings }))
        .sort((a, b) => b.findings - a.findings || a.code.localeCompare(b.code)),
      topAttributes: attributes.slice(0, maxAttributes).map((entry): AttributeCount => ({ ...entry })),
      distinctAttributes: attributes.length,
      examples: this.examples,
    }
  }
}

function byCountThenName(a: AttributeCount, b: AttributeCount): number {
  return b.objects - a.objects || a.attribute.localeCompare(b.attribute) || a.code.localeCompare(b.code)
}

function snapshotReport(
  snapshot: LoadedSnapshot,
  options: ReportOptions,
  generatedAt: string,
): SnapshotReport {
  const maxExamples = Math.max(0, options.maxExamples ?? DEFAULT_EXAMPLES)
  const maxAttributes = Math.max(0, options.maxAttributes ?? DEFAULT_ATTRIBUTES)
  const store = snapshot.objects
  const { ruleIndex } = engineContext(snapshot)
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
  for (let row = 0; row < store.csRowCount; row++) {
    const object = store.csObjectAt(row)
    const findings = unmappedForCsObject(object, { ruleIndex, index: store })
    tally(connectorNameOf(snapshot, object), object.objectType).add(object.dn, findings, maxExamples)
  }
  if (store.metaverseSource === 'exported') {
    for (let row = 0; row < store.mvRowCount; row++) {
      const objectType = store.mvObjectTypeAt(row)
      const findings = unmappedForMvAttributes(ruleIndex, objectType, store.mvAttributeOriginsAt(row))
      tally(METAVERSE_GROUP, objectType).add(store.mvIdAt(row), findings, maxExamples)
    }
  }
  const connectorGaps = snapshot.configuration.connectors.flatMap((connector) =>
    connectorAttributeGaps(ruleIndex, connector.id).map((gap): ConnectorGap => ({
      connector: connector.name,
      attribute: gap.attribute,
      code: gap.code,
      kind: gap.kind,
      message: gap.message,
    })),
  )
  return {
    kind: 'snapshot',
    snapshot: snapshot.name,
    generatedAt,
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
    return notFound(dn, `the connector space of "${connector.name}"`)
  }
  const matches = store.csObjectsByDn(dn)
  const [only] = matches
  if (matches.length === 1 && only) return { ok: true, object: only }
  if (matches.length === 0) return notFound(dn, 'any connector space of this snapshot')
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

function notFound(dn: string, where: string): FoundObject {
  return {
    ok: false,
    error: {
      problem: 'object-not-found',
      message: `No object with DN "${dn}" in ${where}. Check the DN (it is compared case-insensitively).`,
    },
  }
}
