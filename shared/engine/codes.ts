/** The diagnosis codes of PRODUCT.md §4, shared by the UI and the command line. */
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
] as const

/** One cause of an attribute not flowing (or `OK`). */
export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number]
