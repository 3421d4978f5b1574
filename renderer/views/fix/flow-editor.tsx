import type { AttributeFlow, FlowType, MergeType } from '../../../shared/model/sync-rule'

const FLOW_TYPES: readonly FlowType[] = ['Direct', 'Constant', 'Expression']
const MERGE_TYPES: readonly MergeType[] = ['Update', 'Merge', 'MergeCaseInsensitive', 'Replace']

/**
 * The attributes an expression reads (`[mail]`, `ImportedValue("proxyAddresses")`), which the Rules Editor lists
 * as the mapping's sources.
 */
export function expressionSources(expression: string): string[] {
  const names: string[] = []
  const pattern = /\[([^\]]+)\]|ImportedValue\s*\(\s*"([^"]+)"\s*\)/gi
  for (const match of expression.matchAll(pattern)) {
    const name = (match[1] ?? match[2])?.trim()
    if (name && !names.some((known) => known.toLowerCase() === name.toLowerCase())) names.push(name)
  }
  return names
}

/** A mapping switched to another flow type, keeping what the user typed where it still applies. */
export function withFlowType(flow: AttributeFlow, flowType: FlowType): AttributeFlow {
  switch (flowType) {
    case 'Direct':
      return { ...flow, flowType, sources: flow.sources.slice(0, 1), expression: null, constant: null }
    case 'Constant':
      return { ...flow, flowType, sources: [], expression: null, constant: flow.constant ?? '' }
    case 'Expression': {
      const expression = flow.expression ?? (flow.sources[0] ? `[${flow.sources[0]}]` : '')
      return { ...flow, flowType, expression, constant: null, sources: expressionSources(expression) }
    }
  }
}

/**
 * One mapping of a drafted rule, as the Rules Editor's Transformations grid: FlowType, Target Attribute, Source
 * (attribute, constant or expression), Apply Once, Merge Type. `outcome` is what the mapping computes for the
 * object in the preview, shown under the expression as the user types.
 */
export function FlowEditor({
  flow,
  onChange,
  outcome,
}: {
  readonly flow: AttributeFlow
  readonly onChange: (flow: AttributeFlow) => void
  readonly outcome: string | null
}) {
  const id = `flow-${flow.target}`
  return (
    <div className="fix-flow" data-testid="fix-flow" data-target={flow.target}>
      <div className="fix-flow__row">
        <label className="field">
          <span>Flow type</span>
          <select
            className="input"
            value={flow.flowType}
            onChange={(event) => onChange(withFlowType(flow, event.target.value as FlowType))}
            data-testid="fix-flow-type"
          >
            {FLOW_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <span>Target attribute</span>
          <code className="fix-flow__target">{flow.target}</code>
        </div>
        {flow.flowType === 'Direct' && (
          <label className="field field--grow">
            <span>Source</span>
            <input
              className="input"
              value={flow.sources[0] ?? ''}
              onChange={(event) => onChange({ ...flow, sources: [event.target.value] })}
              data-testid="fix-flow-source"
            />
          </label>
        )}
        {flow.flowType === 'Constant' && (
          <label className="field field--grow">
            <span>Value</span>
            <input
              className="input"
              value={flow.constant ?? ''}
              onChange={(event) => onChange({ ...flow, constant: event.target.value })}
            />
          </label>
        )}
        <label className="toggle">
          <input
            type="checkbox"
            checked={flow.applyOnce}
            onChange={(event) => onChange({ ...flow, applyOnce: event.target.checked })}
            data-testid="fix-flow-apply-once"
          />
          Apply Once
        </label>
        <label className="field">
          <span>Merge type</span>
          <select
            className="input"
            value={flow.mergeType}
            onChange={(event) => onChange({ ...flow, mergeType: event.target.value as MergeType })}
          >
            {MERGE_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
      </div>
      {flow.flowType === 'Expression' && (
        <label className="field field--grow" htmlFor={id}>
          <span>Expression</span>
          <textarea
            id={id}
            className="input mono fix-flow__expression"
            spellCheck={false}
            rows={3}
            value={flow.expression ?? ''}
            onChange={(event) =>
              onChange({
                ...flow,
                expression: event.target.value,
                sources: expressionSources(event.target.value),
              })
            }
            data-testid="fix-flow-expression"
          />
        </label>
      )}
      {outcome !== null && (
        <p className="small fix-flow__outcome" data-testid="fix-flow-outcome">
          For this object: <span className="mono">{outcome}</span>
        </p>
      )}
    </div>
  )
}
