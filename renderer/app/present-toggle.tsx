import { setPresenting, setRevealed, usePresentMode } from '../ui/present-mode'

/**
 * The classroom switch: "Present" enlarges the type and hides verdicts, explanations and the Why panel (which
 * becomes a step-through of the path); "Reveal answers" shows them. Only while a snapshot is open.
 */
export function PresentToggle() {
  const { present, revealed } = usePresentMode()
  return (
    <div className="present-toggle" role="group" aria-label="Classroom mode">
      <button
        type="button"
        className={
          present
            ? 'button button--quiet present-toggle__switch is-on'
            : 'button button--quiet present-toggle__switch'
        }
        aria-pressed={present}
        onClick={() => setPresenting(!present)}
        title="Present a case to a class: larger type, answers hidden until revealed"
        data-testid="present-toggle"
      >
        Present
      </button>
      {present && (
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={revealed}
          onClick={() => setRevealed(!revealed)}
          data-testid="reveal-toggle"
        >
          {revealed ? 'Hide answers' : 'Reveal answers'}
        </button>
      )}
    </div>
  )
}
