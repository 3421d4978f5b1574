import type { Diagnosis } from '../../../shared/engine/diagnose'
import { useHost } from '../../ui/host-context'
import { DiagnosisChip } from '../common/diagnosis-chip'
import { useHostQuery } from '../common/use-host-query'

/** "Why isn't this attribute syncing?": the verdict, then every step of the walk with the first blocking one emphasised. */
export function DiagnosisPanel({
  csId,
  attribute,
  onClose,
}: {
  readonly csId: string
  readonly attribute: string
  readonly onClose: () => void
}) {
  const host = useHost()
  const answer = useHostQuery(`diagnose|${csId}|${attribute}`, () => host.diagnose({ csId, attribute }))
  return (
    <section
      className="side-panel"
      aria-label={`Why isn't ${attribute} syncing?`}
      data-testid="diagnosis-panel"
    >
      <header className="side-panel__head">
        <h3 className="side-panel__title">Why isn&apos;t {attribute} syncing?</h3>
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
          <DiagnosisSteps diagnosis={answer.value} />
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
            <DiagnosisChip code={step.code} reason={step.message} />
            <span className="step__message">{step.message}</span>
          </li>
        ))}
      </ol>
    </>
  )
}
