import { useState } from 'react'
import type { AttributeComparison, ObjectSideState } from '../../../shared/compare/object-comparison'
import { useHost } from '../../ui/host-context'
import { useNavigate } from '../../ui/navigation-context'
import { useHostQuery } from '../common/use-host-query'
import { exportValueText, impactRulesText } from './impact-text'

function SideState({ label, state }: { readonly label: string; readonly state: ObjectSideState }) {
  const where = !state.found ? '' : state.inEntra ? 'In Entra ID. ' : 'Not in Entra ID. '
  return (
    <p className="small">
      <strong>{label}:</strong> {where}
      {state.reason}
      {state.syncError !== null && (
        <span className="error-text"> Synchronization error: {state.syncError}.</span>
      )}
    </p>
  )
}

/** The rules behind an attribute: once when both configurations use the same, else each side's. */
/** The rules behind the value under each configuration: once when they are the same, else A's above B's. */
function RulesCell({ attribute }: { readonly attribute: AttributeComparison }) {
  const before = impactRulesText(attribute.beforeRule, attribute.beforeInboundRule)
  const after = impactRulesText(attribute.afterRule, attribute.afterInboundRule)
  if (before === after) return <td className="small">{before}</td>
  return (
    <td className="small">
      <span className="compare-rules__side">
        <strong>A:</strong> {before === '' ? 'no rule' : before}
      </span>
      <span className="compare-rules__side">
        <strong>B:</strong> {after === '' ? 'no rule' : after}
      </span>
    </td>
  )
}

/**
 * One object's Entra ID attributes under A's and B's configurations side by side (the export attribute flow of
 * each), with the rules that give them; what changes comes first.
 */
export function ObjectComparisonPanel({ dn, aMvId }: { readonly dn: string; readonly aMvId: string | null }) {
  const host = useHost()
  const navigate = useNavigate()
  const [all, setAll] = useState(false)
  const answer = useHostQuery(dn, () => host.comparisonObject({ dn }))
  if (answer.status === 'loading')
    return <p className="muted">Evaluating the object under both configurations…</p>
  if (answer.status === 'failed') return <p className="error-text">{answer.message}</p>
  if (answer.value === null) return <p className="muted">The comparison was closed.</p>
  if (!answer.value.ok) return <p className="error-text">{answer.value.message}</p>
  const object = answer.value.object
  const changed = object.attributes.filter((attribute) => attribute.changed)
  const shown = all ? [...changed, ...object.attributes.filter((attribute) => !attribute.changed)] : changed
  return (
    <section
      className="compare-object"
      aria-label={`Export attribute flow of ${object.dn}`}
      data-testid="object-comparison"
    >
      <h3 className="compare-section">{object.dn}</h3>
      <p className="muted small">
        {object.connector}, {object.objectType}
        {aMvId !== null && (
          <>
            {' · '}
            <button
              type="button"
              className="link-button"
              onClick={() => navigate({ view: 'object', target: { mvId: aMvId } })}
            >
              Open the object in A
            </button>
          </>
        )}
      </p>
      <SideState label="Under A" state={object.before} />
      <SideState label="Under B" state={object.after} />
      <label className="toggle compare-object__toggle">
        <input type="checkbox" checked={all} onChange={(change) => setAll(change.currentTarget.checked)} />
        Every Entra ID attribute ({object.attributes.length}), not only the {changed.length} that change
      </label>
      <table className="data-table compare-table compare-table--attributes" data-testid="object-attributes">
        <colgroup>
          <col />
          <col />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Entra ID attribute</th>
            <th scope="col">Under A</th>
            <th scope="col">Under B</th>
            <th scope="col">Rules</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((attribute) => (
            <tr key={attribute.attribute} className={attribute.changed ? 'mark--changed' : undefined}>
              <th scope="row" className="code">
                {attribute.attribute}
              </th>
              <td className="compare-value">{exportValueText(attribute.before)}</td>
              <td className="compare-value">{exportValueText(attribute.after)}</td>
              <RulesCell attribute={attribute} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
