import { lazy, type ReactNode, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import type { SnapshotSummary } from '../../shared/app/host-api'
import { ErrorBoundary } from '../ui/error-boundary'
import { useHost } from '../ui/host-context'
import { HistoryButtons } from './history-buttons'
import {
  canGoBack,
  canGoForward,
  currentRoute,
  goBack,
  goForward,
  historyAt,
  historyKey,
  navigateTo,
  replaceRoute,
  routeKey,
  type NavigationHistory,
  START_ROUTE,
  type Route,
} from '../ui/navigation'
import { isTrainingSnapshot } from '../views/training/training-model'
import { NavigateProvider, type Navigate } from '../ui/navigation-context'
import { NavRail } from './nav-rail'
import { clampSplit } from '../ui/split'
import { Splitter } from '../ui/splitter'
import { useElementWidth } from '../ui/use-element-width'
import { useRememberedSize } from '../ui/remembered-size'

// Each view is its own chunk, loaded the first time it is shown: the window's first bundle holds the shell.
const SyncRulesView = lazy(() =>
  import('../views/sync-rules/sync-rules-view').then((module) => ({ default: module.SyncRulesView })),
)
const MetaverseSearchView = lazy(() =>
  import('../views/metaverse-search/metaverse-search-view').then((module) => ({
    default: module.MetaverseSearchView,
  })),
)
const CsSearchView = lazy(() =>
  import('../views/connector-space/cs-search-view').then((module) => ({ default: module.CsSearchView })),
)
const ObjectView = lazy(() =>
  import('../views/object/object-view').then((module) => ({ default: module.ObjectView })),
)
const TrainingCaseNote = lazy(() =>
  import('../views/training/training-case-note').then((module) => ({ default: module.TrainingCaseNote })),
)
const FixView = lazy(() => import('../views/fix/fix-view').then((module) => ({ default: module.FixView })))
const CompareView = lazy(() =>
  import('../views/compare/compare-view').then((module) => ({ default: module.CompareView })),
)
const TrainingView = lazy(() =>
  import('../views/training/training-view').then((module) => ({ default: module.TrainingView })),
)

/** A view in its error boundary, with a placeholder while its code loads. */
function ViewFrame({
  label,
  onError,
  children,
}: {
  readonly label: string
  readonly onError: (details: string) => void
  readonly children: ReactNode
}) {
  return (
    <ErrorBoundary label={label} onError={onError}>
      <Suspense fallback={<p className="empty-state">Opening {label}…</p>}>{children}</Suspense>
    </ErrorBoundary>
  )
}

const RAIL_LIMITS = { minFirst: 160, minSecond: 480 }
const DEFAULT_RAIL = 220
const RAIL_ID = 'nav-rail'

type ObjectRoute = Extract<Route, { view: 'object' }>

/**
 * A loaded snapshot's window: the navigation rail, Back/Forward, and the view of the current route. The search
 * views stay mounted once visited, so their queries and results survive a trip to an object and back.
 */
export function Workspace({ summary }: { readonly summary: SnapshotSummary }) {
  const host = useHost()
  const reportError = useCallback((details: string) => void host.reportError(details), [host])
  // The admin's walk starts at Metaverse Search; a trainer's at the cases of the training snapshot.
  const [history, setHistory] = useState<NavigationHistory>(() =>
    historyAt(isTrainingSnapshot(summary) ? { view: 'training' } : START_ROUTE),
  )
  const [railWidth, setRailWidth] = useRememberedSize('rail')
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set())
  const splitRef = useRef<HTMLDivElement | null>(null)
  const width = useElementWidth(splitRef)
  const route = currentRoute(history)
  const lastObject = [...history.entries.slice(0, history.index + 1)]
    .reverse()
    .find((entry): entry is ObjectRoute => entry.view === 'object')

  const navigate: Navigate = useCallback((next, options) => {
    setHistory((current) =>
      options?.replace === true ? replaceRoute(current, next) : navigateTo(current, next),
    )
  }, [])

  // A comparison started from the menu shows in the Compare view, wherever the window was.
  useEffect(
    () =>
      host.onComparisonStateChange((state) => {
        if (state.phase === 'loading') navigate({ view: 'compare' })
      }),
    [host, navigate],
  )

  const mountKey = route.view === 'cs-search' ? `cs-search|${route.connectorId ?? ''}` : route.view
  // Remembered while rendering (not in an effect) so a view mounts once and stays mounted.
  if (!visited.has(mountKey)) setVisited(new Set([...visited, mountKey]))

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const move = historyKey(event)
      if (move === null) return
      // Capture phase: Alt+arrows mean history even inside a tablist or grid that handles the bare arrows.
      event.preventDefault()
      event.stopPropagation()
      setHistory((current) => (move === 'back' ? goBack(current) : goForward(current)))
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])

  const rail = width > 0 ? clampSplit(railWidth ?? DEFAULT_RAIL, width, RAIL_LIMITS) : DEFAULT_RAIL
  const shown = (key: string): boolean => key === mountKey
  const kept = (key: string): boolean => visited.has(key) || shown(key)

  return (
    <NavigateProvider value={navigate}>
      <div
        ref={splitRef}
        className="workspace"
        style={{ gridTemplateColumns: `${rail}px 6px minmax(0, 1fr)` }}
        data-route={route.view}
      >
        <div id={RAIL_ID} className="workspace__rail">
          <HistoryButtons
            canBack={canGoBack(history)}
            canForward={canGoForward(history)}
            onBack={() => setHistory(goBack)}
            onForward={() => setHistory(goForward)}
          />
          <NavRail summary={summary} route={route} lastObject={lastObject ?? null} navigate={navigate} />
        </div>
        <Splitter
          label="Resize the navigation rail"
          position={rail}
          controls={RAIL_ID}
          onResize={(next) => setRailWidth(clampSplit(next, width, RAIL_LIMITS))}
        />
        <div className="workspace__content">
          {kept('rules') && (
            <div className="workspace__view" hidden={!shown('rules')}>
              <ViewFrame label="The Sync Rules view" onError={reportError}>
                <SyncRulesView
                  summary={summary}
                  ruleId={route.view === 'rules' ? route.ruleId : undefined}
                  direction={route.view === 'rules' ? route.direction : undefined}
                />
              </ViewFrame>
            </div>
          )}
          {kept('search') && (
            <div className="workspace__view" hidden={!shown('search')}>
              <ViewFrame label="Metaverse Search" onError={reportError}>
                <MetaverseSearchView
                  summary={summary}
                  objectType={route.view === 'search' ? route.objectType : undefined}
                  inScopeOf={route.view === 'search' ? route.inScopeOf : undefined}
                />
              </ViewFrame>
            </div>
          )}
          {summary.connectors.map((connector) => {
            const key = `cs-search|${connector.id}`
            return (
              kept(key) && (
                <div key={key} className="workspace__view" hidden={!shown(key)}>
                  <ViewFrame label={`Search Connector Space (${connector.name})`} onError={reportError}>
                    <CsSearchView
                      summary={summary}
                      connectorId={connector.id}
                      linkScope={
                        route.view === 'cs-search' && route.connectorId === connector.id
                          ? route.scope
                          : undefined
                      }
                    />
                  </ViewFrame>
                </div>
              )
            )
          })}
          {route.view === 'cs-search' && route.connectorId === undefined && (
            <div className="workspace__view">
              <ViewFrame label="Search Connector Space" onError={reportError}>
                <CsSearchView summary={summary} connectorId={summary.connectors[0]?.id ?? ''} />
              </ViewFrame>
            </div>
          )}
          {route.view === 'object' && (
            <div className="workspace__view">
              <ViewFrame
                key={routeKey({ ...route, attribute: '', diagnose: false })}
                label="The object view"
                onError={reportError}
              >
                <TrainingCaseNote target={route.target} />
                <ObjectView route={route} summary={summary} />
              </ViewFrame>
            </div>
          )}
          {route.view === 'fix' && (
            <div className="workspace__view">
              <ViewFrame key={routeKey(route)} label="Draft a fix" onError={reportError}>
                <FixView route={route} summary={summary} />
              </ViewFrame>
            </div>
          )}
          {kept('compare') && (
            <div className="workspace__view" hidden={!shown('compare')}>
              <ViewFrame label="The Compare view" onError={reportError}>
                <CompareView summary={summary} />
              </ViewFrame>
            </div>
          )}
          {route.view === 'training' && (
            <div className="workspace__view">
              <ViewFrame label="The Training view" onError={reportError}>
                <TrainingView summary={summary} />
              </ViewFrame>
            </div>
          )}
        </div>
      </div>
    </NavigateProvider>
  )
}
