import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type KeyboardEvent, type RefObject, useCallback, useRef } from 'react'
import type { RuleDirection } from '../../../shared/model/sync-rule'
import { isGridNavigationKey, nextRowIndex, rowsPerPage } from './grid-keys'
import { shortTag, yesNo, type RuleRow } from './rule-rows'

/** Row height in pixels; fixed so the virtualizer never measures. */
export const ROW_HEIGHT = 32
/** Header height in pixels (sticky, inside the scroll container). */
export const HEADER_HEIGHT = 40

/** Column widths, shared by the header and every row so they line up. */
const GRID_COLUMNS =
  'minmax(13rem, 3fr) minmax(6rem, 1.3fr) 5.75rem minmax(6rem, 0.8fr) minmax(6rem, 0.8fr) 5.25rem 4.75rem minmax(5rem, 1.2fr)'

/** A cell's text, cut with an ellipsis when the column is narrow; the full text shows on hover. */
function CellText({
  value,
  title = value,
  code = false,
}: {
  readonly value: string
  readonly title?: string
  readonly code?: boolean
}) {
  return (
    <span className={code ? 'cell-text cell-text--code' : 'cell-text'} title={title}>
      {value}
    </span>
  )
}

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
})

const column = createColumnHelper<typeof features, RuleRow>()

const columns = column.columns([
  column.accessor('name', {
    header: 'Name',
    sortFn: 'alphanumeric',
    cell: (info) => (
      <>
        {info.row.original.standard && (
          <span className="standard-mark" title="Standard rule (out of box, Microsoft)">
            MS
          </span>
        )}
        <CellText value={info.getValue()} />
      </>
    ),
  }),
  column.accessor('connector', {
    header: 'Connector',
    sortFn: 'alphanumeric',
    cell: (info) => <CellText value={info.getValue()} />,
  }),
  column.accessor('precedence', { header: 'Precedence', sortFn: 'basic' }),
  column.accessor('connectedObjectType', {
    header: () => <abbr title="Connected system object type">CS object type</abbr>,
    sortFn: 'alphanumeric',
    cell: (info) => <CellText value={info.getValue()} />,
  }),
  column.accessor('metaverseObjectType', {
    header: () => <abbr title="Metaverse object type">MV object type</abbr>,
    sortFn: 'alphanumeric',
    cell: (info) => <CellText value={info.getValue()} />,
  }),
  column.accessor('linkType', { header: 'Link type', sortFn: 'alphanumeric' }),
  column.accessor('disabled', {
    header: 'Disabled',
    sortFn: 'basic',
    cell: (info) => yesNo(info.getValue()),
  }),
  column.accessor('tag', {
    header: 'Tag',
    sortFn: 'alphanumeric',
    cell: (info) => <CellText value={shortTag(info.getValue())} title={info.getValue()} code />,
  }),
])

/** Full column names, for the accessible names of the abbreviated headers. */
const COLUMN_NAMES: ReadonlyMap<string, string> = new Map([
  ['connectedObjectType', 'Connected system object type'],
  ['metaverseObjectType', 'Metaverse object type'],
])

/** The DOM id of a rule's row, for aria-activedescendant. */
export function ruleRowDomId(ruleId: string): string {
  return `rule-row-${ruleId}`
}

/** The virtualized, keyboard-driven grid of rules, in precedence order unless a header sorts it. */
export function RuleGrid({
  rows,
  direction,
  selectedId,
  onSelect,
  onOpenDetail,
  gridRef,
  emptyMessage,
  id,
}: {
  readonly rows: readonly RuleRow[]
  readonly direction: RuleDirection
  readonly selectedId: string | null
  readonly onSelect: (id: string) => void
  /** Enter or F6: move focus to the detail pane. */
  readonly onOpenDetail: () => void
  readonly gridRef: RefObject<HTMLDivElement | null>
  readonly emptyMessage: string
  readonly id: string
}) {
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
  })
  const tableRows = table.getRowModel().rows
  const scrollRef = useRef<HTMLDivElement | null>(null)

  // Nothing here is memoized by React Compiler (the app does not use it); the virtualizer's functions are read
  // fresh on every render, which is what the rule warns about.
  // The virtualizer recomputes every row's measurement when getItemKey changes identity, so it must be stable
  // across renders (300k rows: the difference between a 30 ms and a 1 ms frame).
  const getItemKey = useCallback((index: number) => tableRows[index]?.id ?? index, [tableRows])
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  })
  const virtualRows = virtualizer.getVirtualItems()
  const selectedIndex = selectedId === null ? -1 : tableRows.findIndex((row) => row.id === selectedId)
  const selectedRendered = virtualRows.some((item) => item.index === selectedIndex)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return
    if (isGridNavigationKey(event.key)) {
      event.preventDefault()
      const viewport = (scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT
      const next = nextRowIndex(event.key, selectedIndex, tableRows.length, rowsPerPage(viewport, ROW_HEIGHT))
      const row = tableRows[next]
      if (!row) return
      onSelect(row.id)
      virtualizer.scrollToIndex(next, { align: 'auto' })
    } else if (event.key === 'Enter' || event.key === 'F6') {
      event.preventDefault()
      onOpenDetail()
    }
  }

  return (
    <div
      id={id}
      ref={(element) => {
        scrollRef.current = element
        gridRef.current = element
      }}
      className="rule-grid"
      role="grid"
      aria-label={`${direction} synchronization rules`}
      aria-rowcount={tableRows.length + 1}
      aria-colcount={columns.length}
      aria-activedescendant={selectedRendered && selectedId !== null ? ruleRowDomId(selectedId) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="rule-grid"
    >
      <div className="rule-grid__inner">
        <div className="rule-grid__head" role="rowgroup" style={{ height: HEADER_HEIGHT }}>
          {table.getHeaderGroups().map((group) => (
            <div
              key={group.id}
              className="rule-grid__row rule-grid__row--head"
              role="row"
              aria-rowindex={1}
              style={{ gridTemplateColumns: GRID_COLUMNS, height: HEADER_HEIGHT }}
            >
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted()
                return (
                  <div
                    key={header.id}
                    role="columnheader"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    aria-label={COLUMN_NAMES.get(header.column.id)}
                    className={`rule-grid__header cell--${header.column.id}`}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      tabIndex={-1}
                      // Keeps focus on the grid, so the arrow keys still move the selection after sorting.
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={header.column.getToggleSortingHandler()}
                      title="Sort by this column (third click returns to precedence order)"
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
          className="rule-grid__body"
          role="rowgroup"
          style={{ height: Math.max(virtualizer.getTotalSize(), ROW_HEIGHT * 3) }}
        >
          {tableRows.length === 0 && <div className="rule-grid__empty">{emptyMessage}</div>}
          {virtualRows.map((item) => {
            const row = tableRows[item.index]
            if (!row) return null
            const selected = row.id === selectedId
            const classes = ['rule-grid__row']
            if (selected) classes.push('rule-grid__row--selected')
            if (row.original.disabled) classes.push('rule-grid__row--disabled')
            return (
              <div
                key={row.id}
                id={ruleRowDomId(row.id)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={classes.join(' ')}
                style={{
                  gridTemplateColumns: GRID_COLUMNS,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
                }}
                onClick={() => onSelect(row.id)}
                data-rule-id={row.id}
              >
                {row.getAllCells().map((cell) => (
                  <div key={cell.id} role="gridcell" className={`rule-grid__cell cell--${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </div>
                ))}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
