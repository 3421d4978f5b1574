import type { ExportStatus } from '../../../shared/engine/export-flow'
import type { RuleRef } from '../../../shared/engine/rule-text'
import { codeLabel, type DiagnosisCode, statusCode } from '../../../shared/model/diagnosis-codes'

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
    case 'removes':
      return { code, label: 'Removes', detail: null }
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
