import type { SnapshotSummary } from '../../../shared/app/host-api'
import type { TrainingConcept } from '../../../shared/training/catalogue'
import { useNavigate } from '../../ui/navigation-context'
import { pipelineStages, type PipelineStage } from './pipeline'

/**
 * The sync pipeline drawn with CSS boxes: each store and rule set opens its view; import and export,
 * which no view shows, lead to their concept.
 */
export function PipelineDiagram({
  summary,
  onShowConcept,
}: {
  readonly summary: SnapshotSummary
  readonly onShowConcept: (concept: TrainingConcept) => void
}) {
  const navigate = useNavigate()
  const stages = pipelineStages(summary)

  const follow = (stage: PipelineStage): void => {
    if (stage.route) navigate(stage.route)
    else onShowConcept(stage.concept)
  }

  return (
    <figure className="pipeline" data-testid="pipeline-diagram">
      <ol className="pipeline__stages" aria-label="The sync pipeline, from a directory to Entra ID">
        {stages.map((stage, index) => (
          <li key={stage.id} className="pipeline__item">
            {index > 0 && (
              <span className="pipeline__arrow" aria-hidden="true">
                →
              </span>
            )}
            <button
              type="button"
              className={`pipeline__stage pipeline__stage--${stage.shape}`}
              data-testid={`pipeline-stage-${stage.id}`}
              title={stage.action}
              aria-label={`${stage.label}, ${stage.detail}. ${stage.action}`}
              onClick={() => follow(stage)}
            >
              <span className="pipeline__label">{stage.label}</span>
              <span className="pipeline__detail">{stage.detail}</span>
            </button>
          </li>
        ))}
      </ol>
      <figcaption className="pipeline__caption">
        A value travels left to right: imported into its connector space, carried into the metaverse by
        inbound rules, out to the target connector space by outbound rules, and exported. Choose a box to open
        the view that shows that stage.
      </figcaption>
    </figure>
  )
}
