import type { SnapshotSummary } from '../../../shared/app/host-api'
import { useNavigate } from '../../ui/navigation-context'
import { usePresentMode, type PathStage } from '../../ui/present-mode'
import { pipelineStages } from './pipeline'

/**
 * The sync pipeline drawn with CSS boxes; every box opens the view that shows its stage. The stage a
 * step-through is on (classroom mode) is highlighted, here and wherever the diagram is drawn.
 */
export function PipelineDiagram({
  summary,
  highlight,
  compact = false,
}: {
  readonly summary: SnapshotSummary
  /** The stage to highlight; the classroom step-through's stage when omitted. */
  readonly highlight?: PathStage | null
  /** A one-line diagram without the caption (beside an object). */
  readonly compact?: boolean
}) {
  const navigate = useNavigate()
  const { stage: presentStage } = usePresentMode()
  const current = highlight === undefined ? presentStage : highlight
  const stages = pipelineStages(summary)

  return (
    <figure className={compact ? 'pipeline pipeline--compact' : 'pipeline'} data-testid="pipeline-diagram">
      <ol className="pipeline__stages" aria-label="The sync pipeline, from a directory to Entra ID">
        {stages.map((stage, index) => {
          const isCurrent = current !== null && stage.pathStage === current
          return (
            <li key={stage.id} className="pipeline__item">
              {index > 0 && (
                <span className="pipeline__arrow" aria-hidden="true">
                  →
                </span>
              )}
              <button
                type="button"
                className={`pipeline__stage pipeline__stage--${stage.shape}${isCurrent ? ' pipeline__stage--current' : ''}`}
                data-testid={`pipeline-stage-${stage.id}`}
                data-path-stage={stage.pathStage ?? undefined}
                aria-current={isCurrent ? 'step' : undefined}
                title={stage.action}
                aria-label={`${stage.label}, ${stage.detail}. ${stage.action}`}
                onClick={() => navigate(stage.route)}
              >
                <span className="pipeline__label">{stage.label}</span>
                <span className="pipeline__detail">{stage.detail}</span>
              </button>
            </li>
          )
        })}
      </ol>
      {!compact && (
        <figcaption className="pipeline__caption">
          A value travels left to right: imported into its connector space, carried into the metaverse by
          inbound rules, out to the target connector space by outbound rules, and exported. Choose a box to
          open the view that shows that stage.
        </figcaption>
      )}
    </figure>
  )
}
