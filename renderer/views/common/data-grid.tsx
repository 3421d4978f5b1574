import { useVirtualizer } from '@tanstack/react-virtual'
import {
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { isGridNavigationKey, nextRowIndex, rowsPerPage } from './grid-keys'
import { copyText } from '../../ui/clipboard'
import { GridHeader } from './data-grid-header'
import { cellDomId, GridRow, rowDomId, type GridColumn } from './data-grid-row'
import { cellClipboardText, copyTarget, nextColumnIndex, rowClipboardText } from './grid-cell-keys'
import { GRID_HEADER_HEIGHT, GRID_ROW_HEIGHT, gridMinWidth } from './grid-height'
import { selectedPosition, settledSelection, type GridSelection } from './grid-selection'
import { arrayRowSource, keyedLookup, type RowSource } from './row-source'
import { useGridSorting } from './use-grid-sorting'

export { CellText, type GridColumn } from './data-grid-row'

const HEADER_HEIGHT = GRID_HEADER_HEIGHT

function isRowSource<Row>(rows: readonly Row[] | RowSource<Row>): rows is RowSource<Row> {
  return 'rowAt' in rows
}

/** The position of the row element an event happened in, or null. */
function eventRowIndex(event: MouseEvent<HTMLElement>): number | null {
  const target = event.target instanceof Element ? event.target : null
  const row = target?.closest<HTMLElement>('[data-row]')
  return row?.dataset.row === undefined ? null : Number(row.dataset.row)
}

/**
 * A virtualized, keyboard-driven ARIA grid: arrows move the focused cell (or, with `focus="row"`, the row),
 * PageUp/PageDown/Home/End the row, Enter or a double-click activates, Ctrl+C copies the cell and Ctrl+Shift+C
 * the row. Headers sort when every row is loaded. `rows` is an array or a row source (a paged search: rows are
 * `undefined` while their page loads); `onVisibleRange` says which rows are on screen. The selection is the
 * grid's own, or the caller's with `selectedKey`. Work per render is bounded by the rows on screen, whatever
 * the row count, except when a sort is applied (once, over every row).
 */
export function DataGrid<Row>({
  id,
  label,
  columns,
  rows,
  rowKey,
  onActivate,
  onSelectRow,
  onVisibleRange,
  onKey,
  onOpenDetail,
  rowClass,
  emptyMessage,
  gridRef,
  initialSelectedKey = null,
  selectedKey,
  focus = 'cell',
  className,
  testId,
}: {
  readonly id: string
  readonly label: string
  readonly columns: readonly GridColumn<Row>[]
  readonly rows: readonly Row[] | RowSource<Row>
  readonly rowKey: (row: Row) => string
  readonly onActivate?: (row: Row) => void
  readonly onSelectRow?: (row: Row) => void
  readonly onVisibleRange?: (start: number, end: number) => void
  /** Extra keys on the selected row (e.g. `W` for diagnosis); return true when handled. */
  readonly onKey?: (event: KeyboardEvent<HTMLDivElement>, row: Row) => boolean
  /** F6, or Enter when nothing is activated: hand focus to the detail pane beside the grid. */
  readonly onOpenDetail?: () => void
  readonly rowClass?: (row: Row) => string | undefined
  readonly emptyMessage: ReactNode
  readonly gridRef?: RefObject<HTMLDivElement | null>
  readonly initialSelectedKey?: string | null
  /** The selected row's key, when the caller owns the selection (it learns of clicks through `onSelectRow`). */
  readonly selectedKey?: string | null
  /** What the arrow keys move and aria-activedescendant names: a cell, or a whole row (no column focus). */
  readonly focus?: 'cell' | 'row'
  /** Extra classes of the grid element. */
  readonly className?: string
  readonly testId?: string
}) {
  const [ownSelection, setSelection] = useState<GridSelection | null>(
    initialSelectedKey === null ? null : { key: initialSelectedKey, index: -1 },
  )
  // A caller's selection keeps the position the grid last found it at, so it is not looked up on every render.
  const selection: GridSelection | null =
    selectedKey === undefined
      ? ownSelection
      : selectedKey === null
        ? null
        : ownSelection?.key === selectedKey
          ? ownSelection
          : { key: selectedKey, index: -1 }
  const [focusColumn, setFocusColumn] = useState(0)
  const scrollRef = useRef<HTMLDivElement | null>(null)

  const source = useMemo(() => (isRowSource(rows) ? rows : arrayRowSource(rows)), [rows])
  const sorting = useGridSorting(source, columns)
  const { shown } = sorting
  // Only a complete sequence is indexed by key: a paged search changes with every page and never moves rows.
  const indexOfKey = useMemo(() => (shown.complete ? keyedLookup(shown, rowKey) : () => -1), [shown, rowKey])
  const template = columns.map((column) => column.width).join(' ')
  const minWidth = gridMinWidth(columns.map((column) => column.width))

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => GRID_ROW_HEIGHT,
    overscan: 5,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  })
  const virtualRows = virtualizer.getVirtualItems()
  const firstRendered = virtualRows[0]?.index ?? 0
  const lastRendered = virtualRows[virtualRows.length - 1]?.index ?? -1

  // Runs again for a new page too: a new search may show the same range and still need its rows.
  useEffect(() => {
    if (lastRendered >= 0) onVisibleRange?.(firstRendered, lastRendered + 1)
  }, [firstRendered, lastRendered, onVisibleRange, source])

  const selectedIndex = selectedPosition(selection, shown, rowKey, indexOfKey)
  // Stores where a looked-up selection was found (and the key of a row that has loaded), so the next renders
  // find it at its position again instead of looking it up.
  const settled = settledSelection(selection, selectedIndex, shown, rowKey)
  if (settled !== selection) setSelection(settled)
  const selectedRow = selectedIndex < 0 ? undefined : shown.rowAt(selectedIndex)
  const selectedRendered = virtualRows.some((item) => item.index === selectedIndex)
  const rowId = (row: Row | undefined, index: number): string =>
    row === undefined ? `loading-${index}` : rowKey(row)

  const select = (index: number): void => {
    if (index < 0 || index >= shown.count) return
    const row = shown.rowAt(index)
    setSelection({ key: row === undefined ? null : rowKey(row), index })
    if (row !== undefined) onSelectRow?.(row)
  }

  const onBodyClick = (event: MouseEvent<HTMLDivElement>): void => {
    const index = eventRowIndex(event)
    if (index === null) return
    const cell = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-column]') : null
    if (cell?.dataset.column !== undefined && focus === 'cell') setFocusColumn(Number(cell.dataset.column))
    select(index)
  }

  const onBodyDoubleClick = (event: MouseEvent<HTMLDivElement>): void => {
    const index = eventRowIndex(event)
    const row = index === null ? undefined : shown.rowAt(index)
    if (row !== undefined) onActivate?.(row)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return
    const copy = copyTarget(event)
    if (copy !== null) {
      if (selectedRow === undefined) return
      event.preventDefault()
      const cells = columns.map((column) => column.text(selectedRow))
      copyText(copy === 'row' ? rowClipboardText(cells) : cellClipboardText(cells[focusColumn] ?? ''))
      return
    }
    const column =
      event.altKey || focus === 'row' ? null : nextColumnIndex(event.key, focusColumn, columns.length)
    if (column !== null) {
      event.preventDefault()
      setFocusColumn(column)
      return
    }
    if (isGridNavigationKey(event.key)) {
      event.preventDefault()
      const viewport = (scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT
      const next = nextRowIndex(event.key, selectedIndex, shown.count, rowsPerPage(viewport, GRID_ROW_HEIGHT))
      if (next < 0) return
      select(next)
      virtualizer.scrollToIndex(next, { align: 'auto' })
      return
    }
    if (onOpenDetail && (event.key === 'F6' || (event.key === 'Enter' && !onActivate))) {
      event.preventDefault()
      onOpenDetail()
      return
    }
    if (selectedRow === undefined) return
    if (event.key === 'Enter' && onActivate) {
      event.preventDefault()
      onActivate(selectedRow)
      return
    }
    if (onKey?.(event, selectedRow)) event.preventDefault()
  }

  return (
    <div
      id={id}
      ref={(element) => {
        scrollRef.current = element
        if (gridRef) gridRef.current = element
      }}
      className={className === undefined ? 'data-grid' : `data-grid ${className}`}
      role="grid"
      aria-label={label}
      aria-rowcount={shown.count + 1}
      aria-colcount={columns.length}
      aria-activedescendant={
        !selectedRendered
          ? undefined
          : focus === 'row'
            ? rowDomId(id, rowId(selectedRow, selectedIndex))
            : cellDomId(id, rowId(selectedRow, selectedIndex), focusColumn)
      }
      tabIndex={0}
      onKeyDown={onKeyDown}
      // Clicks land on rows (header clicks find no row and are left to the sort buttons).
      onClick={onBodyClick}
      onDoubleClick={onBodyDoubleClick}
      data-testid={testId}
    >
      <GridHeader columns={columns} template={template} minWidth={minWidth} sorting={sorting} />
      <div
        className="data-grid__body"
        role="rowgroup"
        style={{ height: Math.max(virtualizer.getTotalSize(), GRID_ROW_HEIGHT * 2), minWidth }}
      >
        {shown.count === 0 && (
          // A rowgroup holds rows: the message is one row of one cell (axe: aria-required-children).
          <div role="row" className="data-grid__empty-row">
            <div role="gridcell" className="data-grid__empty">
              {emptyMessage}
            </div>
          </div>
        )}
        {virtualRows.map((item) => {
          const row = shown.rowAt(item.index)
          const selected = item.index === selectedIndex
          return (
            <GridRow
              // Keyed by place on screen, not by row: scrolling refills the same elements in the same DOM order
              // (no element created, moved or collected per frame; the order stays the reading order).
              key={item.index - firstRendered}
              gridId={id}
              rowId={rowId(row, item.index)}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              row={row}
              columns={columns}
              template={template}
              selected={selected}
              focusColumn={selected && focus === 'cell' ? focusColumn : -1}
              extraClass={row === undefined ? undefined : rowClass?.(row)}
            />
          )
        })}
      </div>
    </div>
  )
}
