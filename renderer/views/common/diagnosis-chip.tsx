import { codeLabel, codeTone, type DiagnosisCode, type Tone } from '../../../shared/model/diagnosis-codes'
import { useAnswersHidden } from '../../ui/present-mode'

/** The chip class of a tone: blocking red, unmapped amber, by design quiet, flowing green, a fact blue. */
export function toneClass(tone: Tone): string {
  switch (tone) {
    case 'blocking':
      return 'chip--error'
    case 'unmapped':
      return 'chip--warning'
    case 'by-design':
      return 'chip--quiet'
    case 'ok':
      return 'chip--ok'
    case 'info':
      return 'chip--info'
  }
}

/**
 * The one mark of a diagnosis code in every view: a readable label coloured by the finding's severity (or the
 * code's own tone where no finding classifies it), the reason as its tooltip and, with `detailed`, as a
 * visible line under it. While a trainer presents, a masked chip instead.
 */
export function DiagnosisChip({
  code,
  label = codeLabel(code),
  reason,
  detailed = false,
  tone = codeTone(code),
}: {
  readonly code: DiagnosisCode
  /** Overrides the code's label (e.g. "Overridden by In from AD - User Common"). */
  readonly label?: string
  /** One sentence saying why. */
  readonly reason?: string
  readonly detailed?: boolean
  /** The severity of the finding the chip marks; the code's own tone when omitted. */
  readonly tone?: Tone
}) {
  // Presenting a case: the class works the answer out before the chip tells it.
  if (useAnswersHidden()) {
    return (
      <span className="diagnosis">
        <span
          className="chip chip--masked"
          title="Hidden while presenting: Reveal answers shows it"
          data-testid="diagnosis-chip"
          data-masked="true"
        >
          ?
        </span>
      </span>
    )
  }
  return (
    <span className={detailed ? 'diagnosis diagnosis--detailed' : 'diagnosis'}>
      <span
        className={`chip ${toneClass(tone)}`}
        title={reason ?? label}
        data-code={code}
        data-tone={tone}
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
