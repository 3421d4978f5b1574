import { useState } from 'react'
import type { DraftImpact, ImpactObject, ImpactProgress } from '../../../shared/fix/impact'
import { formatCount } from '../../../shared/text/format'
import { valuesText } from '../object/flow-rows'

/** Where a count of the impact is. */
export type ImpactState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'counting'; readonly progress: ImpactProgress | null }
  | { readonly phase: 'done'; readonly impact: DraftImpact; readonly stale: boolean }
  | { readonly phase: 'failed'; readonly message: string }

/** Rows listed before "Show all". */
const FIRST_ROWS = 100

/**
 * The draft's impact on the whole snapshot: a count the user starts (it reads every object of the touched types,
 * in the worker), its progress with Cancel, then how many objects gain, lose or change a value and the list of
 * them, each opening its object.
 */
export function ImpactPanel({
  state,
  onCount,
  onCancel,
  onOpen,
}: {
  readonly state: ImpactState
  readonly onCount: () => void
  readonly onCancel: () => void
  readonly onOpen: (object: ImpactObject) => void
}) {
  const [all, setAll] = useState(false)
  return (
    <section className="fix-impact" aria-label="Impact on the snapshot" data-testid="fix-impact">
      <div className="fix-impact__bar">
        {state.phase === 'counting' ? (
          <>
            <progress
              max={state.progress?.total ?? 1}
              value={state.progress?.done ?? 0}
              aria-label="Objects counted"
            />
            <span className="muted small">
              {state.progress
                ? `${formatCount(state.progress.done)} of ${formatCount(state.progress.total)} objects`
                : 'Starting…'}
            </span>
            <button type="button" className="button button--quiet" onClick={onCancel}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={onCount} data-testid="fix-count-impact">
            {state.phase === 'done' ? 'Count again' : 'Count the impact on the snapshot'}
          </button>
        )}
        {state.phase === 'done' && state.stale && (
          <span className="muted small">The draft changed since this count.</span>
        )}
      </div>
      {state.phase === 'failed' && <p className="error-text">The count failed: {state.message}</p>}
      {state.phase === 'done' && (
        <ImpactResult impact={state.impact} all={all} onShowAll={() => setAll(true)} onOpen={onOpen} />
      )}
    </section>
  )
}

function ImpactResult({
  impact,
  all,
  onShowAll,
  onOpen,
}: {
  readonly impact: DraftImpact
  readonly all: boolean
  readonly onShowAll: () => void
  readonly onOpen: (object: ImpactObject) => void
}) {
  const shown = all ? impact.objects : impact.objects.slice(0, FIRST_ROWS)
  return (
    <>
      {impact.touched.length === 0 ? (
        <p data-testid="fix-impact-summary">
          No attribute flow changes, so no value of an object in the snapshot changes.
        </p>
      ) : (
        <p data-testid="fix-impact-summary">
          <strong>{formatCount(impact.objectsChanged)}</strong> of {formatCount(impact.objectsChecked)}{' '}
          objects change: {formatCount(impact.gain)} gain a value, {formatCount(impact.lose)} lose one,{' '}
          {formatCount(impact.change)} get a different one.
        </p>
      )}
      {impact.awaitingImport.map((waiting) => (
        <p key={`${waiting.connectorName}|${waiting.attribute}`} className="muted small">
          {waiting.attribute}: {formatCount(waiting.objects)} objects of &quot;{waiting.connectorName}&quot;
          get their values at the next full import; the snapshot does not hold them.
        </p>
      ))}
      {impact.keptByFilter.map((kept) => (
        <p key={`${kept.connectorName}|${kept.partition}`} className="small" data-testid="fix-impact-kept">
          &quot;{kept.connectorName}&quot; {kept.partition}: {formatCount(kept.objects)}{' '}
          {kept.objects === 1 ? 'object in the connector space stays' : 'objects in the connector space stay'}{' '}
          instead of leaving at the next full import; objects of the widened containers that it does not hold
          arrive with that import.
        </p>
      ))}
      {shown.length > 0 && (
        <table className="fix-impact__list" data-testid="fix-impact-list">
          <thead>
            <tr>
              <th>Object</th>
              <th>Changes</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((object) => (
              <tr key={object.mvObjectId}>
                <td>
                  <button type="button" className="link-button" onClick={() => onOpen(object)}>
                    {object.displayName ?? object.dn ?? object.mvObjectId}
                  </button>
                </td>
                <td className="small">
                  {object.changes.map((change, index) => (
                    <div key={index}>
                      <span className={`fix-impact__kind fix-impact__kind--${change.kind}`}>
                        {change.kind}
                      </span>{' '}
                      {change.where === 'metaverse' ? 'metaverse' : change.connectorName} {change.attribute}:{' '}
                      <span className="mono">
                        {valuesText(change.before)} → {valuesText(change.after)}
                      </span>
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!all && impact.objects.length > FIRST_ROWS && (
        <button type="button" className="link-button" onClick={onShowAll}>
          Show all {formatCount(impact.objects.length)}
        </button>
      )}
      {impact.truncated && (
        <p className="muted small">
          The list stops at {formatCount(impact.objects.length)} objects; the counts cover all of them.
        </p>
      )}
    </>
  )
}
