/** A labelled progress bar, 0 to 100 percent. */
export function ProgressMeter({ label, percent }: { readonly label: string; readonly percent: number }) {
  return (
    <div
      className="meter"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div className="meter__fill" style={{ width: `${percent}%` }} />
    </div>
  )
}
