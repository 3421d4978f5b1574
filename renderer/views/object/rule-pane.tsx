import type { FlowDetail } from '../../../shared/engine/flow-detail'
import { outcomeText } from '../../../shared/model/flow-outcome'
import { useHost } from '../../ui/host-context'
import { useNavigate } from '../../ui/navigation-context'
import { useHostQuery } from '../common/use-host-query'

/** Which flow the rule pane explains. */
export interface RulePaneTarget {
  readonly ruleId: string
  readonly ruleName: string
  readonly target: string
  readonly csId?: string
  readonly mvId?: string
}

/** The rule pane of a flow row: scoping clauses with their results, the expression and its evaluation trace. */
export function RulePane({ flow, onClose }: { readonly flow: RulePaneTarget; readonly onClose: () => void }) {
  const host = useHost()
  const navigate = useNavigate()
  const answer = useHostQuery(
    `flow|${flow.ruleId}|${flow.target}|${flow.csId ?? ''}|${flow.mvId ?? ''}`,
    () =>
      host.flowDetail({
        ruleId: flow.ruleId,
        target: flow.target,
        ...(flow.csId === undefined ? {} : { csId: flow.csId }),
        ...(flow.mvId === undefined ? {} : { mvId: flow.mvId }),
      }),
  )
  return (
    <section className="side-panel" aria-label={`Rule ${flow.ruleName}`} data-testid="rule-pane">
      <header className="side-panel__head">
        <h3 className="side-panel__title">{flow.ruleName}</h3>
        <button
          type="button"
          className="button button--quiet icon-button"
          aria-label="Close the rule pane"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <button
        type="button"
        className="link-button"
        onClick={() => navigate({ view: 'rules', ruleId: flow.ruleId })}
        data-testid="open-rule"
      >
        Open in Sync Rules
      </button>
      {answer.status === 'loading' && <p className="muted">Evaluating…</p>}
      {answer.status === 'failed' && (
        <p className="error-text">The rule could not be evaluated: {answer.message}</p>
      )}
      {answer.status === 'done' &&
        (answer.value === null ? (
          <p className="muted">This rule cannot be evaluated for this object.</p>
        ) : (
          <FlowDetailBody detail={answer.value} target={flow.target} />
        ))}
    </section>
  )
}

function FlowDetailBody({ detail, target }: { readonly detail: FlowDetail; readonly target: string }) {
  const { scope, flow, evaluation } = detail
  return (
    <>
      <h4 className="section-title">Scoping filter</h4>
      {scope.groups.length === 0 ? (
        <p className="muted small">No scoping filter: the rule applies to every object.</p>
      ) : (
        <table className="detail-table" data-testid="scope-results">
          <thead>
            <tr>
              <th>Group</th>
              <th>Clause</th>
              <th>Actual values</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            {scope.groups.flatMap((group, groupIndex) =>
              group.clauses.map((clause, clauseIndex) => (
                <tr key={`${groupIndex}-${clauseIndex}`} className={clause.result ? undefined : 'row--false'}>
                  <td>{clauseIndex === 0 ? `Group ${groupIndex + 1}` : 'AND'}</td>
                  <td>
                    <code>
                      {clause.clause.attribute} {clause.clause.operator} {clause.clause.value}
                    </code>
                  </td>
                  <td>
                    {clause.actualValues.length === 0 ? <em>no value</em> : clause.actualValues.join('; ')}
                  </td>
                  <td>
                    <span className={clause.result ? 'chip chip--ok' : 'chip chip--warning'}>
                      {clause.result ? 'true' : 'false'}
                    </span>
                    {clause.note !== null && <span className="muted small"> {clause.note}</span>}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      <p className="small">
        The rule is <strong>{scope.inScope ? 'in scope' : 'out of scope'}</strong> for this object.
      </p>
      <h4 className="section-title">Flow to {target}</h4>
      {flow === null ? (
        <p className="muted small">The rule has no flow to {target}.</p>
      ) : (
        <>
          <dl className="fields">
            <div className="fields__row">
              <dt>Mapping type</dt>
              <dd>{flow.flowType}</dd>
            </div>
            <div className="fields__row">
              <dt>Source</dt>
              <dd>
                <code className="expression">
                  {flow.expression ?? flow.constant ?? flow.sources.join(', ')}
                </code>
              </dd>
            </div>
            <div className="fields__row">
              <dt>Source values</dt>
              <dd>
                {detail.sourceValues.length === 0
                  ? '—'
                  : detail.sourceValues
                      .map(
                        (source) =>
                          `${source.attribute} = ${source.values.length === 0 ? 'NULL' : source.values.join('; ')}`,
                      )
                      .join(', ')}
              </dd>
            </div>
            <div className="fields__row">
              <dt>Result</dt>
              <dd data-testid="flow-outcome">
                {evaluation ? outcomeText(evaluation.outcome, 'detail') : '—'}
              </dd>
            </div>
          </dl>
          {evaluation && evaluation.trace.length > 0 && (
            <>
              <h4 className="section-title">Evaluation trace</h4>
              <ol className="trace" data-testid="trace">
                {evaluation.trace.map((step, index) => (
                  <li key={index} className="trace__step" style={{ paddingLeft: `${step.depth * 16 + 4}px` }}>
                    <code className="trace__text">{step.text}</code>
                    {step.inputs.length > 0 && (
                      <span className="trace__inputs">({step.inputs.join(', ')})</span>
                    )}
                    <span className="trace__result">→ {step.result}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </>
  )
}
