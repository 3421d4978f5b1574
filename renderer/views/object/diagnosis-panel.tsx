import type { Diagnosis } from '../../../shared/engine/diagnose'
import { useHost } from '../../ui/host-context'
import { DiagnosisChip } from '../common/diagnosis-chip'
import { useHostQuery } from '../common/use-host-query'

/**
 * The walk of one attribute: titled "Why isn't X syncing?" when something blocks it and "How X flows" when
 * nothing does; the verdict, the other breaks, what to do, then every step with the first break emphasised.
 */
export function DiagnosisPanel({
  csId,
  attribute,
  onClose,
  onDraftFix,
}: {
  readonly csId: string
  readonly attribute: string
  readonly onClose: () => void
  /** Opens "Draft a fix" for the attribute. */
  readonly onDraftFix: () => void
}) {
  const host = useHost()
  const answer = useHostQuery(`diagnose|${csId}|${attribute}`, () => host.diagnose({ csId, attribute }))
  const blocked = answer.status !== 'done' || answer.value === null || answer.value.verdict !== 'OK'
  const title = blocked ? `Why isn't ${attribute} syncing?` : `How ${attribute} flows`
  return (
    <section className="side-panel" aria-label={title} data-testid="diagnosis-panel">
      <header className="side-panel__head">
        <h3 className="side-panel__title" data-testid="diagnosis-title">
          {title}
        </h3>
        <button
          type="button"
          className="button button--quiet icon-button"
          aria-label="Close the diagnosis"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {answer.status === 'loading' && <p className="muted">Walking the path of {attribute}…</p>}
      {answer.status === 'failed' && <p className="error-text">The diagnosis failed: {answer.message}</p>}
      {answer.status === 'done' &&
        (answer.value === null ? (
          <p className="muted">This object is not in the snapshot any more.</p>
        ) : (
          <>
            <DiagnosisSteps diagnosis={answer.value} />
            {answer.value.verdict !== 'OK' && (
              <button type="button" className="button" onClick={onDraftFix} data-testid="diagnosis-draft-fix">
                Draft a fix
              </button>
            )}
          </>
        ))}
    </section>
  )
}

function DiagnosisSteps({ diagnosis }: { readonly diagnosis: Diagnosis }) {
  const firstBlocking = diagnosis.steps.findIndex((step) => step.blocking)
  const verdict = firstBlocking >= 0 ? diagnosis.steps[firstBlocking] : undefined
  return (
    <>
      <div className="verdict" data-testid="diagnosis-verdict">
        <span className="verdict__label">Verdict</span>
        <DiagnosisChip
          code={diagnosis.verdict}
          reason={verdict?.message ?? 'The value flows end to end.'}
          detailed
        />
      </div>
      {diagnosis.alsoBlocking.length > 0 && (
        <div className="verdict verdict--also" data-testid="diagnosis-also">
          <span className="verdict__label">Also</span>
          <span className="cell-chips">
            {diagnosis.alsoBlocking.map((code, index) => (
              <DiagnosisChip key={index} code={code} reason={alsoMessage(diagnosis, index)} />
            ))}
          </span>
        </div>
      )}
      {diagnosis.fix.length > 0 && (
        <div className="fix" data-testid="diagnosis-fix">
          <span className="verdict__label">What to do</span>
          <ul>
            {diagnosis.fix.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted small">
        Path: {diagnosis.attribute.source ?? 'expression'} → {diagnosis.attribute.metaverse ?? '—'} →{' '}
        {diagnosis.attribute.target ?? '—'}
      </p>
      <ol className="steps" data-testid="diagnosis-steps">
        {diagnosis.steps.map((step, index) => (
          <li
            key={index}
            className={
              index === firstBlocking
                ? 'step step--first-blocking'
                : step.blocking
                  ? 'step step--blocking'
                  : 'step'
            }
          >
            <span className="step__stage">{step.stage}</span>
            <DiagnosisChip
              code={step.code}
              reason={step.message}
              tone={step.blocking ? 'blocking' : step.code === 'OK' ? 'ok' : 'info'}
            />
            <span className="step__message">{step.message}</span>
          </li>
        ))}
      </ol>
    </>
  )
}

/** The message of the n-th break after the verdict. */
function alsoMessage(diagnosis: Diagnosis, index: number): string {
  return diagnosis.steps.filter((step) => step.blocking)[index + 1]?.message ?? ''
}
