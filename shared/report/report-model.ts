/** The plain-data documents `synclens report` and the app's export write (HTML, CSV or JSON). */
import type { DiagnosisCode, Severity, SeverityCounts } from '../model/diagnosis-codes'
import type { Diagnosis } from '../engine/diagnose'
import type { UnmappedKind } from '../engine/unmapped'
import type { ObjectReport } from '../engine/object-report'

/** How often one attribute was found unmapped in a group. */
export interface AttributeCount {
  readonly attribute: string
  readonly code: DiagnosisCode
  readonly severity: Severity
  readonly kind: UnmappedKind
  readonly objects: number
}

/** One object of a group, with the unmapped attributes found on it. */
export interface ExampleObject {
  /** The DN, or the object id in the Metaverse group (metaverse objects have no DN). */
  readonly dn: string
  /** The blocking and unmapped attributes found on it (an empty name is a finding about the whole object). */
  readonly attributes: readonly string[]
}

/** The unmapped attributes of one connector (or the metaverse) and one object type. */
export interface UnmappedGroup {
  /** Connector name, or `Metaverse` for metaverse attributes without an outbound flow. */
  readonly connector: string
  readonly objectType: string
  /** Objects of this connector and type that were checked. */
  readonly objectsChecked: number
  /** Objects with at least one blocking or unmapped finding (what "has unmapped attributes" keeps). */
  readonly objectsWithFindings: number
  /** Objects with at least one blocking finding. */
  readonly objectsBlocking: number
  /** Findings by severity. */
  readonly severities: SeverityCounts
  /** Findings by diagnosis code and severity, most frequent first. */
  readonly codes: readonly {
    readonly code: DiagnosisCode
    readonly severity: Severity
    readonly findings: number
  }[]
  /** The most frequent unmapped attributes, most frequent first, at most `maxAttributes`. */
  readonly topAttributes: readonly AttributeCount[]
  /** Distinct unmapped attributes in the group (topAttributes may list fewer). */
  readonly distinctAttributes: number
  /** The first objects with findings, at most `maxExamples`. */
  readonly examples: readonly ExampleObject[]
}

/** A connector attribute list that disagrees with the rules (not selected, or selected and unused). */
export interface ConnectorGap {
  readonly connector: string
  readonly attribute: string
  readonly code: DiagnosisCode
  readonly severity: Severity
  readonly kind: UnmappedKind
  readonly message: string
}

/**
 * The whole snapshot counted object by object, as the object views count: a metaverse object with everything
 * connected to it is one object, and so is a connector-space object joined to none.
 */
export interface SnapshotTotals {
  readonly objectsChecked: number
  /** Objects with a blocking or unmapped finding; the Metaverse Search filter finds the same metaverse objects. */
  readonly objectsWithFindings: number
  readonly objectsBlocking: number
  /** Findings by severity, the sum of every object's counts. */
  readonly findings: SeverityCounts
}

/** The report of a whole snapshot. */
export interface SnapshotReport {
  readonly kind: 'snapshot'
  readonly snapshot: string
  readonly generatedAt: string
  readonly totals: SnapshotTotals
  readonly groups: readonly UnmappedGroup[]
  readonly connectorGaps: readonly ConnectorGap[]
  /** Problems met while loading, as `file:line:column: message`. */
  readonly loadIssues: readonly string[]
}

/** One unmapped attribute of an object with the walk that explains it. */
export interface DiagnosedUnmapped {
  /** Empty for a finding about the whole object (not connected, cloud filtered). */
  readonly attribute: string
  readonly connector: string
  readonly kind: UnmappedKind
  readonly code: DiagnosisCode
  readonly severity: Severity
  readonly message: string
  /** The walk of the attribute; null for a finding about the whole object. */
  readonly diagnosis: Diagnosis | null
}

/** The report of one connector-space object. */
export interface SingleObjectReport {
  readonly kind: 'object'
  readonly snapshot: string
  readonly generatedAt: string
  readonly dn: string
  readonly connector: string
  readonly objectType: string
  readonly object: ObjectReport
  readonly unmapped: readonly DiagnosedUnmapped[]
}

/** Either report. */
export type Report = SnapshotReport | SingleObjectReport

/** Why a report could not be built. */
export interface ReportError {
  readonly problem: 'object-not-found' | 'ambiguous-dn' | 'unknown-connector'
  readonly message: string
}

/** The outcome of building a report. */
export type ReportResult =
  { readonly ok: true; readonly report: Report } | { readonly ok: false; readonly error: ReportError }
