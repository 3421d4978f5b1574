import type { SnapshotSummary } from '../../../shared/app/host-api'
import { TRAINING_CASES, TRAINING_CONCEPTS, type TrainingConcept } from '../../../shared/training/catalogue'
import { PipelineDiagram } from './pipeline-diagram'
import { conceptAnchorId } from './training-model'

/** The sync concepts in our own words, after a diagram of the pipeline whose stages open the views. */
export function ConceptsPanel({
  summary,
  onShowConcept,
  onShowCase,
}: {
  readonly summary: SnapshotSummary
  readonly onShowConcept: (concept: TrainingConcept) => void
  readonly onShowCase: (caseId: string) => void
}) {
  return (
    <div className="training-concepts" data-testid="training-concepts">
      <PipelineDiagram summary={summary} onShowConcept={onShowConcept} />
      <div className="concept-list">
        {TRAINING_CONCEPTS.map((concept) => {
          const cases = TRAINING_CASES.filter((trainingCase) => trainingCase.concept === concept.concept)
          const headingId = `${conceptAnchorId(concept.concept)}-title`
          return (
            <section
              key={concept.concept}
              id={conceptAnchorId(concept.concept)}
              className="concept"
              aria-labelledby={headingId}
              tabIndex={-1}
              data-testid={conceptAnchorId(concept.concept)}
            >
              <h2 id={headingId} className="concept__title">
                {concept.title}
              </h2>
              <p className="concept__text">{concept.text}</p>
              {cases.length > 0 && (
                <p className="concept__cases">
                  <span className="muted">See it in: </span>
                  {cases.map((trainingCase, index) => (
                    <span key={trainingCase.id}>
                      {index > 0 && ', '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onShowCase(trainingCase.id)}
                      >
                        {trainingCase.title}
                      </button>
                    </span>
                  ))}
                </p>
              )}
            </section>
          )
        })}
      </div>
    </div>
  )
}
