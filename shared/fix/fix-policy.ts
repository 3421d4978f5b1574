import type { DiagnosisCode } from '../model/diagnosis-codes'

/** What kind of change clears a break. */
export type FixKind =
  /** A sync rule change the draft writes. */
  | 'rule'
  /** A connector change (attribute inclusion) the draft writes. */
  | 'connector'
  /** The source data is wrong or missing: fixed in the directory, not in the configuration. */
  | 'data'
  /** A run (synchronization, export, import) has not happened yet. */
  | 'run'
  /** The engine keeps the object out on purpose. */
  | 'by-design'
  /** The break lies on another object's path (a reference to an object that is not synchronized). */
  | 'other-object'
  /** Nothing is broken. */
  | 'none'

/** How SyncLens answers one diagnosis code when asked to draft a fix. */
export interface FixPolicy {
  readonly kind: FixKind
  /** What the admin does when the draft cannot (data, run, by design), or what the draft does. */
  readonly advice: string
}

/** One entry per diagnosis code, so a new code cannot be left without an answer. */
export const FIX_POLICIES: Readonly<Record<DiagnosisCode, FixPolicy>> = {
  OK: { kind: 'none', advice: 'The value already flows end to end; there is nothing to fix.' },
  NOT_SELECTED_ON_CONNECTOR: {
    kind: 'connector',
    advice: 'Select the attribute on the connector (Select Attributes), then run a full import.',
  },
  NO_SOURCE_VALUE: {
    kind: 'data',
    advice:
      'Set the value in the source directory: synchronization only carries what the source object holds.',
  },
  NO_INBOUND_FLOW: {
    kind: 'rule',
    advice: 'Add a custom inbound rule (precedence below 100) that maps the attribute into the metaverse.',
  },
  RULE_DISABLED: {
    kind: 'rule',
    advice: 'Map the attribute in an enabled rule: the enabled copy of the disabled rule, or a custom rule.',
  },
  RULE_OUT_OF_SCOPE: {
    kind: 'rule',
    advice:
      'Change the failing scoping clause in a custom copy of the rule, or change the object so it matches.',
  },
  OVERRIDDEN_BY_PRECEDENCE: {
    kind: 'rule',
    advice: 'Change the precedence so that the rule carrying the wanted value runs first.',
  },
  EXPRESSION_NULL: {
    kind: 'rule',
    advice: 'Change the expression (in a custom copy of an out-of-box rule), or the source value it rejects.',
  },
  EXPRESSION_IGNORED: {
    kind: 'rule',
    advice: 'Change the expression that returns IgnoreThisFlow, or the source value that makes it do so.',
  },
  AUTHORITATIVE_NULL: {
    kind: 'rule',
    advice: 'Change the expression that returns AuthoritativeNull, or the source value that triggers it.',
  },
  EXPRESSION_ERROR: {
    kind: 'rule',
    advice: 'Fix the source value the expression rejects, or change the expression.',
  },
  APPLY_ONCE: {
    kind: 'rule',
    advice: 'Clear Apply Once on the mapping, or change the value in the target directory.',
  },
  OBJECT_NOT_CONNECTED: {
    kind: 'by-design',
    advice:
      'No attribute rule creates the target object: check why the provisioning (Join) rule is out of scope for it and whether the object should be synchronized at all.',
  },
  CLOUD_FILTERED: {
    kind: 'by-design',
    advice:
      'cloudFiltered is set on purpose by the out-of-box Join rule (system and service accounts, ...); SyncLens does not draft a change that sends a filtered object to Entra ID.',
  },
  NO_OUTBOUND_FLOW: {
    kind: 'rule',
    advice:
      'Add a custom outbound rule (precedence below 100) that maps the attribute to the target connector.',
  },
  PENDING_EXPORT: {
    kind: 'run',
    advice: 'Run an export on the target connector, then a delta import to confirm it.',
  },
  EXPORT_ERROR: {
    kind: 'data',
    advice:
      'Resolve the export error (for example the duplicate value) in the target directory; the next export retries.',
  },
  MV_STALE: {
    kind: 'run',
    advice: 'Run a delta synchronization (a full synchronization after a rule change).',
  },
  OU_FILTERED: {
    kind: 'connector',
    advice:
      'Include the container, partition or object class in the connector’s filter (Synchronization Service Manager, Connectors, Properties, Configure Directory Partitions, Containers), then run a full import; or move the object back into a synchronized container if it was moved by mistake.',
  },
  OUT_OF_SYNC_SCOPE: {
    kind: 'rule',
    advice:
      'Bring the object back into the scope of a join or provisioning rule: undo the change on the object that took it out (the usual case), or widen the failing clause in a custom copy of the rule.',
  },
  PENDING_IMPORT: {
    kind: 'run',
    advice: 'Run a delta synchronization on the connector: it applies the imported change.',
  },
  REFERENCE_UNRESOLVED: {
    kind: 'other-object',
    advice:
      'The referenced object is not in the target connector space: draft a fix for that object (why it is not connected or provisioned); the reference resolves at the next synchronization after it is.',
  },
}
