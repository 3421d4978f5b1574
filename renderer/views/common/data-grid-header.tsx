import type { GridColumn } from './data-grid-row'
import { GRID_HEADER_HEIGHT } from './grid-height'
import type { GridSorting } from './use-grid-sorting'

/** The header row of a DataGrid: one sort button per column, abbreviated headers named in full. */
export function GridHeader<Row>({
  columns,
  template,
  minWidth,
  sorting,
}: {
  readonly columns: readonly GridColumn<Row>[]
  readonly template: string
  readonly minWidth: string
  readonly sorting: GridSorting<Row>
}) {
  return (
    <div className="data-grid__head" role="rowgroup" style={{ minWidth }}>
      <div
        role="row"
        aria-rowindex={1}
        className="data-grid__row data-grid__row--head"
        style={{ gridTemplateColumns: template, height: GRID_HEADER_HEIGHT }}
      >
        {columns.map((column) => {
          const sorted = sorting.direction(column.id)
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
              aria-label={column.headerTitle}
              className={`data-grid__header cell--${column.id}`}
            >
              <button
                type="button"
                className="sort-button"
                tabIndex={-1}
                disabled={!sorting.sortable}
                // Keeps focus on the grid, so the arrow keys still move the selection after sorting.
                onMouseDown={(event) => event.preventDefault()}
                onClick={(event) => sorting.toggle(column.id, event)}
                title={
                  sorting.sortable
                    ? 'Sort by this column (a third click restores the original order)'
                    : 'Sorting needs every row loaded'
                }
              >
                {column.headerTitle === undefined ? (
                  column.header
                ) : (
                  <abbr title={column.headerTitle}>{column.header}</abbr>
                )}
                <span className="sort-button__mark" aria-hidden="true">
                  {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                </span>
              </button>
            </div>
          )
        })}
      </div>
    </div>
  )
}
