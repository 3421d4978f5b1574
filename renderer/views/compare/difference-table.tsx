import type { Difference, OutOfBoxEdit } from '../../../shared/compare/compare-model'

const CHANGE_LABELS: Readonly<Record<Difference['change'], string>> = {
  added: 'Added in B',
  removed: 'Only in A',
  changed: 'Changed',
}

function Value({ text }: { readonly text: string | null }) {
  return text === null ? <span className="muted">absent</span> : <span className="compare-value">{text}</span>
}

/** Differences as a table: what, how it changed, the value in A and in B. */
export function DifferenceTable({ differences }: { readonly differences: readonly Difference[] }) {
  if (differences.length === 0) return <p className="page-note">No differences.</p>
  return (
    <table className="data-table compare-table" data-testid="difference-table">
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">Change</th>
          <th scope="col">A</th>
          <th scope="col">B</th>
        </tr>
      </thead>
      <tbody>
        {differences.map((difference, index) => (
          <tr key={index} className={`mark--${difference.change}`}>
            <td>{difference.label}</td>
            <td>{CHANGE_LABELS[difference.change]}</td>
            <td>
              <Value text={difference.before} />
            </td>
            <td>
              <Value text={difference.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function sideLabel(side: OutOfBoxEdit['side']): string {
  if (side === null) return 'A or B'
  return side === 'both' ? 'A and B' : side.toUpperCase()
}

/** The out-of-box rules edited in place, with what gave each away. */
export function EditList({ edits }: { readonly edits: readonly OutOfBoxEdit[] }) {
  return (
    <div data-testid="edit-list">
      <p className="page-note">
        The supported way to change an out-of-box rule is to clone it and disable the original: an upgrade
        overwrites a rule edited in place.
      </p>
      <table className="data-table compare-table">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">In</th>
            <th scope="col">Compared with</th>
            <th scope="col">What differs</th>
          </tr>
        </thead>
        <tbody>
          {edits.map((edit, index) => (
            <tr key={index}>
              <td title={edit.message}>{edit.rule.name}</td>
              <td>{sideLabel(edit.side)}</td>
              <td>
                {edit.evidence === 'default-set'
                  ? `Microsoft's default ${edit.rule.immutableTag}`
                  : 'the other snapshot'}
              </td>
              <td>
                {edit.details.map((detail) => (
                  <div key={detail}>{detail}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
