import {
  SCOPE_OPERATORS,
  type ScopeClause,
  type ScopeGroup,
  type ScopeOperator,
} from '../../../shared/model/sync-rule'

const NO_VALUE: ReadonlySet<ScopeOperator> = new Set(['ISNULL', 'ISNOTNULL'])

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, at) => (at === index ? item : existing))
}

function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, at) => at !== index)
}

const NEW_CLAUSE: ScopeClause = { attribute: '', operator: 'ISNOTNULL', value: '' }

/**
 * The scoping filter of a drafted rule, as the Rules Editor's Scoping filter page: groups of clauses
 * (Attribute, Operator, Value), clauses AND-ed inside a group, groups OR-ed. No group: every object is in scope.
 */
export function ScopeEditor({
  groups,
  direction,
  onChange,
  label,
}: {
  readonly groups: readonly ScopeGroup[]
  readonly direction: 'Inbound' | 'Outbound'
  readonly onChange: (groups: readonly ScopeGroup[]) => void
  /** Names the rule for screen readers. */
  readonly label: string
}) {
  const side = direction === 'Inbound' ? 'connector-space' : 'metaverse'
  const setClause = (groupIndex: number, clauseIndex: number, clause: ScopeClause): void => {
    const group = groups[groupIndex]
    if (!group) return
    onChange(replaceAt(groups, groupIndex, { clauses: replaceAt(group.clauses, clauseIndex, clause) }))
  }
  return (
    <div className="fix-scope" role="group" aria-label={`Scoping filter of ${label}`} data-testid="fix-scope">
      {groups.length === 0 && (
        <p className="muted small">No scoping filter: every object of the rule&apos;s type is in scope.</p>
      )}
      {groups.map((group, groupIndex) => (
        <fieldset key={groupIndex} className="fix-scope__group">
          <legend className="small">
            {groupIndex > 0 ? 'OR ' : ''}Group {groupIndex + 1}{' '}
            <span className="muted">(every clause must hold)</span>
          </legend>
          {group.clauses.map((clause, clauseIndex) => {
            const noValue = NO_VALUE.has(clause.operator)
            return (
              <div key={clauseIndex} className="fix-scope__clause" data-testid="fix-clause">
                <input
                  className="input"
                  aria-label={`Attribute (${side}) of clause ${clauseIndex + 1}, group ${groupIndex + 1}`}
                  value={clause.attribute}
                  placeholder="attribute"
                  onChange={(event) =>
                    setClause(groupIndex, clauseIndex, { ...clause, attribute: event.target.value })
                  }
                />
                <select
                  className="input"
                  aria-label={`Operator of clause ${clauseIndex + 1}, group ${groupIndex + 1}`}
                  value={clause.operator}
                  onChange={(event) =>
                    setClause(groupIndex, clauseIndex, {
                      ...clause,
                      operator: event.target.value as ScopeOperator,
                      value: NO_VALUE.has(event.target.value as ScopeOperator) ? '' : clause.value,
                    })
                  }
                >
                  {SCOPE_OPERATORS.map((operator) => (
                    <option key={operator} value={operator}>
                      {operator}
                    </option>
                  ))}
                </select>
                <input
                  className="input"
                  aria-label={`Value of clause ${clauseIndex + 1}, group ${groupIndex + 1}`}
                  value={clause.value}
                  disabled={noValue}
                  placeholder={noValue ? '(no value)' : 'value'}
                  onChange={(event) =>
                    setClause(groupIndex, clauseIndex, { ...clause, value: event.target.value })
                  }
                />
                <button
                  type="button"
                  className="button button--quiet icon-button"
                  aria-label={`Remove clause ${clauseIndex + 1} of group ${groupIndex + 1}`}
                  onClick={() => {
                    const clauses = removeAt(group.clauses, clauseIndex)
                    onChange(
                      clauses.length === 0
                        ? removeAt(groups, groupIndex)
                        : replaceAt(groups, groupIndex, { clauses }),
                    )
                  }}
                >
                  ×
                </button>
              </div>
            )
          })}
          <button
            type="button"
            className="link-button small"
            onClick={() =>
              onChange(replaceAt(groups, groupIndex, { clauses: [...group.clauses, NEW_CLAUSE] }))
            }
          >
            Add a clause
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="link-button small"
        onClick={() => onChange([...groups, { clauses: [NEW_CLAUSE] }])}
        data-testid="fix-add-group"
      >
        Add a group (OR)
      </button>
    </div>
  )
}
