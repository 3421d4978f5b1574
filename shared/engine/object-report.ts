/**
 * Everything about one object in one plain-data document: the metaverse object, its connectors, import
 * and export attribute flow and unmapped attributes. It backs `synclens object ... --json` and the
 * object views.
 */
import { normalizeGuid } from '../model/connector'
import type { AttributeType, CsObject, MvAttribute, MvObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'
import {
  countSeverities,
  type DiagnosisCode,
  type Severity,
  type SeverityCounts,
} from '../model/diagnosis-codes'
import { hasExportedMetaverse } from './computed-mv'
import { type ExportFlowRow, type TargetState } from './export-flow'
import type { ImportFlowRow } from './import-flow'
import type { MvAttributeLookup } from './join'
import type { RuleIndex } from './rule-index'
import { findingsOf } from './object-findings'
import { questionFor, type WhyQuestion } from './question'
import type { UnmappedKind } from './unmapped'

/** One metaverse attribute as the Attributes tab shows it. */
export interface ReportMvAttribute {
  readonly name: string
  readonly type: AttributeType
  readonly values: readonly string[]
  readonly contributingConnector: string | null
  readonly syncRule: string | null
  /** The contributing rule's id when the rules of this snapshot name it (to open it); null otherwise. */
  readonly syncRuleId: string | null
  /**
   * Where connector and rule come from: the exported value's lineage, the engine's winning import flow (a
   * computed metaverse, or an export without lineage), or nowhere (no rule writes the attribute).
   */
  readonly lineageSource: 'snapshot' | 'computed' | null
  readonly lastModified: string | null
}

/** The metaverse part of the report. */
export interface ReportMetaverse {
  readonly id: string
  readonly objectType: string
  readonly attributes: readonly ReportMvAttribute[]
}

/** One connector-space object of the Connectors tab. */
export interface ReportConnection {
  readonly connector: string
  readonly dn: string
  /** Null when the MV object lists the connection but that connector space is not in the snapshot. */
  readonly objectType: string | null
  readonly csId: string
  readonly isConnector: boolean
  readonly lineageType: string | null
  readonly lineageTime: string | null
}

/** Export flow to one connector. */
export interface ReportExport {
  readonly connector: string
  readonly connectorId: string
  readonly state: TargetState
  readonly rows: readonly ExportFlowRow[]
}

/** One unmapped attribute. */
export interface ReportUnmapped {
  readonly attribute: string
  readonly code: DiagnosisCode
  readonly severity: Severity
  readonly message: string
  readonly connector: string
  readonly kind: UnmappedKind
}

/** The `synclens object --json` document. */
export interface ObjectReport {
  readonly metaverse: ReportMetaverse | null
  readonly connectors: readonly ReportConnection[]
  readonly importFlow: readonly ImportFlowRow[]
  readonly exportFlow: readonly ReportExport[]
  readonly unmapped: readonly ReportUnmapped[]
  /** The findings counted by severity: the object's one count, the same in every view, the filter and the report. */
  readonly counts: SeverityCounts
}

/** What a report needs: the object is a CS object (`--dn`) or an MV object id (`--mv-id`). */
export interface ObjectReportInput {
  readonly ruleIndex: RuleIndex
  readonly index: ObjectIndex
  readonly object: { readonly csObject: CsObject } | { readonly mvObjectId: string }
  readonly mvLookup?: MvAttributeLookup
  readonly now?: () => Date
  /**
   * The question this report belongs to, built with the same rules, index, lookup and clock: the diagnoses of
   * the same object then reuse its flows instead of computing them again. A report without one uses its own.
   */
  readonly question?: WhyQuestion
}

/** Builds the report of one object; an unknown MV id yields an empty report with `metaverse: null`. */
export function objectReport(input: ObjectReportInput): ObjectReport {
  const { ruleIndex } = input
  const question = questionFor(input.question, input)
  const { index } = question
  const mvObjectId =
    'csObject' in input.object
      ? (input.object.csObject.mvLink?.mvObjectId ?? null)
      : normalizeGuid(input.object.mvObjectId)
  const mvObject = mvObjectId === null ? null : index.mvObject(mvObjectId)
  const csObjects =
    'csObject' in input.object
      ? orderFirst(input.object.csObject, mvObjectId === null ? [] : index.connectedCsObjects(mvObjectId))
      : mvObjectId === null
        ? []
        : index.connectedCsObjects(mvObjectId)
  const options = {
    ruleIndex,
    index,
    ...(input.mvLookup ? { mvLookup: input.mvLookup } : {}),
    ...(input.now ? { now: input.now } : {}),
  }
  const connectorName = (object: CsObject): string =>
    ruleIndex.connectorOf(object)?.name ?? object.connectorName ?? object.connectorId ?? ''
  const imports = csObjects.map((object) => question.importFlow(object))
  const importRows = imports.flatMap((result) => result.rows)
  // A computed metaverse has links but no values: the export flow reads what the rules compute.
  const effectiveMv =
    mvObject === null || hasExportedMetaverse(index)
      ? mvObject
      : question.computedMvObject(mvObject.id, imports, mvObject)
  const targets = effectiveMv ? question.exportTargets(effectiveMv) : []
  const exports = targets.map((target): ReportExport => ({
    connector: target.connector.name,
    connectorId: target.connector.id,
    state: target.state,
    rows: target.rows,
  }))
  const unmapped = findingsOf(csObjects, imports, effectiveMv, targets, options).map(
    (finding): ReportUnmapped => ({
      attribute: finding.attribute,
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      connector: finding.connector.name,
      kind: finding.kind,
    }),
  )
  return {
    metaverse: effectiveMv ? metaverseSection(effectiveMv, ruleIndex, importRows) : null,
    connectors: connections(mvObject, csObjects, connectorName, ruleIndex),
    importFlow: importRows,
    exportFlow: exports,
    unmapped,
    counts: countSeverities(unmapped.map((finding) => finding.severity)),
  }
}

function orderFirst(first: CsObject, others: readonly CsObject[]): readonly CsObject[] {
  return [first, ...others.filter((object) => object.id !== first.id)]
}

function metaverseSection(
  mvObject: MvObject,
  ruleIndex: RuleIndex,
  importRows: readonly ImportFlowRow[],
): ReportMetaverse {
  const winners = new Map<string, ImportFlowRow>()
  for (const row of importRows) {
    const key = row.mvAttribute.toLowerCase()
    if (row.winner && !winners.has(key)) winners.set(key, row)
  }
  return {
    id: mvObject.id,
    objectType: mvObject.objectType,
    attributes: mvObject.attributes.map((attribute) =>
      reportAttribute(attribute, ruleIndex, winners.get(attribute.name.toLowerCase()) ?? null),
    ),
  }
}

/**
 * One attribute with its contributor. The exported lineage names them when it can; otherwise (a computed
 * metaverse has no lineage, and some exports carry only ids) the engine's winning import flow does, so the
 * Attributes tab never leaves "Sync rule" empty for a value a rule wrote.
 */
function reportAttribute(
  attribute: MvAttribute,
  ruleIndex: RuleIndex,
  winner: ImportFlowRow | null,
): ReportMvAttribute {
  const lineage = attribute.lineage.find(
    (entry) => entry.connectorName !== null || entry.connectorId !== null,
  )
  const byId = lineage?.connectorId ? ruleIndex.connector(lineage.connectorId)?.name : undefined
  const lineageConnector = lineage?.connectorName ?? byId ?? lineage?.connectorId ?? null
  const lineageRule = attribute.lineage.find((entry) => entry.syncRuleName !== null)?.syncRuleName ?? null
  const ruleByName =
    lineageRule === null
      ? undefined
      : ruleIndex.rules.find((rule) => rule.name.toLowerCase() === lineageRule.toLowerCase())
  const fromSnapshot = lineageConnector !== null || lineageRule !== null
  return {
    name: attribute.name,
    type: attribute.type,
    values: attribute.values,
    contributingConnector: lineageConnector ?? winner?.connector.name ?? null,
    syncRule: lineageRule ?? winner?.rule.name ?? null,
    syncRuleId: ruleByName?.id ?? (lineageRule === null ? (winner?.rule.id ?? null) : null),
    lineageSource: fromSnapshot ? 'snapshot' : winner ? 'computed' : null,
    lastModified: attribute.lineage.find((entry) => entry.time !== null)?.time ?? null,
  }
}

function connections(
  mvObject: MvObject | null,
  csObjects: readonly CsObject[],
  connectorName: (object: CsObject) => string,
  ruleIndex: RuleIndex,
): readonly ReportConnection[] {
  const present = csObjects.map((object): ReportConnection => ({
    connector: connectorName(object),
    dn: object.dn,
    objectType: object.objectType,
    csId: object.id,
    isConnector: object.isConnector,
    lineageType: object.mvLink?.lineageType ?? null,
    lineageTime: object.mvLink?.lineageTime ?? null,
  }))
  const seen = new Set(csObjects.map((object) => object.id))
  const absent = (mvObject?.connections ?? [])
    .filter((connection) => !seen.has(connection.csId))
    .map((connection): ReportConnection => ({
      connector:
        connection.connectorName ??
        (connection.connectorId === null
          ? ''
          : ruleIndex.connectorLabel(normalizeGuid(connection.connectorId))),
      dn: connection.csDn,
      objectType: null,
      csId: connection.csId,
      isConnector: true,
      lineageType: connection.lineageType,
      lineageTime: connection.lineageTime,
    }))
  return [...present, ...absent]
}
