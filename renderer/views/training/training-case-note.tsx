import type { ObjectTarget } from '../../../shared/app/view-queries'
import { useNavigate } from '../../ui/navigation-context'
import { setRevealed, useAnswersHidden } from '../../ui/present-mode'
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
  const hidden = useAnswersHidden()
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
      {hidden ? (
        <p className="case-note__text case-note__text--hidden" data-testid="case-explanation-hidden">
          The explanation is hidden while you present.{' '}
          <button type="button" className="link-button" onClick={() => setRevealed(true)}>
            Reveal the answer
          </button>
        </p>
      ) : (
        <p className="case-note__text" data-testid="case-explanation">
          {trainingCase.explanation}
        </p>
      )}
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
