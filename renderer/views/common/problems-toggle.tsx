/** The "Problems only" switch every grid with diagnosis chips has. */
export function ProblemsToggle({
  checked,
  onChange,
  count,
}: {
  readonly checked: boolean
  readonly onChange: (checked: boolean) => void
  /** How many rows are problems (null when unknown). */
  readonly count: number | null
}) {
  return (
    <label className="toggle" data-testid="problems-only">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      Problems only{count !== null && <span className="toggle__count">{count}</span>}
    </label>
  )
}
