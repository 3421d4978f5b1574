import type { SnapshotSummary } from '../../shared/app/host-api'
import type { Navigate } from '../ui/navigation-context'
import { routeTitle, type Route } from '../ui/navigation'

/** The left rail: Sync Rules, Metaverse Search, a Connector Space search per connector, and the open object. */
export function NavRail({
  summary,
  route,
  lastObject,
  navigate,
}: {
  readonly summary: SnapshotSummary
  readonly route: Route
  /** The object last opened, offered until another replaces it. */
  readonly lastObject: Extract<Route, { view: 'object' }> | null
  readonly navigate: Navigate
}) {
  const item = (key: string, label: string, target: Route, current: boolean, detail?: string) => (
    <li key={key}>
      <button
        type="button"
        className={current ? 'rail__item rail__item--current' : 'rail__item'}
        aria-current={current ? 'page' : undefined}
        onClick={() => navigate(target)}
        title={detail ?? label}
      >
        <span className="rail__label">{label}</span>
        {detail !== undefined && <span className="rail__detail">{detail}</span>}
      </button>
    </li>
  )
  return (
    <nav className="rail" aria-label="Views" data-testid="nav-rail">
      <ul className="rail__list">
        {item('rules', 'Sync Rules', { view: 'rules' }, route.view === 'rules')}
        {item('search', 'Metaverse Search', { view: 'search' }, route.view === 'search')}
        {item('training', routeTitle({ view: 'training' }), { view: 'training' }, route.view === 'training')}
        {item('compare', routeTitle({ view: 'compare' }), { view: 'compare' }, route.view === 'compare')}
      </ul>
      <h2 className="rail__heading">Connector Space</h2>
      <ul className="rail__list">
        {summary.connectors.map((connector) =>
          item(
            `cs-${connector.id}`,
            connector.name,
            { view: 'cs-search', connectorId: connector.id },
            route.view === 'cs-search' && route.connectorId === connector.id,
            `${connector.csObjects} objects`,
          ),
        )}
      </ul>
      {lastObject && (
        <>
          <h2 className="rail__heading">Object</h2>
          <ul className="rail__list">
            {item(
              'object',
              routeTitle(lastObject),
              { view: 'object', target: lastObject.target },
              route.view === 'object',
              'csId' in lastObject.target ? lastObject.target.csId : lastObject.target.mvId,
            )}
          </ul>
        </>
      )}
    </nav>
  )
}
