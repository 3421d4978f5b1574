/**
 * The one catalogue of diagnosis codes (docs/DIAGNOSIS.md): each code's label, meaning and chip tone, the
 * severity of a finding, and the function that classifies one. The engine, the report, the command line
 * and the renderer all read this module, so one object shows the same marks and counts everywhere.
 */

/** Every diagnosis code, in the order of the catalogue. */
export const DIAGNOSIS_CODES = [
  'OK',
  'NOT_SELECTED_ON_CONNECTOR',
  'NO_SOURCE_VALUE',
  'NO_INBOUND_FLOW',
  'RULE_DISABLED',
  'RULE_OUT_OF_SCOPE',
  'OVERRIDDEN_BY_PRECEDENCE',
  'EXPRESSION_NULL',
  'EXPRESSION_IGNORED',
  'AUTHORITATIVE_NULL',
  'EXPRESSION_ERROR',
  'APPLY_ONCE',
  'OBJECT_NOT_CONNECTED',
  'CLOUD_FILTERED',
  'NO_OUTBOUND_FLOW',
  'PENDING_EXPORT',
  'EXPORT_ERROR',
  'MV_STALE',
  'OU_FILTERED',
  'OUT_OF_SYNC_SCOPE',
  'PENDING_IMPORT',
  'REFERENCE_UNRESOLVED',
] as const

/** One cause of an attribute not flowing (or `OK`). */
export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number]

/**
 * How much a finding asks of an admin: `blocking` (red) the value does not get where the rules or the question
 * say it should; `unmapped` (amber) a value with no mapping where one is plausible; `by-design` (quiet) an
 * attribute that only feeds other rules or that the target cannot hold.
 */
export type Severity = 'blocking' | 'unmapped' | 'by-design'

/** Every severity, worst first. */
export const SEVERITIES: readonly Severity[] = ['blocking', 'unmapped', 'by-design']

/** The colour of a mark: a finding's severity, a flowing value (`ok`), or a fact that stops nothing (`info`). */
export type Tone = Severity | 'ok' | 'info'

/** What the catalogue says of one code. */
export interface CodeEntry {
  /** A short label that fits a chip. */
  readonly label: string
  /** One sentence for a reader who has never used SyncLens. */
  readonly meaning: string
  /**
   * The tone of the code on its own, where no finding classifies it: `ok` for OK, `info` for a code that
   * names a fact without stopping the value (an overridden losing rule, a staged export), `blocking` otherwise.
   */
  readonly tone: Tone
  /** What an admin does about it, in one sentence. */
  readonly action: string
}

