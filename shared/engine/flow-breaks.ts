/**
 * Breaks on paths that rules define, per attribute of one object: an inbound flow whose source holds a value
 * and that contributes nothing (NULL, IgnoreThisFlow, AuthoritativeNull, an error, Apply Once against a
 * different value), a metaverse value the rules would change, and an outbound value that does not reach the
 * target (staged, refused, stale, not selected, unresolved reference, not connected, cloud filtered). A flow
 * with no source value is no break: nothing should arrive. Each break is a blocking finding
 * (`classifyFinding` of a `path`), so the object views, the filter and the report count the same lines.
 */
import { classifyFinding, type DiagnosisCode, statusCode } from '../model/diagnosis-codes'
import type { ExportTarget } from './export-flow'
import type { ImportFlowResult, ImportFlowRow } from './import-flow'
import { lowerName } from './attribute-bag'
import { type ConnectorRef, ruleLabel } from './rule-text'
import { sameValues } from './value-compare'
import type { UnmappedAttribute } from './unmapped'
import type { CsObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'
import { unresolvedInboundReferences, unresolvedReferenceText } from './reference-values'
import type { RuleIndex } from './rule-index'
import { ouFilterText, pendingImportNames, pendingImportOf, syncScopeExit } from './sync-scope'
import { describeValues } from './value-compare'

function pathBreak(
  attribute: string,
  code: DiagnosisCode,
  message: string,
  connector: ConnectorRef,
): UnmappedAttribute | null {
  const severity = classifyFinding({ kind: 'path', code, valueExpected: true })
  if (severity === null) return null
  return { attribute, kind: 'path-break', code, severity, message, connector }
}

/** The breaks of one connector-space object's inbound flows. */
export function importBreaks(
  flow: ImportFlowResult,
  csObject: CsObject,
  index: ObjectIndex,
): readonly UnmappedAttribute[] {
  if (flow.link.kind === 'not-joined') return []
  const breaks: UnmappedAttribute[] = []
  for (const row of flow.rows) {
    if (!row.winner || row.status !== 'contributes' || row.flowType !== 'Direct') continue
    const source = row.sourceValues[0]?.attribute
    if (source === undefined) continue
    const unresolved = unresolvedInboundReferences(source, csObject, flow.connector.id, index)
    if (unresolved.length === 0) continue
    const found = pathBreak(
      row.mvAttribute,
      'REFERENCE_UNRESOLVED',
      unresolvedReferenceText(source, unresolved),
      flow.connector,
    )
    if (found) breaks.push(found)
  }
  const rowsOf = new Map<string, ImportFlowRow[]>()
  for (const row of flow.rows) {
    const key = lowerName(row.mvAttribute)
    const list = rowsOf.get(key) ?? []
    list.push(row)
    rowsOf.set(key, list)
  }
  for (const attribute of flow.attributes) {
    const rows = rowsOf.get(lowerName(attribute.mvAttribute)) ?? []
    const found = importBreak(attribute.mvAttribute, attribute.resolution.kind, attribute.stale, rows, flow)
    if (found) breaks.push(found)
  }
  return breaks
}

function importBreak(
  mvAttribute: string,
  resolution: string,
  stale: boolean | null,
  rows: readonly ImportFlowRow[],
  flow: ImportFlowResult,
): UnmappedAttribute | null {
  const connector = flow.connector
  const wanted = lowerName(mvAttribute)
  // A value is expected when a rule in scope computes one, or the attribute's own source holds one: an
  // expression that maps a flag from other attributes (cloudFiltered) and returns NULL drops nothing.
  const fed = rows.filter(
    (row) =>
      row.status !== 'disabled' &&
      row.status !== 'out-of-scope' &&
      row.sourceValues.some((source) => lowerName(source.attribute) === wanted && source.values.length > 0),
  )
  const anyComputes = rows.some((row) => row.computed.kind === 'value' && row.status !== 'disabled')
  const first = (status: ImportFlowRow['status']): ImportFlowRow | undefined =>
    rows.find((row) => row.status === status && (anyComputes || fed.length > 0))
  const once = fed.find(
    (row) =>
      row.status === 'apply-once' &&
      row.computed.kind === 'value' &&
      !sameValues(row.computed.values, row.mvValueInSnapshot ?? []),
  )
  if (once && resolution !== 'value') {
    return pathBreak(
      mvAttribute,
      'APPLY_ONCE',
      `${ruleLabel(once.rule)} maps ${mvAttribute} with Apply Once; the object already exists, so the new value does not flow.`,
      connector,
    )
  }
  switch (resolution) {
    case 'error': {
      const row = first('error')
      return row
        ? pathBreak(
            mvAttribute,
            'EXPRESSION_ERROR',
            `${ruleLabel(row.rule)} raised an error computing ${mvAttribute}.`,
            connector,
          )
        : null
    }
    case 'authoritative-null': {
      const row = first('authoritative-null')
      return row
        ? pathBreak(
            mvAttribute,
            'AUTHORITATIVE_NULL',
            `${ruleLabel(row.rule)} blanks ${mvAttribute} with AuthoritativeNull.`,
            connector,
          )
        : null
    }
    case 'keep-existing': {
      const row = first('ignore-this-flow')
      return row
        ? pathBreak(
            mvAttribute,
            'EXPRESSION_IGNORED',
            `${ruleLabel(row.rule)} returns IgnoreThisFlow for ${mvAttribute}, so the old value stays.`,
            connector,
          )
        : null
    }
    case 'none': {
      const expression = fed.find((row) => row.status === 'null' && row.flowType === 'Expression')
      if (expression) {
        return pathBreak(
          mvAttribute,
          'EXPRESSION_NULL',
          `${ruleLabel(expression.rule)} computes ${mvAttribute} with an expression that returns NULL although its source has a value.`,
          connector,
        )
      }
      return null
    }
    case 'value':
      return stale === true
        ? pathBreak(
            mvAttribute,
            'MV_STALE',
            `The metaverse holds a different ${mvAttribute} than the rules compute now: synchronization has not run since the change.`,
            connector,
          )
        : null
    default:
      return null
  }
}

/** The breaks of one target connector's outbound flows. */
export function exportBreaks(target: ExportTarget): readonly UnmappedAttribute[] {
  const connector = target.connector
  if (target.state === 'cloud-filtered' || target.state === 'not-connected') {
    const code: DiagnosisCode = target.state === 'cloud-filtered' ? 'CLOUD_FILTERED' : 'OBJECT_NOT_CONNECTED'
    const found = pathBreak('', code, target.stateReason, connector)
    return found ? [found] : []
  }
  const breaks: UnmappedAttribute[] = []
  for (const row of target.rows) {
    if (!row.winner) continue
    switch (row.status) {
      case 'pending-export':
      case 'export-error':
      case 'differs':
      case 'not-selected-on-connector':
      case 'reference-unresolved': {
        const found = pathBreak(
          row.csAttribute,
          statusCode(row.status),
          `${ruleLabel(row.rule)}: ${row.reason}`,
          connector,
        )
        if (found) breaks.push(found)
        break
      }
      default:
        break
    }
  }
  return breaks
}

/**
 * The breaks of how one connector-space object enters and leaves synchronization: outside the container
 * filter, out of every join and provisioning rule's scope (each about the whole object), and imported changes
 * no synchronization has applied (per attribute a rule reads). `leaving` is true when the object leaves
 * synchronization, which makes its flow breaks moot.
 */
export function lifecycleBreaks(
  csObject: CsObject,
  flow: ImportFlowResult | undefined,
  index: ObjectIndex,
  ruleIndex: RuleIndex,
): { readonly breaks: readonly UnmappedAttribute[]; readonly leaving: boolean } {
  const connector = flow?.connector ?? ruleIndex.connectorRef(csObject.connectorId ?? '')
  const breaks: UnmappedAttribute[] = []
  const filtered = ouFilterText(csObject, ruleIndex)
  if (filtered !== null) {
    const found = pathBreak('', 'OU_FILTERED', filtered, connector)
    if (found) breaks.push(found)
  }
  const exit = flow ? syncScopeExit(flow, csObject, index, ruleIndex) : null
  if (exit) {
    const found = pathBreak('', 'OUT_OF_SYNC_SCOPE', exit.message, connector)
    if (found) breaks.push(found)
  }
  const read = ruleIndex.mappedSources(connector.id, csObject.objectType)
  for (const name of pendingImportNames(csObject)) {
    if (!read.has(lowerName(name))) continue
    const pending = pendingImportOf(csObject, name)
    if (!pending) continue
    const found = pathBreak(
      name,
      'PENDING_IMPORT',
      `${name} changes from ${describeValues(pending.synchronized)} to ${describeValues(pending.pending)} at the next synchronization (imported, not yet synchronized).`,
      connector,
    )
    if (found) breaks.push(found)
  }
  return { breaks, leaving: filtered !== null || exit !== null }
}
