/** The Sync Rules grid over synthetic rule rows held in memory (no paging): the grid the benchmark measured first. */
import { useRef, useState } from 'react'
import type { Root } from 'react-dom/client'
import type { LinkType } from '../../shared/model/sync-rule'
import { RuleGrid } from '../../renderer/views/sync-rules/rule-grid'
import type { RuleRow } from '../../renderer/views/sync-rules/rule-rows'
import { elementById, framesUntil, scrollFrames, type GridBench } from './frames'

const GRID_ID = 'bench-grid'
const LINK_TYPES: readonly LinkType[] = ['Provision', 'Join', 'StickyJoin', 'JoinNoFlow']
const OBJECT_TYPES = ['user', 'group', 'contact', 'inetOrgPerson', 'device']

function syntheticRows(count: number): RuleRow[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `row-${index}`,
    name: `In from AD - ${OBJECT_TYPES[index % 5] ?? 'user'} rule number ${index} for the benchmark grid`,
    connector: index % 2 === 0 ? 'contoso.com' : 'contoso.onmicrosoft.com - AAD',
    precedence: index + 1,
    connectedObjectType: OBJECT_TYPES[index % OBJECT_TYPES.length] ?? 'user',
    metaverseObjectType: index % 3 === 0 ? 'person' : 'group',
    linkType: LINK_TYPES[index % LINK_TYPES.length] ?? 'Join',
    disabled: index % 17 === 0,
    tag: index % 4 === 0 ? `Microsoft.InfromADUserCommon.${String(index).padStart(6, '0')}` : '',
    standard: index % 4 === 0,
    scoping:
      index % 3 === 0 ? 'adminDescription NOTSTARTSWITH User_ AND isCriticalSystemObject NOTEQUAL True' : '',
    join: index % 2 === 0 ? 'objectGUID = sourceAnchor' : '',
  }))
}

function BenchRuleGrid({ rows }: { readonly rows: readonly RuleRow[] }) {
  const gridRef = useRef<HTMLDivElement | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  return (
    <div style={{ height: '100vh', display: 'grid' }}>
      <RuleGrid
        id={GRID_ID}
        rows={rows}
        direction="Inbound"
        selectedId={selectedId}
        onSelect={setSelectedId}
        onOpenDetail={() => undefined}
        gridRef={gridRef}
        emptyMessage="No rows."
      />
    </div>
  )
}

/** The rules grid page: the rows are made up front, and the first rows are timed from handing them to React. */
export function ruleGridBench(root: Root, count: number): GridBench {
  return {
    gridId: GRID_ID,
    rows: count,
    async firstRows() {
      const rows = syntheticRows(count)
      const started = performance.now()
      root.render(<BenchRuleGrid rows={rows} />)
      await framesUntil(
        () =>
          document.querySelector(`#${GRID_ID} [role="rowgroup"] + [role="rowgroup"] [role="row"]`) !== null,
      )
      return performance.now() - started
    },
    scroll: (frames, step) => scrollFrames(elementById(GRID_ID), frames, step),
  }
}
