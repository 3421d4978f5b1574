import type { DiagnosisCode } from '../../../shared/engine/codes'
import { statusCode } from '../../../shared/engine/diagnose'
import type { ExportStatus } from '../../../shared/engine/export-flow'
import type { RuleRef } from '../../../shared/engine/rule-text'

/** How bad a code is, which sets its colour: the value flows, a fact to know, a likely cause, a definite break. */
export type CodeSeverity = 'ok' | 'info' | 'warning' | 'error'

/** The readable label of every diagnosis code. */
export function codeLabel(code: DiagnosisCode): string {
  switch (code) {
    case 'OK':
      return 'Flows'
    case 'NOT_SELECTED_ON_CONNECTOR':
      return 'Not selected on connector'
    case 'NO_SOURCE_VALUE':
      return 'No source value'
    case 'NO_INBOUND_FLOW':
      return 'No inbound flow'
    case 'RULE_DISABLED':
      return 'Rule disabled'
    case 'RULE_OUT_OF_SCOPE':
      return 'Out of scope'
    case 'OVERRIDDEN_BY_PRECEDENCE':
      return 'Overridden'
    case 'EXPRESSION_NULL':
      return 'NULL'
    case 'EXPRESSION_IGNORED':
      return 'IgnoreThisFlow'
    case 'AUTHORITATIVE_NULL':
      return 'AuthoritativeNull'
    case 'EXPRESSION_ERROR':
      return 'Error'
    case 'APPLY_ONCE':
      return 'Apply Once'
    case 'OBJECT_NOT_CONNECTED':
      return 'Not connected'
    case 'CLOUD_FILTERED':
      return 'Cloud filtered'
    case 'NO_OUTBOUND_FLOW':
      return 'No outbound flow'
    case 'PENDING_EXPORT':
      return 'Pending export'
    case 'EXPORT_ERROR':
      return 'Export error'
    case 'MV_STALE':
      return 'Metaverse stale'
  }
}

/** The severity of a code. */
export function codeSeverity(code: DiagnosisCode): CodeSeverity {
  switch (code) {
    case 'OK':
      return 'ok'
    case 'OVERRIDDEN_BY_PRECEDENCE':
    case 'APPLY_ONCE':
    case 'PENDING_EXPORT':
    case 'MV_STALE':
      return 'info'
    case 'NO_SOURCE_VALUE':
    case 'RULE_DISABLED':
    case 'RULE_OUT_OF_SCOPE':
    case 'EXPRESSION_NULL':
    case 'EXPRESSION_IGNORED':
    case 'OBJECT_NOT_CONNECTED':
    case 'CLOUD_FILTERED':
      return 'warning'
    case 'NOT_SELECTED_ON_CONNECTOR':
    case 'NO_INBOUND_FLOW':
    case 'NO_OUTBOUND_FLOW':
    case 'AUTHORITATIVE_NULL':
    case 'EXPRESSION_ERROR':
    case 'EXPORT_ERROR':
      return 'error'
  }
}

/** What a flow row's status chip says: its code, a short label that fits a chip, and the rest for its reason. */
export interface StatusChip {
  readonly code: DiagnosisCode
  readonly label: string
  /** What the short label leaves out (`by <rule>` for an overridden row), or null. */
  readonly detail: string | null
}

/** The chip of an import or export flow row. */
export function flowStatusChip(row: {
  readonly status: ExportStatus
  readonly overriddenBy: RuleRef | null
}): StatusChip {
  const code = statusCode(row.status)
  switch (row.status) {
    case 'contributes':
      return { code, label: 'Contributes', detail: null }
    case 'in-sync':
      return { code, label: 'In sync', detail: null }
    case 'overridden':
      return { code, label: 'Overridden', detail: row.overriddenBy ? `by ${row.overriddenBy.name}` : null }
    case 'differs':
      return { code, label: 'Target differs', detail: null }
    case 'not-joined':
      return { code, label: 'Not joined', detail: null }
    default:
      return { code, label: codeLabel(code), detail: null }
  }
}

/** True for a code that means the value does not arrive (the "Problems only" filters keep these). */
export function isProblem(code: DiagnosisCode): boolean {
  return code !== 'OK'
}
