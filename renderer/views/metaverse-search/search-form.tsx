import { memo } from 'react'
import type { SnapshotSummary } from '../../../shared/app/host-api'
import { formatCount } from '../../../shared/text/format'
import { ClauseEditor } from './clause-editor'
import type { SearchDraft } from './search-draft'

/**
 * The Metaverse Search form: object-type scope, the unmapped filter, Search, and the clause groups. Memoized, so
 * that a page of results arriving from the worker re-renders the grid and not the form.
 */
export const SearchForm = memo(function SearchForm({
  draft,
  onChange,
  onSubmit,
  summary,
  attributes,
}: {
  readonly draft: SearchDraft
  readonly onChange: (draft: SearchDraft) => void
  readonly onSubmit: () => void
  readonly summary: SnapshotSummary
  /** Metaverse attribute names for the clause editor. */
  readonly attributes: readonly string[]
}) {
  const types =
    summary.metaverseObjectTypes.length > 0
      ? summary.metaverseObjectTypes
      : Object.keys(summary.metaverse.byObjectType)
  return (
    <form
      className="search-form"
      aria-label="Metaverse Search"
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit()
      }}
    >
      <div className="search-form__top">
        <h2 className="view-title">Metaverse Search</h2>
        <label className="field">
          <span>Scope by object type</span>
          <select
            className="select"
            value={draft.objectType}
            onChange={(event) => onChange({ ...draft, objectType: event.target.value })}
            data-testid="scope-object-type"
          >
            <option value="">All ({formatCount(summary.metaverse.objects)})</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {type} ({formatCount(summary.metaverse.byObjectType[type] ?? 0)})
              </option>
            ))}
          </select>
        </label>
        <label
          className="toggle"
          title="Objects with a blocking or unmapped finding (by-design findings do not count), as the object view counts them"
        >
          <input
            type="checkbox"
            checked={draft.unmappedOnly}
            onChange={(event) => onChange({ ...draft, unmappedOnly: event.target.checked })}
            data-testid="unmapped-only"
          />
          Has unmapped attributes
        </label>
        <button type="submit" className="button button--primary" data-testid="search-button">
          Search
        </button>
      </div>
      <ClauseEditor draft={draft} attributes={attributes} onChange={onChange} />
    </form>
  )
})
