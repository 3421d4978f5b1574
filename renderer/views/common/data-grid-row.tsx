import { memo, type ReactNode } from 'react'
import { GRID_ROW_HEIGHT } from './grid-height'

/** One column of a DataGrid: its header, CSS grid track, text (copy, CSV, sorting) and optional rendering. */
export interface GridColumn<Row> {
  readonly id: string
  readonly header: string
  /** The full name of an abbreviated header: shown on hover and read as the column's name. */
  readonly headerTitle?: string
  /** A CSS grid track, e.g. `minmax(8rem, 2fr)`. */
  readonly width: string
  readonly text: (row: Row) => string
  readonly render?: (row: Row) => ReactNode
  /** Sorts by this number instead of the text (largest first on the first click). */
  readonly sortValue?: (row: Row) => number
}

/** The DOM id of a grid row, for aria-activedescendant when the grid moves by rows. */
export function rowDomId(gridId: string, rowId: string): string {
  return `${gridId}-r${rowId}`
}

/** The DOM id of a grid cell, for aria-activedescendant when the grid moves by cells. */
export function cellDomId(gridId: string, rowId: string, column: number): string {
  return `${rowDomId(gridId, rowId)}-c${column}`
}

/** A cell's text, cut with an ellipsis when the column is narrow; the full text shows on hover. */
export function CellText({ text, title = text }: { readonly text: string; readonly title?: string }) {
  return (
    <span className="cell-text" title={title}>
      {text}
    </span>
  )
}

/** What one body row shows; every field is a plain value, so an unchanged row is skipped by `memo`. */
export interface GridRowProps<Row> {
  readonly gridId: string
  /** The row's key, or `loading-<index>` while it loads: names the cells for aria-activedescendant. */
  readonly rowId: string
  readonly index: number
  /** Offset from the top of the body, in pixels. */
  readonly top: number
  /** Undefined while the row's page loads. */
  readonly row: Row | undefined
  readonly columns: readonly GridColumn<Row>[]
  readonly template: string
  readonly selected: boolean
  /** The focused column of the selected row; -1 on other rows, so they do not re-render when it moves. */
  readonly focusColumn: number
  readonly extraClass: string | undefined
}

function GridRowView<Row>({
  gridId,
  rowId,
  index,
  top,
  row,
  columns,
  template,
  selected,
  focusColumn,
  extraClass,
}: GridRowProps<Row>) {
  const classes = ['data-grid__row']
  if (selected) classes.push('data-grid__row--selected')
  if (row === undefined) classes.push('data-grid__row--loading')
  else if (extraClass) classes.push(extraClass)
  return (
    <div
      id={rowDomId(gridId, rowId)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes.join(' ')}
      data-row={index}
      style={{ gridTemplateColumns: template, height: GRID_ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      {columns.map((column, columnIndex) => (
        <div
          key={column.id}
          id={cellDomId(gridId, rowId, columnIndex)}
          role="gridcell"
          data-column={columnIndex}
          className={
            columnIndex === focusColumn
              ? `data-grid__cell data-grid__cell--focus cell--${column.id}`
              : `data-grid__cell cell--${column.id}`
          }
        >
          {row === undefined ? (
            columnIndex === 0 ? (
              <span className="cell-text cell-text--dim">Loading…</span>
            ) : null
          ) : column.render ? (
            column.render(row)
          ) : (
            <CellText text={column.text(row)} />
          )}
        </div>
      ))}
    </div>
  )
}

/** A body row of a DataGrid. It re-renders only when what it shows changes (rows that stay while scrolling). */
export const GridRow = memo(GridRowView) as typeof GridRowView
