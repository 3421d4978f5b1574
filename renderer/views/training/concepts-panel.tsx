import type { SnapshotSummary } from '../../../shared/app/host-api'
import { TRAINING_CASES, TRAINING_CONCEPTS } from '../../../shared/training/catalogue'
import { SEVERITIES, severityLabel, severityMeaning } from '../../../shared/model/diagnosis-codes'
import { toneClass } from '../common/diagnosis-chip'
import { PipelineDiagram } from './pipeline-diagram'
import { conceptAnchorId } from './training-model'

/** The sync concepts in our own words, after a diagram of the pipeline whose stages open the views. */
export function ConceptsPanel({
  summary,
  onShowCase,
}: {
  readonly summary: SnapshotSummary
  readonly onShowCase: (caseId: string) => void
}) {
  return (
    <div className="training-concepts" data-testid="training-concepts">
      <PipelineDiagram summary={summary} />
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
        <SeverityConcept />
      </div>
    </div>
  )
}

/** How SyncLens marks findings: every attribute without a mapping is marked, and the mark says how much it matters. */
function SeverityConcept() {
  return (
    <section
      id="concept-severity"
      className="concept"
      aria-labelledby="concept-severity-title"
      tabIndex={-1}
      data-testid="concept-severity"
    >
      <h2 id="concept-severity-title" className="concept__title">
        How findings are marked
      </h2>
      <p className="concept__text">
        Every attribute that has no mapping is marked, wherever it appears, and every mark has a severity
        decided in one place, so an object shows the same counts in every view, in Metaverse Search, in the
        report and on the command line. &quot;Problems only&quot; and &quot;Has unmapped attributes&quot; keep
        blocking and unmapped findings, never by-design ones.
      </p>
      <dl className="severity-legend">
        {SEVERITIES.map((severity) => (
          <div key={severity}>
            <dt>
              <span className={`chip ${toneClass(severity)}`}>{severityLabel(severity)}</span>
            </dt>
            <dd>{severityMeaning(severity)}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
