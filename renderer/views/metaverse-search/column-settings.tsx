import { useState } from 'react'

/** Column Settings: the attribute columns shown beside the display name, added from the attribute list. */
export function ColumnSettings({
  columns,
  attributes,
  onChange,
}: {
  readonly columns: readonly string[]
  readonly attributes: readonly string[]
  readonly onChange: (columns: readonly string[]) => void
}) {
  const [name, setName] = useState('')
  const add = (): void => {
    const wanted = name.trim()
    if (wanted === '') return
    const known = attributes.find((attribute) => attribute.toLowerCase() === wanted.toLowerCase()) ?? wanted
    if (!columns.some((column) => column.toLowerCase() === known.toLowerCase())) onChange([...columns, known])
    setName('')
  }
  return (
    <details className="column-settings" data-testid="column-settings">
      <summary className="button button--quiet">Column Settings…</summary>
      <div className="column-settings__panel">
        <ul className="column-settings__list" aria-label="Attribute columns">
          {columns.length === 0 && <li className="muted">Only Display name and Object type.</li>}
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
            list="mv-attribute-names"
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
          <button type="button" className="button" onClick={add}>
            Add column
          </button>
        </div>
      </div>
    </details>
  )
}
