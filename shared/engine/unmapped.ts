/**
 * Unmapped attributes: values that no rule carries (a source value no inbound flow reads, a metaverse
 * value no outbound flow sends), and connector attribute lists that disagree with the rules (an attribute
 * not selected on a connector, a selected attribute no rule uses).
 *
 * The per-object part is built for scans over millions of objects: the sets of mapped attributes
 * are computed once per rule index, and an object costs one set lookup per attribute.
 */
import { normalizeGuid } from '../model/connector'
import type { Attribute, CsObject, MvAttributeOrigin, MvObject } from '../model/objects'
import type { SyncRule } from '../model/sync-rule'
import type { ObjectIndex } from '../model/object-index'
import { lowerName } from './attribute-bag'
import { classifyFinding, type DiagnosisCode, type Severity } from '../model/diagnosis-codes'
import { inboundSource } from './import-flow'
import type { RuleIndex } from './rule-index'
import type { ConnectorRef } from './rule-text'
import { connectorSpaceMembership, evaluateScope, scopeFailureText } from './scoping'
import { clauseReadSources, mvWithoutOutboundSeverity } from './severity'

/** Which of the four cases above a finding is. */
export type UnmappedKind =
  | 'source-without-inbound-flow'
  | 'mv-without-outbound-flow'
  | 'not-selected-on-connector'
  | 'selected-but-unused'
  /** A break on a path rules define (see flow-breaks.ts); `attribute` is empty for the whole object. */
  | 'path-break'

/** One unmapped attribute, with its diagnosis code and one sentence. */
export interface UnmappedAttribute {
  readonly attribute: string
  readonly kind: UnmappedKind
  readonly code: DiagnosisCode
  /** How much it asks of an admin, from `classifyFinding`. */
  readonly severity: Severity
  readonly message: string
  readonly connector: ConnectorRef
}

/**
 * The static check (a): names of attributes with a value that no enabled inbound rule of the connector
 * for this object type reads. Costs one set lookup per attribute.
 */
export function unmappedSourceNames(
  ruleIndex: RuleIndex,
  connectorId: string,
  csObjectType: string,
  attributes: readonly Attribute[],
): readonly string[] {
  return unmappedSourceNamesOf(
    ruleIndex,
    connectorId,
    csObjectType,
    attributes.filter((attribute) => attribute.values.length > 0).map((attribute) => attribute.name),
  )
}

/**
 * (a) by name only: which of these attribute names (each known to hold a value) no enabled inbound flow of
 * the connector and CS object type reads, leaving out what the engine itself exports there. The store
 * gives the names of a row without building the object, which keeps a scan over millions of objects cheap.
 */
export function unmappedSourceNamesOf(
  ruleIndex: RuleIndex,
  connectorId: string,
  csObjectType: string,
  namesWithValues: readonly string[],
): readonly string[] {
  const mapped = ruleIndex.mappedSources(connectorId, csObjectType)
  const exported = ruleIndex.exportedAttributes(connectorId, csObjectType)
  const clauses = clauseReadSources(ruleIndex, connectorId, csObjectType)
  const unused = selectedButUnused(ruleIndex, connectorId)
  return namesWithValues.filter((name) => {
    const lower = lowerName(name)
    return !mapped.has(lower) && !exported.has(lower) && !clauses.has(lower) && !unused.has(lower)
  })
}

const unusedCache = new WeakMap<RuleIndex, Map<string, ReadonlySet<string>>>()

/**
 * Lower-cased attributes the connector selects that no rule of the connector reads or writes: a fact of the
 * connector's configuration, reported once for it (`connectorAttributeGaps`), never as a mark on each of its
 * objects (every user carrying accountExpires would otherwise be amber for the same reason).
 */
export function selectedButUnused(ruleIndex: RuleIndex, connectorId: string): ReadonlySet<string> {
  let byConnector = unusedCache.get(ruleIndex)
  if (!byConnector) {
    byConnector = new Map()
    unusedCache.set(ruleIndex, byConnector)
  }
  const cached = byConnector.get(connectorId)
  if (cached) return cached
  const used = ruleIndex.ruleAttributes(connectorId)
  const unused = new Set(
    (ruleIndex.connector(connectorId)?.selectedAttributes ?? [])
      .map(lowerName)
      .filter((name) => !used.has(name)),
  )
  byConnector.set(connectorId, unused)
  return unused
}

/** What the object checks need. */
export interface UnmappedOptions {
  readonly ruleIndex: RuleIndex
  readonly index: ObjectIndex
}

