/**
 * The real app over a synthetic snapshot: `App` with the browser build's host, whose snapshot worker is the
 * benchmark's (bench-session.worker.ts), so the Metaverse Search view, its paged search and its result grid run
 * exactly as in the product, pages arriving from a worker while the grid scrolls.
 */
import { StrictMode } from 'react'
import type { Root } from 'react-dom/client'
import { App } from '../../renderer/app/app'
import { createBrowserHost, type SnapshotWorker } from '../../renderer/host/browser-host'
import { messagePortOf } from '../../renderer/host/worker-port'
import { elementById, framesUntil, scrollFrames, type GridBench } from './frames'

const GRID_ID = 'mv-results'
const DATA_ROW = `#${GRID_ID} [role="rowgroup"] + [role="rowgroup"] [role="row"]:not(.data-grid__row--loading)`

function spawnBenchWorker(rows: number): SnapshotWorker {
  const worker = new Worker(new URL('./bench-session.worker.ts', import.meta.url), {
    type: 'module',
    name: `rows=${rows}`,
  })
  return {
    port: messagePortOf(worker),
    onFailure: (handler) =>
      worker.addEventListener('error', (event) => handler({ outOfMemory: false, reason: event.message })),
    terminate: () => worker.terminate(),
  }
}

/**
 * Renders the app and opens the synthetic snapshot at once. The driver then opens Metaverse Search (and any
 * columns) through the UI; `firstRows` presses Search.
 */
export function metaverseSearchBench(root: Root, count: number): GridBench {
  const host = createBrowserHost(() => spawnBenchWorker(count))
  root.render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  )
  void host.openTrainingSnapshot()
  return {
    gridId: GRID_ID,
    rows: count,
    async firstRows() {
      const button = document.querySelector<HTMLButtonElement>('[data-testid="search-button"]')
      if (button === null) throw new Error('Open Metaverse Search before pressing Search.')
      const started = performance.now()
      button.click()
      await framesUntil(() => document.querySelector(DATA_ROW) !== null)
      return performance.now() - started
    },
    scroll: (frames, step) => scrollFrames(elementById(GRID_ID), frames, step),
  }
}
