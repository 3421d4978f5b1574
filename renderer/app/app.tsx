import { useEffect } from 'react'
import type { HostApi, SnapshotState, SnapshotSummary } from '../../shared/app/host-api'
import { windowTitle } from '../../shared/app/window-title'
import { DropTarget } from './drop-target'
import { EmptyView } from './empty-view'
import { FailedView } from './failed-view'
import { HostProvider } from '../ui/host-context'
import { LoadingView } from './loading-view'
import { SnapshotBar } from './snapshot-bar'
import { useSnapshotPickers, type SnapshotPickers } from './snapshot-pickers'
import { ThemeToggle } from './theme-toggle'
import { PresentToggle } from './present-toggle'
import { useSnapshotState } from './use-snapshot-state'
import { Workspace } from './workspace'

const summaryKeys = new WeakMap<SnapshotSummary, number>()
let nextSummaryKey = 1

/** A key that changes with every newly loaded snapshot, so views start fresh (filters, selection). */
function summaryKey(summary: SnapshotSummary): number {
  let key = summaryKeys.get(summary)
  if (key === undefined) {
    key = nextSummaryKey++
    summaryKeys.set(summary, key)
  }
  return key
}

function Page({ state, pickers }: { readonly state: SnapshotState; readonly pickers: SnapshotPickers }) {
  switch (state.phase) {
    case 'empty':
      return <EmptyView pickers={pickers} />
    case 'loading':
      return <LoadingView name={state.name} progress={state.progress} />
    case 'failed':
      return <FailedView name={state.name} message={state.message} issues={state.issues} pickers={pickers} />
    case 'ready':
      return <Workspace key={summaryKey(state.summary)} summary={state.summary} />
  }
}

/** The application: a header, the page for the current snapshot state, and host wiring. */
export function App({ host }: { readonly host: HostApi }) {
  const state = useSnapshotState(host)
  const pickers = useSnapshotPickers(host)
  const { pickFolder } = pickers

  useEffect(() => {
    if (!state) return
    // The readiness marker end-to-end tests wait for.
    document.documentElement.dataset.appState = state.phase
    document.title = windowTitle(state)
  }, [state])

  useEffect(
    () =>
      host.onMenuCommand((command) => {
        switch (command) {
          case 'open-snapshot':
            pickFolder()
            return
          case 'close-snapshot':
            void host.closeSnapshot()
            return
          case 'compare-with':
            void host.openComparisonDialog()
            return
        }
      }),
    [host, pickFolder],
  )

  return (
    <HostProvider host={host}>
      <DropTarget host={host}>
        <div className="app">
          <header className="app-bar">
            <span className="app-bar__brand">SyncLens</span>
            {state?.phase === 'ready' && <SnapshotBar summary={state.summary} />}
            {state?.phase === 'ready' && <PresentToggle />}
            <ThemeToggle />
          </header>
          {state && <Page state={state} pickers={pickers} />}
          {pickers.inputs}
        </div>
      </DropTarget>
    </HostProvider>
  )
}
