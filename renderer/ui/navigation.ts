import type { ObjectTarget } from '../../shared/app/view-queries'

/** Where the window is: one view and what it shows. */
export type Route =
  | {
      readonly view: 'rules'
      readonly ruleId?: string
      readonly metaverseObjectType?: string
      /** Show this direction's rules (the pipeline diagram's Inbound and Outbound boxes). */
      readonly direction?: 'Inbound' | 'Outbound'
    }
  | {
      readonly view: 'search'
      readonly objectType?: string
      /** Keep only the objects in this rule's scope (Sync Rules' "Find objects in the metaverse"). */
      readonly inScopeOf?: { readonly ruleId: string; readonly ruleName: string }
    }
  | {
      readonly view: 'cs-search'
      readonly connectorId?: string
      /** Search at once with this scope (the diagram's Import box: pending import; Export: pending export). */
      readonly scope?: 'pending-import' | 'pending-export'
    }
  | {
      readonly view: 'object'
      readonly target: ObjectTarget
      /** The attribute to select (flow row, diagnosis). */
      readonly attribute?: string
      /** True to open "Why isn't this attribute syncing?" for `attribute`. */
      readonly diagnose?: boolean
    }
  | { readonly view: 'training' }
  /** "Draft a fix" for one attribute of one connector-space object. */
  | {
      readonly view: 'fix'
      readonly csId: string
      readonly attribute: string
      readonly targetConnectorId?: string
    }
  | { readonly view: 'compare' }

/** The name of a view, as a route names it. */
export type ViewName = Route['view']

/** Routes visited, and which one is shown. */
export interface NavigationHistory {
  readonly entries: readonly Route[]
  readonly index: number
}

/** How many routes back/forward remembers. */
export const HISTORY_LIMIT = 100

/** Where an admin's walk starts in a freshly opened snapshot: Metaverse Search, as in the Service Manager. */
export const START_ROUTE: Route = { view: 'search' }

/** The history of a freshly opened snapshot: the Metaverse Search. */
export const INITIAL_HISTORY: NavigationHistory = { entries: [START_ROUTE], index: 0 }

/** A fresh history starting at a route (the training snapshot starts on its cases). */
export function historyAt(route: Route): NavigationHistory {
  return { entries: [route], index: 0 }
}

/** The route shown. */
export function currentRoute(history: NavigationHistory): Route {
  return history.entries[history.index] ?? START_ROUTE
}

/** True when two routes show the same thing. */
export function sameRoute(a: Route, b: Route): boolean {
  return routeKey(a) === routeKey(b)
}

/** A stable text key of a route (for equality and React keys). */
export function routeKey(route: Route): string {
  switch (route.view) {
    case 'rules':
      return `rules|${route.ruleId ?? ''}|${route.metaverseObjectType ?? ''}|${route.direction ?? ''}`
    case 'search':
      return `search|${route.objectType ?? ''}|${route.inScopeOf?.ruleId ?? ''}`
    case 'cs-search':
      return `cs-search|${route.connectorId ?? ''}|${route.scope ?? ''}`
    case 'object':
      return `object|${targetKey(route.target)}|${route.attribute ?? ''}|${route.diagnose === true ? 'd' : ''}`
    case 'training':
      return 'training'
    case 'fix':
      return `fix|${route.csId}|${route.attribute}|${route.targetConnectorId ?? ''}`
    case 'compare':
      return 'compare'
  }
}

/** `cs:<id>` or `mv:<id>`. */
export function targetKey(target: ObjectTarget): string {
  return 'csId' in target ? `cs:${target.csId}` : `mv:${target.mvId}`
}

/**
 * Goes to a route: forward entries are dropped, as in a browser. Going to the route already shown changes
 * nothing; the oldest entries fall off past HISTORY_LIMIT.
 */
export function navigateTo(history: NavigationHistory, route: Route): NavigationHistory {
  if (sameRoute(currentRoute(history), route)) return history
  const kept = [...history.entries.slice(0, history.index + 1), route]
  const entries = kept.length > HISTORY_LIMIT ? kept.slice(kept.length - HISTORY_LIMIT) : kept
  return { entries, index: entries.length - 1 }
}

/** Replaces the shown route without a new history entry (a selection inside a view). */
export function replaceRoute(history: NavigationHistory, route: Route): NavigationHistory {
  if (sameRoute(currentRoute(history), route)) return history
  const entries = history.entries.map((entry, index) => (index === history.index ? route : entry))
  return { entries, index: history.index }
}

/** True when there is a route to go back to. */
export function canGoBack(history: NavigationHistory): boolean {
  return history.index > 0
}

/** True when there is a route to go forward to. */
export function canGoForward(history: NavigationHistory): boolean {
  return history.index < history.entries.length - 1
}

/** One step back; unchanged at the start. */
export function goBack(history: NavigationHistory): NavigationHistory {
  return canGoBack(history) ? { ...history, index: history.index - 1 } : history
}

/** One step forward; unchanged at the end. */
export function goForward(history: NavigationHistory): NavigationHistory {
  return canGoForward(history) ? { ...history, index: history.index + 1 } : history
}

/** The history move a key press asks for (Alt+Left, Alt+Right, the mouse's and keyboards' Back keys), or null. */
export function historyKey(event: {
  readonly key: string
  readonly altKey: boolean
  readonly ctrlKey: boolean
  readonly metaKey: boolean
}): 'back' | 'forward' | null {
  if (event.key === 'BrowserBack') return 'back'
  if (event.key === 'BrowserForward') return 'forward'
  if (!event.altKey || event.ctrlKey || event.metaKey) return null
  if (event.key === 'ArrowLeft') return 'back'
  if (event.key === 'ArrowRight') return 'forward'
  return null
}

/** A short title for a route (toolbar tooltips, the rail). */
export function routeTitle(route: Route): string {
  switch (route.view) {
    case 'rules':
      return 'Sync Rules'
    case 'search':
      return 'Metaverse Search'
    case 'cs-search':
      return 'Connector Space search'
    case 'object':
      return 'csId' in route.target ? 'Connector space object' : 'Metaverse object'
    case 'training':
      return 'Cases and Concepts'
    case 'fix':
      return `Draft a fix: ${route.attribute}`
    case 'compare':
      return 'Compare'
  }
}
