import { useEffect } from 'react'
import type { SnapshotSummary } from '../../../shared/app/host-api'
import type { DiagnosisStep } from '../../../shared/engine/diagnose'
import { useHost } from '../../ui/host-context'
import {
  nextStage,
  PATH_STAGES,
  setPresentStage,
  setRevealed,
  usePresentMode,
  type PathStage,
} from '../../ui/present-mode'
import { DiagnosisChip } from '../common/diagnosis-chip'
import { useHostQuery } from '../common/use-host-query'
import { PipelineDiagram } from '../training/pipeline-diagram'

const STAGE_NAMES: Readonly<Record<PathStage, string>> = {
  source: 'Source',
  connector: 'Connector',
  inbound: 'Inbound rules',
  metaverse: 'Metaverse',
  outbound: 'Outbound rules',
  target: 'Target',
}

/**
 * Classroom mode's Why panel: the attribute's path one stage at a time (source, connector, inbound, metaverse,
 * outbound, target), the stage highlighted on the pipeline diagram, what SyncLens checked there, and the verdict
 * only when the trainer reveals it.
 */
export function PathStepper({
  csId,
  attribute,
  summary,
  onClose,
}: {
  readonly csId: string
  readonly attribute: string
  readonly summary: SnapshotSummary
  readonly onClose: () => void
}) {
  const host = useHost()
  const { stage } = usePresentMode()
  const answer = useHostQuery(`diagnose|${csId}|${attribute}`, () => host.diagnose({ csId, attribute }))
  const current = stage ?? 'source'
  const currentIndex = PATH_STAGES.indexOf(current)

  useEffect(() => {
    setPresentStage('source')
    return () => setPresentStage(null)
  }, [csId, attribute])

  const steps: readonly DiagnosisStep[] = answer.status === 'done' && answer.value ? answer.value.steps : []
  return (
    <section
      className="side-panel path-stepper"
      aria-label={`The path of ${attribute}, one stage at a time`}
      data-testid="path-stepper"
    >
      <header className="side-panel__head">
        <h3 className="side-panel__title">Follow {attribute}</h3>
        <button
          type="button"
          className="button button--quiet icon-button"
          aria-label="Close the step-through"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <PipelineDiagram summary={summary} highlight={current} compact />
      <p className="path-stepper__position" aria-live="polite" data-testid="path-stage">
        Stage {currentIndex + 1} of {PATH_STAGES.length}: <strong>{STAGE_NAMES[current]}</strong>
      </p>
      <div className="path-stepper__nav">
        <button
          type="button"
          className="button"
          disabled={currentIndex === 0}
          onClick={() => setPresentStage(nextStage(current, -1))}
        >
          ← Previous stage
        </button>
        {currentIndex < PATH_STAGES.length - 1 ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setPresentStage(nextStage(current, 1))}
            data-testid="next-stage"
          >
            Next stage →
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setRevealed(true)}
            data-testid="reveal-verdict"
          >
            Reveal the verdict
          </button>
        )}
      </div>
      {answer.status === 'loading' && <p className="muted">Walking the path of {attribute}…</p>}
      {answer.status === 'failed' && (
        <p className="error-text">The path could not be walked: {answer.message}</p>
      )}
      <ol className="path-stepper__stages">
        {PATH_STAGES.slice(0, currentIndex + 1).map((pathStage) => {
          const here = steps.filter((step) => step.stage === pathStage)
          return (
            <li
              key={pathStage}
              className={pathStage === current ? 'path-stepper__stage is-current' : 'path-stepper__stage'}
              data-stage={pathStage}
            >
              <span className="step__stage">{STAGE_NAMES[pathStage]}</span>
              {here.length === 0 ? (
                <span className="muted small">Nothing to check at this stage.</span>
              ) : (
                <ul className="path-stepper__steps">
                  {here.map((step, index) => (
                    <li key={index}>
                      <DiagnosisChip code={step.code} reason={step.message} />{' '}
                      <span className="step__message">{step.message}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
