import { useMemo, useState } from 'react'
import type { ComparisonOverview } from '../../../shared/app/comparison-queries'
import { DifferenceTable, EditList } from './difference-table'
import { differenceTree, firstItem, type TreeItem } from './difference-tree'
import { RulePairView } from './rule-pair-view'

function Detail({ item }: { readonly item: TreeItem }) {
  switch (item.kind) {
    case 'rule':
      return <RulePairView rule={item.rule} />
    case 'connector':
      return (
        <section className="compare-detail" aria-label={`Connector ${item.label}`}>
          <h2 className="view-title">{item.label}</h2>
          {item.connector.matchNote !== null && <p className="page-note">{item.connector.matchNote}</p>}
          <DifferenceTable differences={item.connector.differences} />
        </section>
      )
    case 'list':
      return (
        <section className="compare-detail" aria-label={item.label}>
          <h2 className="view-title">{item.label}</h2>
          <DifferenceTable differences={item.differences} />
        </section>
      )
    case 'edits':
      return (
        <section className="compare-detail" aria-label={item.label}>
          <h2 className="view-title">Out-of-box rules edited in place</h2>
          <EditList edits={item.edits} />
        </section>
      )
  }
}

/** The Differences tab: the tree of differences on the left, the selected one's detail on the right. */
export function DifferencesTab({ overview }: { readonly overview: ComparisonOverview }) {
  const groups = useMemo(() => differenceTree(overview), [overview])
  const [selectedKey, setSelectedKey] = useState<string | null>(() => firstItem(groups)?.key ?? null)
  const selected = groups.flatMap((group) => group.items).find((item) => item.key === selectedKey) ?? null
  return (
    <div className="compare-differences">
      <nav className="compare-tree" aria-label="Differences" data-testid="difference-tree">
        {groups.map((group) => (
          <section key={group.id} className="compare-tree__group">
            <h3 className="compare-tree__heading">
              {group.label} <span className="tab__count">{group.count}</span>
            </h3>
            {group.items.length === 0 ? (
              <p className="compare-tree__none muted small">No differences</p>
            ) : (
              <ul className="compare-tree__list">
                {group.items.map((item) => (
                  <li key={item.key}>
                    <button
                      type="button"
                      className={item.key === selectedKey ? 'rail__item rail__item--current' : 'rail__item'}
                      aria-current={item.key === selectedKey ? 'true' : undefined}
                      onClick={() => setSelectedKey(item.key)}
                      title={item.label}
                    >
                      <span className="rail__label">{item.label}</span>
                      <span className="rail__detail">{item.detail}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </nav>
      <div className="compare-differences__detail">
        {selected === null ? (
          <p className="empty-state">
            {overview.configuration.differenceCount === 0
              ? 'The two configurations are the same: no connector, rule, schema or setting differs.'
              : 'Pick a difference on the left.'}
          </p>
        ) : (
          <Detail key={selected.key} item={selected} />
        )}
      </div>
    </div>
  )
}
