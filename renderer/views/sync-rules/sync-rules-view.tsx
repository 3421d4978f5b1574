import { useEffect, useMemo, useRef, useState } from 'react'
import type { SnapshotSummary } from '../../../shared/app/host-api'
import { gapMessage } from '../common/snapshot-gaps'
import { useHost } from '../../ui/host-context'
import { clampSplit } from '../../ui/split'
import { Splitter } from '../../ui/splitter'
import { useDebouncedValue } from '../../ui/use-debounced-value'
import { useElementWidth } from '../../ui/use-element-width'
import { useRememberedSize } from '../../ui/remembered-size'
import {
  attributeNames,
  filterOptions,
  INITIAL_FILTER,
  isNarrowed,
  reconcileFilter,
  toRuleFilter,
  type RuleFilterState,
} from './filter-options'
import { ConnectorFindings } from './connector-findings'
import { RuleDetail } from './rule-detail'
import type { RulePage } from './rule-detail-model'
import { RuleFilterBar } from './rule-filter-bar'
import { RuleGrid } from './rule-grid'
import { RuleWarnings } from './rule-warnings'
import { toRuleRow } from './rule-rows'
import { useRules } from './use-rules'

const SPLIT_LIMITS = { minFirst: 320, minSecond: 360 }
const SPLITTER_WIDTH = 6
/** Share of the width the grid gets until the user drags the splitter. */
const DEFAULT_GRID_SHARE = 0.55
/** The detail pane's width until the user drags: room for the four page tabs and the Transformations grid. */
const DEFAULT_DETAIL_MIN = 560
const GRID_ID = 'sync-rules-grid'
const DETAIL_ID = 'sync-rules-detail'

/** The Sync Rules view: the Synchronization Rules Editor's list and rule pages, read-only. */
export function SyncRulesView({
  summary,
  ruleId,
  direction: linkDirection,
}: {
  readonly summary: SnapshotSummary
  /** A rule to show, asked for by a link from another view. */
  readonly ruleId?: string | undefined
  /** A direction to show, asked for by a link (the pipeline diagram's rule boxes). */
  readonly direction?: 'Inbound' | 'Outbound' | undefined
}) {
  const host = useHost()
  const [filter, setFilter] = useState<RuleFilterState>(INITIAL_FILTER)
  const [appliedDirection, setAppliedDirection] = useState<string | undefined>(undefined)
  // A direction asked for by a link applies once per link, while rendering; the user may switch afterwards.
  if (linkDirection !== appliedDirection) {
    setAppliedDirection(linkDirection)
    if (linkDirection !== undefined) setFilter({ ...INITIAL_FILTER, direction: linkDirection })
  }
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [page, setPage] = useState<RulePage>('Description')
  const [gridWidth, setGridWidth] = useRememberedSize('sync-rules-grid')
  const gridRef = useRef<HTMLDivElement | null>(null)
  const detailRef = useRef<HTMLElement | null>(null)
  const splitRef = useRef<HTMLDivElement | null>(null)
  const splitWidth = useElementWidth(splitRef)

  useEffect(() => {
    if (ruleId === undefined) return
    let live = true
    void host.rule(ruleId).then((rule) => {
      if (!live || !rule) return
      setFilter({ ...INITIAL_FILTER, direction: rule.direction })
      setSelectedId(rule.id)
    })
    return () => {
      live = false
    }
  }, [host, ruleId])

  const directionFilter = useMemo(() => ({ direction: filter.direction }), [filter.direction])
  const directionRules = useRules(host, directionFilter)
  const options = useMemo(() => filterOptions(directionRules.rules ?? []), [directionRules.rules])
  const attributes = useMemo(() => attributeNames(directionRules.rules ?? []), [directionRules.rules])
  // Until this direction's rules arrive the options are unknown, so nothing is dropped from the filter yet.
  const effective = directionRules.stale ? filter : reconcileFilter(filter, options)
  const attribute = useDebouncedValue(effective.attribute, 200)
  const { direction, connectorId, connectedObjectType, metaverseObjectType } = effective
  const query = useMemo(
    () => toRuleFilter({ direction, connectorId, connectedObjectType, metaverseObjectType, attribute }),
    [direction, connectorId, connectedObjectType, metaverseObjectType, attribute],
  )
  const shown = useRules(host, query)
  const rows = useMemo(() => (shown.rules ?? []).map(toRuleRow), [shown.rules])
  const selectedRule = shown.rules?.find((rule) => rule.id === selectedId) ?? null

  const focusDetail = (): void => {
    const pane = detailRef.current
    const tab = pane?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')
    ;(tab ?? pane)?.focus()
  }
  const focusGrid = (): void => gridRef.current?.focus()

  const defaultGridWidth = Math.min(
    splitWidth * DEFAULT_GRID_SHARE,
    splitWidth - SPLITTER_WIDTH - DEFAULT_DETAIL_MIN,
  )
  const firstPane =
    splitWidth > 0
      ? clampSplit(gridWidth ?? defaultGridWidth, splitWidth - SPLITTER_WIDTH, SPLIT_LIMITS)
      : null
  const emptyMessage = shown.error
    ? `The rules could not be read: ${shown.error}`
    : isNarrowed(effective)
      ? `No ${direction.toLowerCase()} rules match these filters.`
      : (gapMessage(summary, ['no-configuration', 'no-rules']) ??
        `This snapshot has no ${direction.toLowerCase()} rules.`)

  return (
    <main className="sync-rules" data-testid="sync-rules">
      <div>
        <RuleFilterBar
          filter={effective}
          options={options}
          counts={{ Inbound: summary.rules.inbound, Outbound: summary.rules.outbound }}
          attributes={attributes}
          shown={shown.rules === null ? null : rows.length}
          narrowed={isNarrowed(effective)}
          onChange={(change) => setFilter((current) => ({ ...current, ...change }))}
          onClear={() => setFilter((current) => ({ ...INITIAL_FILTER, direction: current.direction }))}
        />
        <ConnectorFindings connectorId={connectorId} />
        <RuleWarnings direction={direction} />
      </div>
      <div
        ref={splitRef}
        className="split"
        style={{
          gridTemplateColumns:
            firstPane === null
              ? `minmax(0, ${DEFAULT_GRID_SHARE * 100}fr) ${SPLITTER_WIDTH}px minmax(0, ${(1 - DEFAULT_GRID_SHARE) * 100}fr)`
              : `${firstPane}px ${SPLITTER_WIDTH}px minmax(0, 1fr)`,
        }}
      >
        <RuleGrid
          id={GRID_ID}
          rows={rows}
          direction={direction}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onOpenDetail={focusDetail}
          gridRef={gridRef}
          emptyMessage={emptyMessage}
        />
        <Splitter
          label="Resize the rule list"
          position={firstPane ?? defaultGridWidth}
          controls={GRID_ID}
          onResize={(width) => setGridWidth(clampSplit(width, splitWidth - SPLITTER_WIDTH, SPLIT_LIMITS))}
        />
        <RuleDetail
          id={DETAIL_ID}
          rule={selectedRule}
          page={page}
          onPageChange={setPage}
          onLeave={focusGrid}
          paneRef={detailRef}
        />
      </div>
    </main>
  )
}