/**
 * (a) for one CS object: attributes with a value and no enabled, in-scope inbound flow. The attributes its
 * rules use that the connector does not select (c), and the attributes it selects that no rule of it uses
 * (d), are facts of the connector, the same for every object, and are reported once by
 * `connectorAttributeGaps`, not repeated on each object.
 */
export function unmappedForCsObject(
  csObject: CsObject,
  options: UnmappedOptions,
): readonly UnmappedAttribute[] {
  const { ruleIndex, index } = options
  const connector = ruleIndex.connectorOf(csObject)
  if (!connector) return []
  const connectorRef = ruleIndex.connectorRef(connector.id)
  const source = inboundSource(csObject)
  const findings: UnmappedAttribute[] = []
  const disabledOnly = ruleIndex.disabledOnlySources(connector.id, csObject.objectType)
  const readers = ruleIndex.inboundReaders(connector.id, csObject.objectType)
  const membership = connectorSpaceMembership(index, connector.id, csObject.dn)
  const scopeCache = new Map<SyncRule, string | null>()
  const failure = (rule: SyncRule): string | null => {
    if (!scopeCache.has(rule)) {
      const scope = evaluateScope(rule.scopeGroups, source, membership)
      scopeCache.set(rule, scope.inScope ? null : scopeFailureText(scope))
    }
    return scopeCache.get(rule) ?? null
  }
  const typeLabel = `${csObject.objectType} objects`
  let syncScope: boolean | null = null
  const inSyncScope = (): boolean => {
    syncScope ??= ruleIndex
      .inbound(connector.id, csObject.objectType)
      .some((rule) => !rule.disabled && failure(rule) === null)
    return syncScope
  }
  // Values the sync engine itself exported to this connector (Entra ID) are not source data waiting for a rule.
  const exported = ruleIndex.exportedAttributes(connector.id, csObject.objectType)
  const clauses = clauseReadSources(ruleIndex, connector.id, csObject.objectType)
  const unused = selectedButUnused(ruleIndex, connector.id)
  for (const attribute of source.attributes) {
    if (attribute.values.length === 0) continue
    const name = lowerName(attribute.name)
    if (unused.has(name)) continue
    if (exported.has(name) && !readers.has(name)) continue
    if (clauses.has(name) && !readers.has(name)) continue
    const rules = readers.get(name)
    if (!rules) {
      const disabled = disabledOnly.has(name)
      const code: DiagnosisCode = disabled ? 'RULE_DISABLED' : 'NO_INBOUND_FLOW'
      findings.push({
        attribute: attribute.name,
        kind: 'source-without-inbound-flow',
        code,
        severity: sourceSeverity(code, inSyncScope()),
        message: disabled
          ? `${attribute.name} has a value, but only disabled inbound rules of "${connectorRef.name}" map it.`
          : `${attribute.name} has a value, but no enabled inbound rule of "${connectorRef.name}" for ${typeLabel} maps it.`,
        connector: connectorRef,
      })
      continue
    }
    const [first] = rules
    const firstFailure = first ? failure(first) : null
    if (first && firstFailure !== null && rules.every((rule) => failure(rule) !== null)) {
      findings.push({
        attribute: attribute.name,
        kind: 'source-without-inbound-flow',
        code: 'RULE_OUT_OF_SCOPE',
        severity: sourceSeverity('RULE_OUT_OF_SCOPE', inSyncScope()),
        message: `${attribute.name} has a value, but every enabled rule that maps it is out of scope (Rule "${first.name}": ${firstFailure}).`,
        connector: connectorRef,
      })
    }
  }
  return findings
}

function sourceSeverity(code: DiagnosisCode, objectInSyncScope: boolean): Severity {
  return classifyFinding({ kind: 'source-without-inbound-flow', code, objectInSyncScope }) ?? 'unmapped'
}

/** (b) for one MV object: attributes with a value that no enabled outbound rule to a target connector reads. */
export function unmappedForMvObject(
  mvObject: MvObject,
  ruleIndex: RuleIndex,
  targetConnectorId?: string,
): readonly UnmappedAttribute[] {
  const attributes = mvObject.attributes.map((attribute): MvAttributeOrigin => ({
    name: attribute.name,
    valueCount: attribute.values.length,
    lineageConnectorIds: attribute.lineage.map((entry) => entry.connectorId),
  }))
  return unmappedForMvAttributes(ruleIndex, mvObject.objectType, attributes, targetConnectorId)
}

