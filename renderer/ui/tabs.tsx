import { useRef, type KeyboardEvent } from 'react'
import { nextTabIndex } from './tab-keys'

/** One tab of a tablist. */
export interface TabItem<Id extends string> {
  readonly id: Id
  readonly label: string
  /** A count shown beside the label (null for none). */
  readonly count: number | null
}

/** The DOM id of a tab button, for aria-labelledby on its panel. */
export function tabId(idPrefix: string, id: string): string {
  return `${idPrefix}-tab-${id.replace(/\s+/g, '-').toLowerCase()}`
}

/** The DOM id of the one tab panel a tablist controls. */
export function tabPanelId(idPrefix: string): string {
  return `${idPrefix}-panel`
}

/** A horizontal WAI-ARIA tablist with roving focus; arrows, Home and End move and select. */
export function Tabs<Id extends string>({
  label,
  idPrefix,
  tabs,
  selected,
  onSelect,
}: {
  readonly label: string
  readonly idPrefix: string
  readonly tabs: readonly TabItem<Id>[]
  readonly selected: Id
  readonly onSelect: (id: Id) => void
}) {
  const list = useRef<HTMLDivElement | null>(null)

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    const current = tabs.findIndex((tab) => tab.id === selected)
    const next = nextTabIndex(event.key, current, tabs.length)
    const target = next === null ? undefined : tabs[next]
    if (!target) return
    event.preventDefault()
    onSelect(target.id)
    list.current?.ownerDocument.getElementById(tabId(idPrefix, target.id))?.focus()
  }

  return (
    <div ref={list} role="tablist" aria-label={label} className="tabs">
      {tabs.map((tab) => {
        const active = tab.id === selected
        return (
          <button
            key={tab.id}
            id={tabId(idPrefix, tab.id)}
            type="button"
            role="tab"
            aria-selected={active}
            aria-controls={tabPanelId(idPrefix)}
            tabIndex={active ? 0 : -1}
            className={active ? 'tab tab--active' : 'tab'}
            onClick={() => onSelect(tab.id)}
            onKeyDown={onKeyDown}
          >
            {tab.label}
            {tab.count !== null && <span className="tab__count">{tab.count}</span>}
          </button>
        )
      })}
    </div>
  )
}
