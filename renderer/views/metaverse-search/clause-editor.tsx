import type { SearchOperator } from '../../../shared/search/metaverse-query'
import {
  addClause,
  addGroup,
  OPERATOR_LABELS,
  operatorTakesValue,
  removeClause,
  updateClause,
  type SearchDraft,
} from './search-draft'

const ATTRIBUTE_LIST_ID = 'mv-attribute-names'

/** The clause grid: Attribute | Operator | Value rows per OR group, with Add clause / Add OR group / Remove. */
export function ClauseEditor({
  draft,
  attributes,
  onChange,
}: {
  readonly draft: SearchDraft
  readonly attributes: readonly string[]
  readonly onChange: (draft: SearchDraft) => void
}) {
  return (
    <div className="clause-editor" data-testid="clause-editor">
      <datalist id={ATTRIBUTE_LIST_ID}>
        {attributes.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {draft.groups.map((group, groupIndex) => (
        <fieldset key={group.id} className="clause-group" data-testid="clause-group">
          <legend className="clause-group__legend">
            {groupIndex === 0 ? 'Match all of' : 'OR match all of'}
          </legend>
          <div className="clause-grid" role="table" aria-label={`Clauses of group ${groupIndex + 1}`}>
            <div className="clause-grid__row clause-grid__row--head" role="row">
              <span role="columnheader">Attribute</span>
              <span role="columnheader">Operator</span>
              <span role="columnheader">Value</span>
              <span role="columnheader" className="visually-hidden">
                Remove
              </span>
            </div>
            {group.clauses.map((clause, clauseIndex) => {
              const name = `Clause ${clauseIndex + 1} of group ${groupIndex + 1}`
              return (
                <div key={clause.id} className="clause-grid__row" role="row" data-testid="clause">
                  <div role="cell" className="clause-grid__cell">
                    <input
                      className="input"
                      list={ATTRIBUTE_LIST_ID}
                      value={clause.attribute}
                      aria-label={`${name}: attribute`}
                      spellCheck={false}
                      onChange={(event) =>
                        onChange(updateClause(draft, clause.id, { attribute: event.target.value }))
                      }
                    />
                  </div>
                  <div role="cell" className="clause-grid__cell">
                    <select
                      className="select"
                      value={clause.operator}
                      aria-label={`${name}: operator`}
                      onChange={(event) =>
                        onChange(
                          updateClause(draft, clause.id, { operator: event.target.value as SearchOperator }),
                        )
                      }
                    >
                      {[...OPERATOR_LABELS].map(([operator, label]) => (
                        <option key={operator} value={operator}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div role="cell" className="clause-grid__cell">
                    <input
                      className="input"
                      value={operatorTakesValue(clause.operator) ? clause.value : ''}
                      disabled={!operatorTakesValue(clause.operator)}
                      placeholder={operatorTakesValue(clause.operator) ? 'Value' : 'No value needed'}
                      aria-label={`${name}: value`}
                      spellCheck={false}
                      onChange={(event) =>
                        onChange(updateClause(draft, clause.id, { value: event.target.value }))
                      }
                    />
                  </div>
                  <div role="cell" className="clause-grid__cell">
                    <button
                      type="button"
                      className="button button--quiet icon-button"
                      aria-label={`Remove ${name.toLowerCase()}`}
                      title="Remove clause"
                      onClick={() => onChange(removeClause(draft, clause.id))}
                    >
                      ×
                    </button>
                  </div>
                </div>
              )
            })}
          </div>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => onChange(addClause(draft, group.id))}
          >
            + Add clause
          </button>
        </fieldset>
      ))}
      <button type="button" className="button button--quiet" onClick={() => onChange(addGroup(draft))}>
        + Add OR group
      </button>
    </div>
  )
}