/** The catalogue: label, meaning and tone of every code. */
export const CODE_CATALOGUE: Readonly<Record<DiagnosisCode, CodeEntry>> = {
  OK: { label: 'Flows', meaning: 'The value reaches its destination.', tone: 'ok', action: 'Nothing to do.' },
  NOT_SELECTED_ON_CONNECTOR: {
    label: 'Not selected on connector',
    meaning: 'The connector does not import this attribute (it is not in its attribute inclusion list).',
    tone: 'blocking',
    action:
      'Select the attribute on the connector (Properties > Select Attributes), then run a full import and a full synchronization.',
  },
  NO_SOURCE_VALUE: {
    label: 'No source value',
    meaning: 'The source object has no value for this attribute.',
    tone: 'blocking',
    action: 'Fill the attribute on the source object; the rules carry only what the source holds.',
  },
  NO_INBOUND_FLOW: {
    label: 'No inbound flow',
    meaning: 'No enabled inbound synchronization rule for this connector and object type reads it.',
    tone: 'blocking',
    action:
      'Add an inbound flow for it in a custom rule (clone the out-of-box rule or create one with a precedence below 100).',
  },
  RULE_DISABLED: {
    label: 'Rule disabled',
    meaning: 'The only rules that read it are disabled.',
    tone: 'blocking',
    action: 'Enable the rule, or map the attribute in an enabled custom rule.',
  },
  RULE_OUT_OF_SCOPE: {
    label: 'Out of scope',
    meaning: 'A rule reads it, but the rule’s scoping filter excludes this object.',
    tone: 'blocking',
    action:
      'Change the object so the failing scoping clause holds, or widen the rule’s scoping filter in a custom rule.',
  },
  OVERRIDDEN_BY_PRECEDENCE: {
    label: 'Overridden',
    meaning: 'Another rule with a better (lower) precedence supplies the value.',
    tone: 'info',
    action: 'Change the winning rule’s source, or give the wanted rule a lower precedence number.',
  },
  EXPRESSION_NULL: {
    label: 'NULL',
    meaning: 'The rule’s expression produced NULL, so it contributed nothing.',
    tone: 'blocking',
    action: 'Check the expression’s inputs: it returns NULL for this object’s values.',
  },
  EXPRESSION_IGNORED: {
    label: 'IgnoreThisFlow',
    meaning: 'The rule’s expression returned IgnoreThisFlow.',
    tone: 'blocking',
    action: 'Check the expression: it returns IgnoreThisFlow for this object, so the old value stays.',
  },
  AUTHORITATIVE_NULL: {
    label: 'AuthoritativeNull',
    meaning: 'The rule’s expression returned AuthoritativeNull, which blanks the value.',
    tone: 'blocking',
    action: 'Check the expression: it blanks the value for this object on purpose (AuthoritativeNull).',
  },
  EXPRESSION_ERROR: {
    label: 'Error',
    meaning: 'The rule’s expression failed (Error() was called or a value had the wrong type).',
    tone: 'blocking',
    action: 'Fix the expression or the value it fails on; the whole object fails to synchronize until then.',
  },
  APPLY_ONCE: {
    label: 'Apply Once',
    meaning: 'The flow applies only when the target object is created, and it already existed.',
    tone: 'blocking',
    action: 'Apply Once flows only at creation: set the value in the target directly, or change the flow.',
  },
  OBJECT_NOT_CONNECTED: {
    label: 'Not connected',
    meaning: 'There is no connected object in the target connector space (or it is a disconnector).',
    tone: 'blocking',
    action: 'Bring the object into scope of a provisioning or join rule of the target connector.',
  },
  CLOUD_FILTERED: {
    label: 'Cloud filtered',
    meaning: 'The metaverse object is marked cloudFiltered, so it is not sent to Entra ID.',
    tone: 'blocking',
    action:
      'Find why cloudFiltered is true (the Join rule’s expression: a system account, a filtered object) and change that.',
  },
  NO_OUTBOUND_FLOW: {
    label: 'No outbound flow',
    meaning: 'No enabled outbound rule to the target connector writes it.',
    tone: 'blocking',
    action: 'Add an outbound flow to the target connector in a custom rule.',
  },
  PENDING_EXPORT: {
    label: 'Pending export',
    meaning: 'The new value waits in the target connector space for the next export.',
    tone: 'blocking',
    action: 'Run an export on the target connector, then a delta import to confirm it.',
  },
  EXPORT_ERROR: {
    label: 'Export error',
    meaning: 'The target object carries an export error.',
    tone: 'blocking',
    action: 'Resolve the export error (duplicate value, permission, schema) and export again.',
  },
  MV_STALE: {
    label: 'Metaverse stale',
    meaning:
      'The metaverse value differs from what the rules compute now: a synchronization has not run since a change.',
    tone: 'blocking',
    action: 'Run a synchronization cycle (delta, or full after a rule change).',
  },
  OU_FILTERED: {
    label: 'OU filtered',
    meaning:
      'The object lies outside the connector’s container (OU) filter, in an unselected partition, or its object class is not selected.',
    tone: 'blocking',
    action:
      'Include the container, partition or object class on the connector (Configure Directory Partitions), then run a full import.',
  },
  OUT_OF_SYNC_SCOPE: {
    label: 'Leaves sync scope',
    meaning:
      'The connected object is no longer in scope of any join or provisioning rule of its connector: the next synchronization disconnects it, and deletes it downstream when it was the last source.',
    tone: 'blocking',
    action:
      'Bring the object back into scope of a join or provisioning rule before the next synchronization if it should stay.',
  },
  PENDING_IMPORT: {
    label: 'Pending import',
    meaning:
      'The connector space holds an imported change that has not been synchronized into the metaverse yet.',
    tone: 'blocking',
    action: 'Run a synchronization on the connector to apply the imported change.',
  },
  REFERENCE_UNRESOLVED: {
    label: 'Reference unresolved',
    meaning:
      'A reference points at an object that is not in the connector space, not connected or out of sync scope, so it stays empty.',
    tone: 'blocking',
    action:
      'Bring the referenced object into sync scope (connector space, join, provisioning) so the reference can resolve.',
  },
}

/** The readable label of a code. */
export function codeLabel(code: DiagnosisCode): string {
  return CODE_CATALOGUE[code].label
}

/** What a code means, in one sentence. */
export function codeMeaning(code: DiagnosisCode): string {
  return CODE_CATALOGUE[code].meaning
}

/** What an admin does about a code, in one sentence. */
export function codeAction(code: DiagnosisCode): string {
  return CODE_CATALOGUE[code].action
}

/** The tone of a code where no finding classifies it. */
export function codeTone(code: DiagnosisCode): Tone {
  return CODE_CATALOGUE[code].tone
}

/** The readable name of a severity. */
export function severityLabel(severity: Severity): string {
  switch (severity) {
    case 'blocking':
      return 'Blocking'
    case 'unmapped':
      return 'Unmapped'
    case 'by-design':
      return 'By design'
  }
}

/** What a severity means, for legends and the Concepts panel. */
export function severityMeaning(severity: Severity): string {
  switch (severity) {
    case 'blocking':
      return 'The value does not get where the rules or the question say it should: act on it.'
    case 'unmapped':
      return 'A value with no mapping where one is plausible: a source value no inbound rule of its object type reads, or a metaverse value the target could hold and no outbound rule sends. An attribute a connector selects and no rule uses is marked once, on the connector.'
    case 'by-design':
      return 'A value that stays where it is on purpose: it only feeds other rules (an expression, a scoping or join clause), or the target cannot hold it.'
  }
}

