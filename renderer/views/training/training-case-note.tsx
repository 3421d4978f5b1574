import type { ObjectTarget } from '../../../shared/app/view-queries'
import { useNavigate } from '../../ui/navigation-context'
import { CaseCode } from './case-code'
import { setActiveCase, useActiveCase } from './training-store'
import { conceptTitle } from './training-model'
import './training.css'

/**
 * The explanation of the training case being followed, shown beside its object; nothing for any other
 * object, so it can sit above every object view.
 */
export function TrainingCaseNote({ target }: { readonly target: ObjectTarget }) {
  const active = useActiveCase()
  const navigate = useNavigate()
  if (!active || !('csId' in target) || target.csId !== active.csId) return null
  const { trainingCase } = active

  return (
    <aside className="case-note" aria-labelledby="case-note-title" data-testid="training-case-note">
      <div className="case-note__head">
        <span className="case-note__kicker">Training case</span>
        <h2 id="case-note-title" className="case-note__title">
          {trainingCase.title}
        </h2>
        <CaseCode code={trainingCase.code} />
      </div>
      <p className="case-note__text">{trainingCase.explanation}</p>
      <div className="case-note__actions">
        <span className="muted">
          Attribute <code>{trainingCase.attribute}</code> · Concept: {conceptTitle(trainingCase.concept)}
        </span>
        <button type="button" className="button button--quiet" onClick={() => navigate({ view: 'training' })}>
          Back to the cases
        </button>
        <button type="button" className="button button--quiet" onClick={() => setActiveCase(null)}>
          Hide
        </button>
      </div>
    </aside>
  )
}
