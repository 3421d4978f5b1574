import { useRef, type KeyboardEvent } from 'react'
import type { RuleDirection } from '../../../shared/model/sync-rule'
import { nextTabIndex } from '../../ui/tab-keys'
import type { FilterOption, FilterOptions, RuleFilterState } from './filter-options'

const DIRECTIONS: readonly RuleDirection[] = ['Inbound', 'Outbound']

function FilterSelect({
  label,
  allLabel,
  value,
  options,
  onChange,
  testId,
}: {
  readonly label: string
  readonly allLabel: string
  readonly value: string
  readonly options: readonly FilterOption[]
  readonly onChange: (value: string) => void
  readonly testId: string
}) {
  return (
    <label className="filter">
      <span className="filter__label">{label}</span>
      <select
        className="filter__control"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        data-testid={testId}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label} ({option.count})
          </option>
        ))}
      </select>
    </label>
  )
}

/** Direction switch and the filters of the Sync Rules view. */
export function RuleFilterBar({
  filter,
  options,
  counts,
  attributes,
  shown,
  narrowed,
  onChange,
  onClear,
}: {
  readonly filter: RuleFilterState
  readonly options: FilterOptions
  readonly counts: Readonly<Record<RuleDirection, number>>
  /** Attribute names to suggest in the attribute filter. */
  readonly attributes: readonly string[]
  /** How many rules the grid shows, null while loading. */
  readonly shown: number | null
  readonly narrowed: boolean
  readonly onChange: (change: Partial<RuleFilterState>) => void
  readonly onClear: () => void
}) {
  const group = useRef<HTMLDivElement | null>(null)

  // A radio group is one tab stop; arrows move the choice (WAI-ARIA radio group pattern).
  const onDirectionKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    const key = event.key === 'ArrowDown' ? 'ArrowRight' : event.key === 'ArrowUp' ? 'ArrowLeft' : event.key
    const next = nextTabIndex(key, DIRECTIONS.indexOf(filter.direction), DIRECTIONS.length)
    const direction = next === null ? undefined : DIRECTIONS[next]
    if (!direction) return
    event.preventDefault()
    onChange({ direction })
    group.current?.querySelector<HTMLElement>(`[data-direction="${direction}"]`)?.focus()
  }

  return (
    <div className="rule-filters" data-testid="rule-filters">
      <div ref={group} className="segmented" role="radiogroup" aria-label="Rule direction">
        {DIRECTIONS.map((direction) => (
          <button
            key={direction}
            type="button"
            role="radio"
            aria-checked={filter.direction === direction}
            tabIndex={filter.direction === direction ? 0 : -1}
            data-direction={direction}
            className={
              filter.direction === direction ? 'segmented__item segmented__item--on' : 'segmented__item'
            }
            onClick={() => onChange({ direction })}
            onKeyDown={onDirectionKey}
            data-testid={`direction-${direction.toLowerCase()}`}
          >
            {direction} <span className="segmented__count">{counts[direction]}</span>
          </button>
        ))}
      </div>
      <FilterSelect
        label="Connector"
        allLabel="All connectors"
        value={filter.connectorId}
        options={options.connectors}
        onChange={(connectorId) => onChange({ connectorId })}
        testId="filter-connector"
      />
      <FilterSelect
        label="Connected system object type"
        allLabel="All types"
        value={filter.connectedObjectType}
        options={options.connectedObjectTypes}
        onChange={(connectedObjectType) => onChange({ connectedObjectType })}
        testId="filter-connected-type"
      />
      <FilterSelect
        label="Metaverse object type"
        allLabel="All types"
        value={filter.metaverseObjectType}
        options={options.metaverseObjectTypes}
        onChange={(metaverseObjectType) => onChange({ metaverseObjectType })}
        testId="filter-metaverse-type"
      />
      <label className="filter filter--attribute">
        <span className="filter__label">Uses attribute</span>
        <input
          className="filter__control"
          type="search"
          list="rule-attribute-names"
          placeholder="e.g. proxyAddresses"
          value={filter.attribute}
          onChange={(event) => onChange({ attribute: event.currentTarget.value })}
          spellCheck={false}
          autoComplete="off"
          data-testid="filter-attribute"
        />
        <datalist id="rule-attribute-names">
          {attributes.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      <div className="rule-filters__end">
        <span className="rule-filters__count" aria-live="polite" data-testid="rule-count">
          {shown === null ? '' : `${shown} ${shown === 1 ? 'rule' : 'rules'}`}
        </span>
        {narrowed && (
          <button type="button" className="button button--quiet" onClick={onClear}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  )
}
