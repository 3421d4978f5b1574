import type { ReactNode } from 'react'

/**
 * A small link-styled button inside a grid row. The click stays with the button: it does not also select the
 * row (the row's own click handler never sees it).
 */
export function RowAction({
  onAct,
  testId,
  children,
}: {
  readonly onAct: () => void
  readonly testId?: string
  readonly children: ReactNode
}) {
  return (
    <button
      type="button"
      className="link-button small"
      onClick={(event) => {
        event.stopPropagation()
        onAct()
      }}
      data-testid={testId}
    >
      {children}
    </button>
  )
}
