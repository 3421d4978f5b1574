import type { RefObject } from 'react'
import type { RuleDirection } from '../../../shared/model/sync-rule'
import { CellText, DataGrid, type GridColumn } from '../common/data-grid'
import { shortTag, yesNo, type RuleRow } from './rule-rows'

/** The columns of the Synchronization Rules Editor's list, in its order. */
export const RULE_COLUMNS: readonly GridColumn<RuleRow>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(19rem, 3fr)',
    text: (row) => row.name,
    render: (row) => (
      <>
        {row.standard && (
          <span className="standard-mark" title="Standard rule (out of box, Microsoft)">
            MS
          </span>
        )}
        <CellText text={row.name} />
      </>
    ),
  },
  { id: 'connector', header: 'Connector', width: 'minmax(6rem, 1.3fr)', text: (row) => row.connector },
  {
    id: 'precedence',
    header: 'Precedence',
    width: '5.75rem',
    text: (row) => String(row.precedence),
    sortValue: (row) => row.precedence,
  },
  {
    id: 'connectedObjectType',
    header: 'CS object type',
    headerTitle: 'Connected system object type',
    width: 'minmax(6rem, 0.8fr)',
    text: (row) => row.connectedObjectType,
  },
  {
    id: 'metaverseObjectType',
    header: 'MV object type',
    headerTitle: 'Metaverse object type',
    width: 'minmax(6rem, 0.8fr)',
    text: (row) => row.metaverseObjectType,
  },
  { id: 'linkType', header: 'Link type', width: '5.25rem', text: (row) => row.linkType },
  {
    id: 'scoping',
    header: 'Scoping',
    headerTitle: 'Scoping filter (clauses AND-ed in a group, groups OR-ed)',
    width: 'minmax(8rem, 1.5fr)',
    text: (row) => row.scoping,
    render: (row) =>
      row.scoping === '' ? (
        <span className="cell-text cell-text--dim">every object</span>
      ) : (
        <span className="cell-text cell-text--code" title={row.scoping}>
          {row.scoping}
        </span>
      ),
  },
  {
    id: 'join',
    header: 'Join',
    headerTitle: 'Join rules (source = target; groups tried in order)',
    width: 'minmax(7rem, 1.2fr)',
    text: (row) => row.join,
    render: (row) =>
      row.join === '' ? (
        <span className="cell-text cell-text--dim">none</span>
      ) : (
        <span className="cell-text cell-text--code" title={row.join}>
          {row.join}
        </span>
      ),
  },
  {
    id: 'disabled',
    header: 'Disabled',
    width: '4.75rem',
    text: (row) => yesNo(row.disabled),
    sortValue: (row) => (row.disabled ? 1 : 0),
  },
  {
    id: 'tag',
    header: 'Tag',
    width: 'minmax(5rem, 1.2fr)',
    text: (row) => row.tag,
    render: (row) => (
      <span className="cell-text cell-text--code" title={row.tag}>
        {shortTag(row.tag)}
      </span>
    ),
  },
]

function ruleKey(row: RuleRow): string {
  return row.id
}

function ruleClass(row: RuleRow): string | undefined {
  return row.disabled ? 'data-grid__row--disabled' : undefined
}

/**
 * The grid of rules (a DataGrid moving by rows), in precedence order unless a header sorts it. The view owns
 * the selection; Enter or F6 hands focus to the detail pane.
 */
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
  return (
    <DataGrid
      id={id}
      label={`${direction} synchronization rules`}
      columns={RULE_COLUMNS}
      rows={rows}
      rowKey={ruleKey}
      selectedKey={selectedId}
      onSelectRow={(row) => onSelect(row.id)}
      onOpenDetail={onOpenDetail}
      rowClass={ruleClass}
      focus="row"
      className="data-grid--pane"
      gridRef={gridRef}
      emptyMessage={emptyMessage}
      testId="rule-grid"
    />
  )
}
