import { guardCell, tsvRow } from '../../../shared/text/csv-guard'
/** What a copy shortcut in a grid copies: the focused cell (Ctrl+C) or the whole row (Ctrl+Shift+C). */
export type CopyTarget = 'cell' | 'row'

/** The copy a key press asks for, or null. Cmd stands in for Ctrl on macOS. */
export function copyTarget(event: {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}): CopyTarget | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null
  if (event.key.toLowerCase() !== 'c') return null
  return event.shiftKey ? 'row' : 'cell'
}

/** The focused column after ArrowLeft/ArrowRight (clamped, no wrap); null for any other key. */
export function nextColumnIndex(key: string, current: number, count: number): number | null {
  if (count <= 0) return null
  const clamp = (index: number): number => Math.min(count - 1, Math.max(0, index))
  switch (key) {
    case 'ArrowLeft':
      return clamp(current - 1)
    case 'ArrowRight':
      return clamp(current + 1)
    default:
      return null
  }
}

/**
 * A row as text for the clipboard: guarded cells separated by tabs, so it pastes into a spreadsheet as one row
 * and no value from the directory is read as a formula there.
 */
export function rowClipboardText(cells: readonly string[]): string {
  return tsvRow(cells)
}

/** One cell as text for the clipboard, guarded like a row's cells (a spreadsheet reads a paste as it reads a row). */
export function cellClipboardText(cell: string): string {
  return guardCell(cell)
}
