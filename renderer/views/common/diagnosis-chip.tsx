import type { DiagnosisCode } from '../../../shared/model/diagnosis-codes'
import { codeLabel, codeSeverity } from './diagnosis-codes'

/**
 * The one mark of a diagnosis code in every view: a readable label coloured by severity, the reason as its
 * tooltip and, with `detailed`, as a visible line under it.
 */
export function DiagnosisChip({
  code,
  label = codeLabel(code),
  reason,
  detailed = false,
}: {
  readonly code: DiagnosisCode
  /** Overrides the code's label (e.g. "Overridden by In from AD - User Common"). */
  readonly label?: string
  /** One sentence saying why. */
  readonly reason?: string
  readonly detailed?: boolean
}) {
  const severity = codeSeverity(code)
  return (
    <span className={detailed ? 'diagnosis diagnosis--detailed' : 'diagnosis'}>
      <span
        className={`chip chip--${severity}`}
        title={reason ?? label}
        data-code={code}
        data-testid="diagnosis-chip"
      >
        {label}
      </span>
      {detailed && reason !== undefined && reason !== '' && (
        <span className="diagnosis__reason">{reason}</span>
      )}
    </span>
  )
}
