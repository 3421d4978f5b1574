import type { PrecedenceTie } from '../../../shared/engine/precedence-ties'
import { useHost } from '../../ui/host-context'
import { useHostQuery } from '../common/use-host-query'

const NO_TIES: readonly PrecedenceTie[] = []

/** Rules of equal precedence writing the same attribute, in the direction shown: precedence cannot decide. */
export function RuleWarnings({ direction }: { readonly direction: PrecedenceTie['direction'] }) {
  const host = useHost()
  const answer = useHostQuery('rule-warnings', () => host.ruleWarnings())
  const ties = (answer.status === 'done' ? answer.value : NO_TIES).filter(
    (tie) => tie.direction === direction,
  )
  if (ties.length === 0) return null
  return (
    <details className="connector-findings" data-testid="rule-warnings">
      <summary>
        Rule warnings: {ties.length} {ties.length === 1 ? 'attribute is' : 'attributes are'} written by rules
        of equal precedence
      </summary>
      <ul className="rule-warnings__list">
        {ties.map((tie) => (
          <li key={`${tie.precedence}|${tie.attribute}|${tie.rules.map((rule) => rule.id).join(',')}`}>
            <span className="chip chip--warning">Same precedence</span> {tie.message}
          </li>
        ))}
      </ul>
    </details>
  )
}