/** The facts a finding is classified by; the engine gathers them, `classifyFinding` decides. */
export type FindingFacts =
  /** One attribute's way along a path that rules define: the code the path ends with. */
  | {
      readonly kind: 'path'
      readonly code: DiagnosisCode
      /** True when a value should arrive: the source holds one, or the question asks for it. */
      readonly valueExpected: boolean
    }
  /** A source attribute with a value that no enabled, in-scope inbound flow carries (code says why). */
  | {
      readonly kind: 'source-without-inbound-flow'
      readonly code: DiagnosisCode
      /**
       * False when no enabled inbound rule of the connector has the object in scope (an object type no rule
       * reads, an object its rules filter out): its attributes stay in the connector space by design.
       */
      readonly objectInSyncScope: boolean
    }
  /** A metaverse attribute with a value that no outbound flow to a target connector reads. */
  | {
      readonly kind: 'mv-without-outbound-flow'
      /** Read by another flow's expression, or by a scoping or join clause. */
      readonly feedsOtherRules: boolean
      /** The target's schema has an attribute of that name, or the target connector selects it. */
      readonly targetCanHold: boolean
    }
  /** Rules of a connector read an attribute that the connector does not select. */
  | { readonly kind: 'not-selected-on-connector' }
  /** A connector selects an attribute that no rule of the connector reads or writes. */
  | { readonly kind: 'selected-but-unused' }

/**
 * The one classification of a finding (README "Severity"): null when there is nothing to act on or to know
 * (the value flows, or there is no value and nobody asked for one).
 */
export function classifyFinding(facts: FindingFacts): Severity | null {
  switch (facts.kind) {
    case 'path':
      if (facts.code === 'OK' || !facts.valueExpected) return null
      return 'blocking'
    case 'source-without-inbound-flow':
      if (!facts.objectInSyncScope) return 'by-design'
      return facts.code === 'NO_INBOUND_FLOW' ? 'unmapped' : 'blocking'
    case 'mv-without-outbound-flow':
      if (facts.feedsOtherRules) return 'by-design'
      return facts.targetCanHold ? 'unmapped' : 'by-design'
    case 'not-selected-on-connector':
      return 'blocking'
    case 'selected-but-unused':
      return 'unmapped'
  }
}

/** True for the severities that "Problems only" and "has unmapped attributes" keep. */
export function isActionable(severity: Severity | null): severity is 'blocking' | 'unmapped' {
  return severity === 'blocking' || severity === 'unmapped'
}

/** Counts of findings by severity. */
export interface SeverityCounts {
  readonly blocking: number
  readonly unmapped: number
  readonly byDesign: number
}

/** Counts these severities (nulls are not findings and are not counted). */
export function countSeverities(severities: Iterable<Severity | null>): SeverityCounts {
  let blocking = 0
  let unmapped = 0
  let byDesign = 0
  for (const severity of severities) {
    if (severity === 'blocking') blocking++
    else if (severity === 'unmapped') unmapped++
    else if (severity === 'by-design') byDesign++
  }
  return { blocking, unmapped, byDesign }
}

/**
 * The status of one row of the Import or Export Attribute Flow page: what happened to one mapping of one
 * rule. The engine's flow rows use this vocabulary.
 */
export type FlowRowStatus =
  | 'contributes'
  | 'overridden'
  | 'out-of-scope'
  | 'disabled'
  | 'null'
  | 'ignore-this-flow'
  | 'authoritative-null'
  | 'error'
  | 'apply-once'
  | 'not-joined'
  | 'not-selected-on-connector'
  | 'object-not-connected'
  | 'cloud-filtered'
  | 'pending-export'
  | 'export-error'
  | 'in-sync'
  | 'differs'
  | 'removes'
  | 'reference-unresolved'

/** The diagnosis code of a flow row's status. */
export function statusCode(status: FlowRowStatus): DiagnosisCode {
  switch (status) {
    case 'contributes':
    case 'in-sync':
    case 'removes':
      return 'OK'
    case 'overridden':
      return 'OVERRIDDEN_BY_PRECEDENCE'
    case 'out-of-scope':
      return 'RULE_OUT_OF_SCOPE'
    case 'disabled':
      return 'RULE_DISABLED'
    case 'null':
      return 'EXPRESSION_NULL'
    case 'ignore-this-flow':
      return 'EXPRESSION_IGNORED'
    case 'authoritative-null':
      return 'AUTHORITATIVE_NULL'
    case 'error':
      return 'EXPRESSION_ERROR'
    case 'apply-once':
      return 'APPLY_ONCE'
    case 'not-joined':
    case 'object-not-connected':
      return 'OBJECT_NOT_CONNECTED'
    case 'cloud-filtered':
      return 'CLOUD_FILTERED'
    case 'not-selected-on-connector':
      return 'NOT_SELECTED_ON_CONNECTOR'
    case 'pending-export':
      return 'PENDING_EXPORT'
    case 'export-error':
      return 'EXPORT_ERROR'
    case 'differs':
      return 'MV_STALE'
    case 'reference-unresolved':
      return 'REFERENCE_UNRESOLVED'
  }
}
