import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  tableFeatures,
  useTable,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { isGridNavigationKey, nextRowIndex, rowsPerPage } from '../sync-rules/grid-keys'
import { copyText } from './clipboard'
import { copyTarget, nextColumnIndex, rowClipboardText } from './grid-cell-keys'
import { GRID_HEADER_HEIGHT, GRID_ROW_HEIGHT, gridMinWidth } from './grid-height'

/** One column of a DataGrid: its header, CSS grid track, text (copy, CSV, sorting) and optional rendering. */
export interface GridColumn<Row> {
  readonly id: string
  readonly header: string
  /** A CSS grid track, e.g. `minmax(8rem, 2fr)`. */
  readonly width: string
  readonly text: (row: Row) => string
  readonly render?: (row: Row) => ReactNode
}

/** A row slot: the row, or undefined while its page loads. */
interface Slot<Row> {
  readonly index: number
  readonly row: Row | undefined
}

const HEADER_HEIGHT = GRID_HEADER_HEIGHT

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric },
})

/** The DOM id of a grid cell, for aria-activedescendant. */
function cellDomId(gridId: string, rowId: string, column: number): string {
  return `${gridId}-r${rowId}-c${column}`
}

/**
 * A virtualized, keyboard-driven ARIA grid: arrows move the focused cell, PageUp/PageDown/Home/End the row,
 * Enter or a double-click activates, Ctrl+C copies the cell and Ctrl+Shift+C the row. Headers sort when every
 * row is loaded. Rows may be `undefined` while a page loads; `onVisibleRange` says which rows are on screen.
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
  rowClass,
  emptyMessage,
  gridRef,
  initialSelectedKey = null,
  testId,
}: {
  readonly id: string
  readonly label: string
  readonly columns: readonly GridColumn<Row>[]
  readonly rows: readonly (Row | undefined)[]
  readonly rowKey: (row: Row) => string
  readonly onActivate?: (row: Row) => void
  readonly onSelectRow?: (row: Row) => void
  readonly onVisibleRange?: (start: number, end: number) => void
  /** Extra keys on the selected row (e.g. `W` for diagnosis); return true when handled. */
  readonly onKey?: (event: KeyboardEvent<HTMLDivElement>, row: Row) => boolean
  readonly rowClass?: (row: Row) => string | undefined
  readonly emptyMessage: ReactNode
  readonly gridRef?: RefObject<HTMLDivElement | null>
  readonly initialSelectedKey?: string | null
  readonly testId?: string
}) {
  const [selectedKey, setSelectedKey] = useState<string | null>(initialSelectedKey)
  const [focusColumn, setFocusColumn] = useState(0)
  const scrollRef = useRef<HTMLDivElement | null>(null)
  const complete = rows.every((row) => row !== undefined)

  const slots = useMemo(() => rows.map((row, index): Slot<Row> => ({ index, row })), [rows])
  const tableColumns = useMemo(() => {
    const helper = createColumnHelper<typeof features, Slot<Row>>()
    return helper.columns(
      columns.map((column) =>
        helper.accessor((slot) => (slot.row === undefined ? '' : column.text(slot.row)), {
          id: column.id,
          header: column.header,
          sortFn: 'alphanumeric',
        }),
      ),
    )
  }, [columns])
  const table = useTable({
    features,
    columns: tableColumns,
    data: slots as Slot<Row>[],
    enableSorting: complete,
    getRowId: (slot) => (slot.row === undefined ? `loading-${slot.index}` : rowKey(slot.row)),
  })
  const tableRows = table.getRowModel().rows
  const template = columns.map((column) => column.width).join(' ')
  const minWidth = gridMinWidth(columns.map((column) => column.width))

  // The virtualizer recomputes every row's measurement when getItemKey changes identity, so it must be stable
  // across renders (300k rows: the difference between a 30 ms and a 1 ms frame).
  const getItemKey = useCallback((index: number) => tableRows[index]?.id ?? index, [tableRows])
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => GRID_ROW_HEIGHT,
    getItemKey,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  })
  const virtualRows = virtualizer.getVirtualItems()
  const firstVisible = virtualRows[0]?.index ?? 0
  const lastVisible = virtualRows[virtualRows.length - 1]?.index ?? -1

  useEffect(() => {
    if (lastVisible >= 0) onVisibleRange?.(firstVisible, lastVisible + 1)
  }, [firstVisible, lastVisible, onVisibleRange])

  const selectedIndex = selectedKey === null ? -1 : tableRows.findIndex((row) => row.id === selectedKey)
  const selectedRow = tableRows[selectedIndex]?.original.row
  const selectedRendered = virtualRows.some((item) => item.index === selectedIndex)

  const select = (index: number): void => {
    const slot = tableRows[index]
    if (!slot) return
    setSelectedKey(slot.id)
    if (slot.original.row !== undefined) onSelectRow?.(slot.original.row)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return
    const copy = copyTarget(event)
    if (copy !== null) {
      if (selectedRow === undefined) return
      event.preventDefault()
      const cells = columns.map((column) => column.text(selectedRow))
      copyText(copy === 'row' ? rowClipboardText(cells) : (cells[focusColumn] ?? ''))
      return
    }
    const column = event.altKey ? null : nextColumnIndex(event.key, focusColumn, columns.length)
    if (column !== null) {
      event.preventDefault()
      setFocusColumn(column)
      return
    }
    if (isGridNavigationKey(event.key)) {
      event.preventDefault()
      const viewport = (scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT
      const next = nextRowIndex(
        event.key,
        selectedIndex,
        tableRows.length,
        rowsPerPage(viewport, GRID_ROW_HEIGHT),
      )
      if (next < 0) return
      select(next)
      virtualizer.scrollToIndex(next, { align: 'auto' })
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
      className="data-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={tableRows.length + 1}
      aria-colcount={columns.length}
      aria-activedescendant={
        selectedRendered && selectedKey !== null ? cellDomId(id, selectedKey, focusColumn) : undefined
      }
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <div className="data-grid__head" role="rowgroup" style={{ minWidth }}>
        {table.getHeaderGroups().map((group) => (
          <div
            key={group.id}
            role="row"
            aria-rowindex={1}
            className="data-grid__row data-grid__row--head"
            style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}
          >
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted()
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  className={`data-grid__header cell--${header.column.id}`}
                >
                  <button
                    type="button"
                    className="sort-button"
                    tabIndex={-1}
                    disabled={!complete}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={header.column.getToggleSortingHandler()}
                    title={complete ? 'Sort by this column' : 'Sorting needs every row loaded'}
                  >
                    <table.FlexRender header={header} />
                    <span className="sort-button__mark" aria-hidden="true">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                </div>
              )
            })}
          </div>
        ))}
      </div>
      <div
        className="data-grid__body"
        role="rowgroup"
        style={{ height: Math.max(virtualizer.getTotalSize(), GRID_ROW_HEIGHT * 2), minWidth }}
      >
        {tableRows.length === 0 && <div className="data-grid__empty">{emptyMessage}</div>}
        {virtualRows.map((item) => {
          const tableRow = tableRows[item.index]
          if (!tableRow) return null
          const row = tableRow.original.row
          const selected = tableRow.id === selectedKey
          const classes = ['data-grid__row']
          if (selected) classes.push('data-grid__row--selected')
          if (row === undefined) classes.push('data-grid__row--loading')
          else {
            const extra = rowClass?.(row)
            if (extra) classes.push(extra)
          }
          return (
            <div
              key={tableRow.id}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              className={classes.join(' ')}
              style={{
                gridTemplateColumns: template,
                height: GRID_ROW_HEIGHT,
                transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
              }}
              onClick={() => select(item.index)}
              onDoubleClick={() => {
                if (row !== undefined) onActivate?.(row)
              }}
            >
              {columns.map((column, columnIndex) => (
                <div
                  key={column.id}
                  id={cellDomId(id, tableRow.id, columnIndex)}
                  role="gridcell"
                  className={
                    selected && columnIndex === focusColumn
                      ? `data-grid__cell data-grid__cell--focus cell--${column.id}`
                      : `data-grid__cell cell--${column.id}`
                  }
                  onClick={() => setFocusColumn(columnIndex)}
                >
                  {row === undefined ? (
                    columnIndex === 0 ? (
                      <span className="cell-text cell-text--dim">Loading…</span>
                    ) : null
                  ) : column.render ? (
                    column.render(row)
                  ) : (
                    <span className="cell-text" title={column.text(row)}>
                      {column.text(row)}
                    </span>
                  )}
                </div>
              ))}
            </div>
          )
        })}
      </div>
    </div>
  )
}
