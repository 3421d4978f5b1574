import type { DiagnosisCode } from '../engine/codes'

/** What each diagnosis code means, in words for a reader who has never used SyncLens. */
export const CODE_MEANINGS: ReadonlyMap<DiagnosisCode, string> = new Map<DiagnosisCode, string>([
  ['OK', 'The value reaches its destination.'],
  [
    'NOT_SELECTED_ON_CONNECTOR',
    'The connector does not import this attribute (it is not in its attribute list).',
  ],
  ['NO_SOURCE_VALUE', 'The source object has no value for this attribute.'],
  ['NO_INBOUND_FLOW', 'No enabled inbound synchronization rule for this connector and object type reads it.'],
  ['RULE_DISABLED', 'The only rules that read it are disabled.'],
  ['RULE_OUT_OF_SCOPE', 'A rule reads it, but the rule’s scoping filter excludes this object.'],
  ['OVERRIDDEN_BY_PRECEDENCE', 'Another rule with a better (lower) precedence supplies the value.'],
  ['EXPRESSION_NULL', 'The rule’s expression produced NULL, so it contributed nothing.'],
  ['EXPRESSION_IGNORED', 'The rule’s expression returned IgnoreThisFlow.'],
  ['AUTHORITATIVE_NULL', 'The rule’s expression returned AuthoritativeNull, which blanks the value.'],
  ['EXPRESSION_ERROR', 'The rule’s expression failed (Error() was called or a value had the wrong type).'],
  ['APPLY_ONCE', 'The flow applies only when the target object is created, and it already existed.'],
  [
    'OBJECT_NOT_CONNECTED',
    'There is no connected object in the target connector space (or it is filtered out).',
  ],
  ['CLOUD_FILTERED', 'The metaverse object is marked cloudFiltered, so it is not sent to Entra ID.'],
  ['NO_OUTBOUND_FLOW', 'No enabled outbound rule to the target connector writes it.'],
  ['PENDING_EXPORT', 'The new value waits in the target connector space for the next export.'],
  ['EXPORT_ERROR', 'The target object carries an export error.'],
  [
    'MV_STALE',
    'The metaverse value differs from what the rules compute now: a synchronization has not run since a change.',
  ],
])
