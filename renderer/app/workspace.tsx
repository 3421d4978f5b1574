import { useCallback, useEffect, useRef, useState } from 'react'
import type { SnapshotSummary } from '../../shared/app/host-api'
import { CsSearchView } from '../views/connector-space/cs-search-view'
import { MetaverseSearchView } from '../views/metaverse-search/metaverse-search-view'
import { ObjectView } from '../views/object/object-view'
import { SyncRulesView } from '../views/sync-rules/sync-rules-view'
import { TrainingCaseNote } from '../views/training/training-case-note'
import { TrainingView } from '../views/training/training-view'
import { HistoryButtons } from './history-buttons'
import {
  canGoBack,
  canGoForward,
  currentRoute,
  goBack,
  goForward,
  historyKey,
  INITIAL_HISTORY,
  navigateTo,
  replaceRoute,
  routeKey,
  type NavigationHistory,
  type Route,
} from './navigation'
import { NavigateProvider, type Navigate } from './navigation-context'
import { NavRail } from './nav-rail'
import { clampSplit } from './split'
import { Splitter } from './splitter'
import { useElementWidth } from './use-element-width'

const RAIL_LIMITS = { minFirst: 160, minSecond: 480 }
const DEFAULT_RAIL = 220
const RAIL_ID = 'nav-rail'

type ObjectRoute = Extract<Route, { view: 'object' }>

/**
 * A loaded snapshot's window: the navigation rail, Back/Forward, and the view of the current route. The search
 * views stay mounted once visited, so their queries and results survive a trip to an object and back.
 */
export function Workspace({ summary }: { readonly summary: SnapshotSummary }) {
  const [history, setHistory] = useState<NavigationHistory>(INITIAL_HISTORY)
  const [railWidth, setRailWidth] = useState(DEFAULT_RAIL)
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set(['rules']))
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

  const rail = width > 0 ? clampSplit(railWidth, width, RAIL_LIMITS) : DEFAULT_RAIL
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
              <SyncRulesView summary={summary} ruleId={route.view === 'rules' ? route.ruleId : undefined} />
            </div>
          )}
          {kept('search') && (
            <div className="workspace__view" hidden={!shown('search')}>
              <MetaverseSearchView
                summary={summary}
                objectType={route.view === 'search' ? route.objectType : undefined}
              />
            </div>
          )}
          {summary.connectors.map((connector) => {
            const key = `cs-search|${connector.id}`
            return (
              kept(key) && (
                <div key={key} className="workspace__view" hidden={!shown(key)}>
                  <CsSearchView summary={summary} connectorId={connector.id} />
                </div>
              )
            )
          })}
          {route.view === 'cs-search' && route.connectorId === undefined && (
            <div className="workspace__view">
              <CsSearchView summary={summary} connectorId={summary.connectors[0]?.id ?? ''} />
            </div>
          )}
          {route.view === 'object' && (
            <div className="workspace__view">
              <TrainingCaseNote target={route.target} />
              <ObjectView
                key={routeKey({ ...route, attribute: '', diagnose: false })}
                route={route}
                summary={summary}
              />
            </div>
          )}
          {route.view === 'training' && (
            <div className="workspace__view">
              <TrainingView summary={summary} />
            </div>
          )}
        </div>
      </div>
    </NavigateProvider>
  )
}
