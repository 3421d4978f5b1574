import { useState } from 'react'
import type { SnapshotSummary } from '../../../shared/app/host-api'
import { TRAINING_CASES, type TrainingCase } from '../../../shared/training/catalogue'
import { useHost } from '../../ui/host-context'
import { useNavigate } from '../../ui/navigation-context'
import { CaseCode } from './case-code'
import { lookUpCase } from './open-case'
import { setActiveCase } from './training-store'
import { conceptTitle, isTrainingSnapshot } from './training-model'

type Opening =
  | { readonly phase: 'idle' }
  | { readonly phase: 'finding'; readonly caseId: string }
  | { readonly phase: 'missing'; readonly caseId: string; readonly message: string }

/** The seeded cases: a symptom each; choosing one opens its object with the attribute diagnosed. */
export function CasesPanel({
  summary,
  onShowConcept,
}: {
  readonly summary: SnapshotSummary
  readonly onShowConcept: (trainingCase: TrainingCase) => void
}) {
  const host = useHost()
  const navigate = useNavigate()
  const [opening, setOpening] = useState<Opening>({ phase: 'idle' })
  const training = isTrainingSnapshot(summary)

  const open = async (trainingCase: TrainingCase): Promise<void> => {
    setOpening({ phase: 'finding', caseId: trainingCase.id })
    const lookup = await lookUpCase(host, summary, trainingCase)
    if (lookup.kind === 'missing') {
      setOpening({ phase: 'missing', caseId: trainingCase.id, message: lookup.message })
      return
    }
    setOpening({ phase: 'idle' })
    if (lookup.route.view === 'object' && 'csId' in lookup.route.target) {
      setActiveCase({ trainingCase, csId: lookup.route.target.csId })
    }
    navigate(lookup.route)
  }

  return (
    <div className="training-cases" data-testid="training-cases">
      <p className="training__lead">
        Each case is a ticket a help desk might receive: an attribute that does not arrive where it should.
        Choose one to open the object with that attribute selected and SyncLens&apos;s diagnosis showing.
      </p>
      {!training && (
        <p className="training__notice" role="note">
          These cases are objects of the Contoso training snapshot; this snapshot is not it, so they may not
          be found. Open the training snapshot to follow them.
        </p>
      )}
      <ol className="case-list" aria-label="Training cases">
        {TRAINING_CASES.map((trainingCase, index) => {
          const finding = opening.phase === 'finding' && opening.caseId === trainingCase.id
          const missing = opening.phase === 'missing' && opening.caseId === trainingCase.id ? opening : null
          return (
            <li key={trainingCase.id} className="case" data-testid={`case-${trainingCase.id}`}>
              <span className="case__number" aria-hidden="true">
                {index + 1}
              </span>
              <div className="case__body">
                <button
                  type="button"
                  className="case__open"
                  id={`case-${trainingCase.id}-open`}
                  aria-busy={finding}
                  aria-describedby={`case-${trainingCase.id}-facts`}
                  onClick={() => void open(trainingCase)}
                >
                  {trainingCase.title}
                </button>
                <div className="case__facts" id={`case-${trainingCase.id}-facts`}>
                  <CaseCode code={trainingCase.code} />
                  <span className="case__attribute">
                    <span className="training__hidden">Attribute </span>
                    {trainingCase.attribute}
                  </span>
                  <button
                    type="button"
                    className="case__concept"
                    onClick={() => onShowConcept(trainingCase)}
                    aria-label={`Concept: ${conceptTitle(trainingCase.concept)}`}
                  >
                    {conceptTitle(trainingCase.concept)}
                  </button>
                  {finding && <span className="muted">Finding the object…</span>}
                </div>
                {missing && (
                  <p className="case__missing" role="alert">
                    {missing.message}
                  </p>
                )}
              </div>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
