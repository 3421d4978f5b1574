import { useId, useRef, useState } from 'react'

/**
 * Column Settings (as the Service Manager's search results have it): the attribute columns shown beside the
 * fixed ones, added from the attribute list or typed. Escape closes it and gives focus back to its button.
 */
export function ColumnSettings({
  columns,
  attributes,
  onChange,
  fixedColumns,
}: {
  readonly columns: readonly string[]
  readonly attributes: readonly string[]
  readonly onChange: (columns: readonly string[]) => void
  /** What the grid always shows, said when no attribute column is chosen. */
  readonly fixedColumns: string
}) {
  const [name, setName] = useState('')
  const listId = useId()
  const detailsRef = useRef<HTMLDetailsElement>(null)
  const add = (): void => {
    const wanted = name.trim()
    if (wanted === '') return
    const known = attributes.find((attribute) => attribute.toLowerCase() === wanted.toLowerCase()) ?? wanted
    if (!columns.some((column) => column.toLowerCase() === known.toLowerCase())) onChange([...columns, known])
    setName('')
  }
  return (
    // Escape from any control inside closes it, as a dialog would.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <details
      ref={detailsRef}
      className="column-settings"
      data-testid="column-settings"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !detailsRef.current?.open) return
        event.preventDefault()
        event.stopPropagation()
        detailsRef.current.open = false
        detailsRef.current.querySelector('summary')?.focus()
      }}
    >
      <summary className="button button--quiet">Column Settings…</summary>
      <div className="column-settings__panel">
        <ul className="column-settings__list" aria-label="Attribute columns">
          {columns.length === 0 && <li className="muted">Only {fixedColumns}.</li>}
          {columns.map((column) => (
            <li key={column} className="column-settings__item">
              <span>{column}</span>
              <button
                type="button"
                className="button button--quiet icon-button"
                aria-label={`Remove column ${column}`}
                onClick={() => onChange(columns.filter((other) => other !== column))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <div className="column-settings__add">
          <input
            className="input"
            list={listId}
            value={name}
            placeholder="Attribute"
            aria-label="Attribute column to add"
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault()
                add()
              }
            }}
          />
          <datalist id={listId}>
            {attributes.map((attribute) => (
              <option key={attribute} value={attribute} />
            ))}
          </datalist>
          <button type="button" className="button" onClick={add}>
            Add column
          </button>
        </div>
      </div>
    </details>
  )
}
