import type { RuleComparison } from '../../../shared/compare/compare-model'
import type { SyncRule } from '../../../shared/model/sync-rule'
import { useHost } from '../../ui/host-context'
import type { FlowSource } from '../sync-rules/rule-detail-model'
import { useHostQuery } from '../common/use-host-query'
import { DifferenceTable } from './difference-table'
import {
  descriptionPairs,
  flowPairs,
  joinLines,
  scopeLines,
  type GroupLine,
  type Mark,
} from './rule-pair-model'

const MARK_TITLES: Readonly<Record<Mark, string | undefined>> = {
  same: undefined,
  changed: 'Differs between A and B',
  added: 'Only in B',
  removed: 'Only in A',
}

function Source({ source }: { readonly source: FlowSource }) {
  switch (source.kind) {
    case 'attributes':
      return <span className="code">{source.names.join(', ')}</span>
    case 'constant':
      return <span className="code">&quot;{source.value}&quot;</span>
    case 'expression':
      return <code className="expression">{source.text}</code>
  }
}

function Lines({ lines, empty }: { readonly lines: readonly GroupLine[]; readonly empty: string }) {
  if (lines.length === 0) return <p className="muted small">{empty}</p>
  return (
    <ul className="compare-lines">
      {lines.map((line, index) => (
        <li key={index} className={`mark--${line.mark}`} title={MARK_TITLES[line.mark]}>
          <span className="compare-lines__group">{line.firstInGroup ? `Group ${line.group}` : ''}</span>
          <span className="code">{line.text}</span>
        </li>
      ))}
    </ul>
  )
}

function Pages({
  a,
  b,
  rule,
}: {
  readonly a: SyncRule | null
  readonly b: SyncRule | null
  readonly rule: RuleComparison
}) {
  const fields = descriptionPairs(a, b, rule.differences)
  const flows = flowPairs(a, b, rule.differences)
  return (
    <div className="rule-pair" data-testid="rule-pair">
      <h3 className="compare-section">Description</h3>
      <table className="data-table compare-table compare-table--fields">
        <colgroup>
          <col />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.label} className={`mark--${field.mark}`} title={MARK_TITLES[field.mark]}>
              <th scope="row">{field.label}</th>
              <td className={field.code ? 'code' : undefined}>
                {field.a ?? <span className="muted">absent</span>}
              </td>
              <td className={field.code ? 'code' : undefined}>
                {field.b ?? <span className="muted">absent</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="compare-section">Scoping filter</h3>
      <div className="rule-pair__sides">
        <Lines lines={scopeLines(a, b, 'removed')} empty={a ? 'No scoping filter.' : 'Not in A.'} />
        <Lines lines={scopeLines(b, a, 'added')} empty={b ? 'No scoping filter.' : 'Not in B.'} />
      </div>
      <h3 className="compare-section">Join rules</h3>
      <div className="rule-pair__sides">
        <Lines lines={joinLines(a, b, 'removed')} empty={a ? 'No join rules.' : 'Not in A.'} />
        <Lines lines={joinLines(b, a, 'added')} empty={b ? 'No join rules.' : 'Not in B.'} />
      </div>
      <h3 className="compare-section">Transformations</h3>
      {flows.length === 0 ? (
        <p className="muted small">No transformations.</p>
      ) : (
        <table className="data-table compare-table compare-table--fields" data-testid="flow-pairs">
          <colgroup>
            <col />
            <col />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Target attribute</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((flow) => (
              <tr key={flow.target} className={`mark--${flow.mark}`} title={MARK_TITLES[flow.mark]}>
                <th scope="row" className="code">
                  {flow.target}
                </th>
                {[flow.a, flow.b].map((side, index) => (
                  <td key={index}>
                    {side === null ? (
                      <span className="muted">absent</span>
                    ) : (
                      <>
                        <span className="compare-flow-type">{side.flowType}</span>{' '}
                        <Source source={side.source} />
                        {side.extras !== '' && <span className="muted small"> ({side.extras})</span>}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

/** A rule of A and its partner in B, page by page side by side, with what differs highlighted. */
export function RulePairView({ rule }: { readonly rule: RuleComparison }) {
  const host = useHost()
  const aId = rule.a?.id
  const bId = rule.b?.id
  const pair = useHostQuery(`${aId ?? ''}|${bId ?? ''}`, () =>
    host.comparisonRulePair({ ...(aId === undefined ? {} : { aId }), ...(bId === undefined ? {} : { bId }) }),
  )
  const matched =
    rule.matchedBy === 'id'
      ? 'Paired by rule id.'
      : rule.matchedBy === 'name'
        ? 'Paired by connector and name.'
        : null
  return (
    <section className="compare-detail" aria-label={`Rule ${rule.b?.name ?? rule.a?.name ?? ''}`}>
      <h2 className="view-title">{rule.b?.name ?? rule.a?.name}</h2>
      <p className="muted small">
        {rule.direction} rule{matched === null ? (rule.a ? ', only in A.' : ', only in B.') : `. ${matched}`}
      </p>
      {rule.cloneOf && (
        <p className="page-note" data-testid="clone-source">
          Looks cloned from <strong>{rule.cloneOf.rule.name}</strong> (precedence{' '}
          {rule.cloneOf.rule.precedence} in A): {rule.cloneOf.sameTransformations} of its{' '}
          {rule.cloneOf.transformations} transformations are the same.
        </p>
      )}
      <DifferenceTable differences={rule.differences} />
      {pair.status === 'loading' && <p className="muted">Reading both rules…</p>}
      {pair.status === 'failed' && <p className="error-text">The rules could not be read: {pair.message}</p>}
      {pair.status === 'done' && <Pages a={pair.value.a} b={pair.value.b} rule={rule} />}
    </section>
  )
}