/** (b) over a metaverse object's attributes as the store describes them; see `unmappedForMvObject`. */
export function unmappedForMvAttributes(
  ruleIndex: RuleIndex,
  objectType: string,
  attributes: readonly MvAttributeOrigin[],
  targetConnectorId?: string,
): readonly UnmappedAttribute[] {
  const targets =
    targetConnectorId === undefined
      ? ruleIndex.outboundConnectors(objectType)
      : [normalizeGuid(targetConnectorId)]
  const findings: UnmappedAttribute[] = []
  const lineageOf = new Map(
    attributes.map((attribute) => [lowerName(attribute.name), attribute.lineageConnectorIds]),
  )
  for (const connectorId of targets) {
    const connectorRef = ruleIndex.connectorRef(connectorId)
    const read = ruleIndex.outboundReadAttributes(connectorId, objectType)
    const sourceDirectory = ruleIndex.connector(connectorId)?.type === 'AD'
    for (const attribute of attributes) {
      if (attribute.valueCount === 0 || read.has(lowerName(attribute.name))) continue
      // A value never has to flow back to where it came from: without an explicit target, the
      // connector that contributed it (by lineage, or an AD source directory when there is no
      // lineage) is not reported as missing an outbound flow; writeback is asked for with a target.
      if (targetConnectorId === undefined) {
        const lineage = lineageOf.get(lowerName(attribute.name)) ?? []
        const contributed = lineage.some((id) => id !== null && normalizeGuid(id) === connectorId)
        if (contributed || (lineage.length === 0 && sourceDirectory)) continue
      }
      findings.push({
        attribute: attribute.name,
        kind: 'mv-without-outbound-flow',
        code: 'NO_OUTBOUND_FLOW',
        severity: mvWithoutOutboundSeverity(ruleIndex, connectorId, attribute.name),
        message: `${attribute.name} has a value in the metaverse, but no enabled outbound rule to "${connectorRef.name}" for ${objectType} objects maps it.`,
        connector: connectorRef,
      })
    }
  }
  return findings
}

const gapCache = new WeakMap<RuleIndex, Map<string, readonly UnmappedAttribute[]>>()

/**
 * (c) and (d) for one connector: attributes its rules use that it does not select, and selected
 * attributes no rule uses. Computed once per rule index and connector.
 */
export function connectorAttributeGaps(
  ruleIndex: RuleIndex,
  connectorId: string,
): readonly UnmappedAttribute[] {
  let byConnector = gapCache.get(ruleIndex)
  if (!byConnector) {
    byConnector = new Map()
    gapCache.set(ruleIndex, byConnector)
  }
  const cached = byConnector.get(connectorId)
  if (cached) return cached
  const gaps = computeGaps(ruleIndex, connectorId)
  byConnector.set(connectorId, gaps)
  return gaps
}

function computeGaps(ruleIndex: RuleIndex, connectorId: string): readonly UnmappedAttribute[] {
  const connector = ruleIndex.connector(connectorId)
  if (!connector || connector.selectedAttributes.length === 0) return []
  const connectorRef = ruleIndex.connectorRef(connectorId)
  const used = ruleIndex.ruleAttributes(connectorId)
  const selected = ruleIndex.selected(connectorId)
  const unused = selectedButUnused(ruleIndex, connectorId)
  const findings: UnmappedAttribute[] = []
  for (const [lower, name] of used) {
    if (lower !== 'dn' && !selected.has(lower)) findings.push(notSelected(name, connectorRef))
  }
  // Entra ID is where values are exported to, so an unused attribute there lacks an outbound flow.
  const code: DiagnosisCode = connector.type === 'AAD' ? 'NO_OUTBOUND_FLOW' : 'NO_INBOUND_FLOW'
  for (const name of connector.selectedAttributes) {
    if (!unused.has(lowerName(name))) continue
    findings.push({
      attribute: name,
      kind: 'selected-but-unused',
      code,
      severity: classifyFinding({ kind: 'selected-but-unused' }) ?? 'unmapped',
      message: `${name} is selected on "${connectorRef.name}", but no sync rule of that connector uses it.`,
      connector: connectorRef,
    })
  }
  return findings
}

function notSelected(attribute: string, connector: ConnectorRef): UnmappedAttribute {
  return {
    attribute,
    kind: 'not-selected-on-connector',
    code: 'NOT_SELECTED_ON_CONNECTOR',
    severity: classifyFinding({ kind: 'not-selected-on-connector' }) ?? 'blocking',
    message: `${attribute} is used by sync rules of "${connector.name}", but it is not in that connector's attribute inclusion list.`,
    connector,
  }
}
