/**
 * A standalone page for the scrolling benchmark: the Sync Rules grid component (the virtualized
 * TanStack grid the result views share) over synthetic rows. The row count comes from `?rows=`.
 * The page publishes its figures on `window.gridBench` for the Playwright driver.
 */
import { useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'
import type { LinkType } from '../../shared/model/sync-rule'
import { RuleGrid } from '../../renderer/views/sync-rules/rule-grid'
import type { RuleRow } from '../../renderer/views/sync-rules/rule-rows'
import '../../renderer/styles/base.css'
import '../../renderer/styles/app.css'
import '../../renderer/views/sync-rules/sync-rules.css'
import '../../renderer/styles/views.css'

/** What the page reports to the driver. */
export interface GridBench {
  readonly rows: number
  /** Milliseconds from handing the rows to React until the first data rows are in the DOM and painted. */
  firstRowsMs: number | null
  /** Scrolls the grid by `step` pixels per frame for `frames` frames; resolves with each frame's duration. */
  scroll(frames: number, step: number): Promise<number[]>
}

declare global {
  interface Window {
    gridBench?: GridBench
  }
}

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
  }))
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve))
}

function BenchGrid({ rows }: { readonly rows: readonly RuleRow[] }) {
  const gridRef = useRef<HTMLDivElement | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  return (
    <RuleGrid
      id="bench-grid"
      rows={rows}
      direction="Inbound"
      selectedId={selectedId}
      onSelect={setSelectedId}
      onOpenDetail={() => undefined}
      gridRef={gridRef}
      emptyMessage="No rows."
    />
  )
}

function grid(): HTMLElement {
  const element = document.getElementById('bench-grid')
  if (element === null) throw new Error('The grid is not rendered.')
  return element
}

async function start(): Promise<void> {
  const container = document.getElementById('root')
  if (container === null) throw new Error('The page has no #root element.')
  const count = Number(new URLSearchParams(location.search).get('rows') ?? '300000')
  const rows = syntheticRows(count)
  const bench: GridBench = {
    rows: count,
    firstRowsMs: null,
    async scroll(frames, step) {
      const element = grid()
      const durations: number[] = []
      let previous = await nextFrame()
      for (let frame = 0; frame < frames; frame += 1) {
        const max = element.scrollHeight - element.clientHeight
        element.scrollTop = element.scrollTop + step > max ? 0 : element.scrollTop + step
        const now = await nextFrame()
        durations.push(now - previous)
        previous = now
      }
      return durations
    },
  }
  const started = performance.now()
  createRoot(container).render(<BenchGrid rows={rows} />)
  while (document.querySelectorAll('#bench-grid [role="row"][data-rule-id]').length === 0) await nextFrame()
  await nextFrame()
  bench.firstRowsMs = performance.now() - started
  window.gridBench = bench
}

void start()
