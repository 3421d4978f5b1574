import type { Diagnosis } from '../../../shared/engine/diagnose'
import type { DraftPreview } from '../../../shared/fix/preview'
import { DiagnosisChip } from '../common/diagnosis-chip'
import { flowStatusChip } from '../common/diagnosis-codes'
import { flowLines, type FlowLine } from '../object/flow-lines'
import { outcomeText } from '../../../shared/model/flow-outcome'
import { valuesText } from '../object/flow-rows'

/** The attribute lines the preview compares: the asked path and every attribute the change moves. */
export function comparedLines(
  preview: DraftPreview,
  isEntraId: (connectorId: string) => boolean,
): { readonly attribute: string; readonly before: FlowLine | null; readonly after: FlowLine | null }[] {
  const metaverse = new Set<string>()
  const targets = new Set<string>()
  const path = preview.after.diagnosis.attribute
  if (path.metaverse !== null) metaverse.add(path.metaverse.toLowerCase())
  if (path.target !== null) targets.add(path.target.toLowerCase())
  for (const moved of preview.moved) {
    if (moved.where === 'metaverse') metaverse.add(moved.attribute.toLowerCase())
    else targets.add(moved.attribute.toLowerCase())
  }
  const wanted = (line: FlowLine): boolean =>
    metaverse.has(line.attribute.toLowerCase()) ||
    line.exports.some((item) => targets.has(item.row.csAttribute.toLowerCase()))
  const before = flowLines(preview.before.report, isEntraId).filter(wanted)
  const after = flowLines(preview.after.report, isEntraId).filter(wanted)
  const names = new Map<string, string>()
  for (const line of [...before, ...after]) names.set(line.attribute.toLowerCase(), line.attribute)
  return [...names]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, attribute]) => ({
      attribute,
      before: before.find((line) => line.attribute.toLowerCase() === key) ?? null,
      after: after.find((line) => line.attribute.toLowerCase() === key) ?? null,
    }))
}

function Verdict({ diagnosis, side }: { readonly diagnosis: Diagnosis; readonly side: 'before' | 'after' }) {
  const blocking = diagnosis.steps.find((step) => step.blocking)
  return (
    <div className="verdict" data-testid={`fix-verdict-${side}`}>
      <span className="verdict__label">{side === 'before' ? 'Now' : 'After the change'}</span>
      <DiagnosisChip
        code={diagnosis.verdict}
        reason={blocking?.message ?? 'The value flows end to end.'}
        detailed
      />
    </div>
  )
}

function Steps({ diagnosis }: { readonly diagnosis: Diagnosis }) {
  return (
    <details className="fix-preview__path">
      <summary className="small">The whole path ({diagnosis.steps.length} steps)</summary>
      <StepList diagnosis={diagnosis} />
    </details>
  )
}

function StepList({ diagnosis }: { readonly diagnosis: Diagnosis }) {
  return (
    <ol className="steps">
      {diagnosis.steps.map((step, index) => (
        <li key={index} className={step.blocking ? 'step step--blocking' : 'step'}>
          <span className="step__stage">{step.stage}</span>
          <DiagnosisChip code={step.code} reason={step.message} />
          <span className="step__message">{step.message}</span>
        </li>
      ))}
    </ol>
  )
}

function StatusChip({
  row,
}: {
  readonly row: Parameters<typeof flowStatusChip>[0] & { readonly reason: string }
}) {
  const chip = flowStatusChip(row)
  return <DiagnosisChip code={chip.code} label={chip.label} reason={row.reason} />
}

/** One side of an attribute line: inbound winner, metaverse value, outbound winner and the target value. */
function LineSide({ line }: { readonly line: FlowLine | null }) {
  if (!line) return <td className="fix-compare__none muted">No rule flows it</td>
  const inbound = line.imports[0]
  const outbound = line.exports[0]
  return (
    <td className="fix-compare__side">
      <div className="fix-compare__hop">
        <span className="fix-compare__label">In</span>
        {inbound ? (
          <>
            <StatusChip row={inbound} />
            <bdi className="fix-compare__rule" title={inbound.rule.name}>
              {inbound.rule.name}
            </bdi>
          </>
        ) : (
          <span className="muted">no inbound rule</span>
        )}
      </div>
      <div className="fix-compare__hop">
        <span className="fix-compare__label">Metaverse</span>
        <span className="mono">{valuesText(line.mvValues)}</span>
      </div>
      <div className="fix-compare__hop">
        <span className="fix-compare__label">Out</span>
        {outbound ? (
          <>
            <StatusChip row={outbound.row} />
            <bdi className="fix-compare__rule" title={outbound.row.rule.name}>
              {outbound.row.rule.name}
            </bdi>
            <span className="mono">
              {outbound.row.csAttribute} = {outcomeText(outbound.row.computed, 'cell')}
            </span>
          </>
        ) : (
          <span className="muted">no outbound rule</span>
        )}
      </div>
    </td>
  )
}

/**
 * The object before and after the draft, side by side: the verdict and path of the asked attribute, then the
 * Attribute Flow lines of every attribute the change moves (inbound rule, metaverse value, outbound rule, target
 * value), then the values themselves.
 */
export function PreviewPanes({
  preview,
  isEntraId,
}: {
  readonly preview: DraftPreview
  readonly isEntraId: (connectorId: string) => boolean
}) {
  const lines = comparedLines(preview, isEntraId)
  return (
    <div className="fix-preview" data-testid="fix-preview">
      <div className="fix-preview__columns">
        <section aria-label="Before the change" className="fix-preview__column">
          <Verdict diagnosis={preview.before.diagnosis} side="before" />
          <Steps diagnosis={preview.before.diagnosis} />
        </section>
        <section aria-label="After the change" className="fix-preview__column">
          <Verdict diagnosis={preview.after.diagnosis} side="after" />
          <Steps diagnosis={preview.after.diagnosis} />
        </section>
      </div>
      {preview.syncError !== null && (
        <p className="error-text">After the change the object fails to synchronize: {preview.syncError}</p>
      )}
      <h4 className="fix-section-title">Attribute Flow, before and after</h4>
      <table className="fix-compare" aria-label="Attribute flow before and after the change">
        <thead>
          <tr>
            <th>Attribute</th>
            <th>Before</th>
            <th>After</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.attribute} data-testid="fix-compare-line" data-attribute={line.attribute}>
              <th scope="row" className="mono">
                {line.attribute}
              </th>
              <LineSide line={line.before} />
              <LineSide line={line.after} />
            </tr>
          ))}
        </tbody>
      </table>
      <h4 className="fix-section-title">Values the next synchronization changes for this object</h4>
      {preview.moved.length === 0 ? (
        <p className="muted">None: the change does not move a value of this object.</p>
      ) : (
        <table className="fix-moved" data-testid="fix-moved">
          <thead>
            <tr>
              <th>Where</th>
              <th>Attribute</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {preview.moved.map((moved, index) => (
              <tr key={index}>
                <td>
                  {moved.where === 'metaverse' ? 'Metaverse' : (moved.connectorName ?? moved.connectorId)}
                </td>
                <td className="mono">{moved.attribute}</td>
                <td className="mono">{valuesText(moved.before)}</td>
                <td className="mono">{valuesText(moved.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
