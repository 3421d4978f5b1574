import type { KeyboardEvent, PointerEvent } from 'react'
import { splitKeyDelta } from './split'

/** A vertical splitter between two panes; drag it or focus it and use the arrow keys. */
export function Splitter({
  label,
  position,
  onResize,
  controls,
  className = 'splitter',
}: {
  readonly label: string
  /** The first pane's width in pixels. */
  readonly position: number
  /** Asks for a new first-pane width; the owner clamps it. */
  readonly onResize: (width: number) => void
  /** DOM id of the pane being resized. */
  readonly controls: string
  /** The handle's classes (a column resizer looks different from a pane splitter). */
  readonly className?: string
}) {
  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return
    event.preventDefault()
    const handle = event.currentTarget
    handle.setPointerCapture(event.pointerId)
    const startX = event.clientX
    const startWidth = position
    const onMove = (move: globalThis.PointerEvent): void => onResize(startWidth + move.clientX - startX)
    const onUp = (): void => {
      handle.removeEventListener('pointermove', onMove)
      handle.removeEventListener('pointerup', onUp)
      handle.removeEventListener('pointercancel', onUp)
    }
    handle.addEventListener('pointermove', onMove)
    handle.addEventListener('pointerup', onUp)
    handle.addEventListener('pointercancel', onUp)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const delta = splitKeyDelta(event.key, event.shiftKey)
    if (delta === 0) return
    event.preventDefault()
    onResize(position + delta)
  }

  return (
    // A focusable separator is the WAI-ARIA window splitter: a widget with a value that the arrow keys move.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      className={className}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={Math.round(position)}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  )
}
