/** Back and Forward toolbar buttons (Alt+Left / Alt+Right). */
export function HistoryButtons({
  canBack,
  canForward,
  onBack,
  onForward,
}: {
  readonly canBack: boolean
  readonly canForward: boolean
  readonly onBack: () => void
  readonly onForward: () => void
}) {
  return (
    <div className="history-buttons" role="group" aria-label="History">
      <button
        type="button"
        className="button button--quiet icon-button"
        disabled={!canBack}
        onClick={onBack}
        aria-label="Back"
        title="Back (Alt+Left)"
        data-testid="history-back"
      >
        ←
      </button>
      <button
        type="button"
        className="button button--quiet icon-button"
        disabled={!canForward}
        onClick={onForward}
        aria-label="Forward"
        title="Forward (Alt+Right)"
        data-testid="history-forward"
      >
        →
      </button>
    </div>
  )
}
