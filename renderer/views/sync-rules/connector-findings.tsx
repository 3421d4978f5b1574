import type { UnmappedAttribute } from '../../../shared/engine/unmapped'
import { countSeverities } from '../../../shared/model/diagnosis-codes'
import { useHost } from '../../ui/host-context'
import { DiagnosisChip } from '../common/diagnosis-chip'
import { useHostQuery } from '../common/use-host-query'

const NO_FINDINGS: readonly UnmappedAttribute[] = []

/**
 * Findings about connectors' attribute lists, once per connector (not on each of its objects): attributes the
 * rules use that a connector does not select (blocking), and attributes it selects that no rule of it uses
 * (unmapped). Narrowed to the connector the rule filter names.
 */
export function ConnectorFindings({ connectorId }: { readonly connectorId: string }) {
  const host = useHost()
  const answer = useHostQuery('connector-findings', () => host.connectorFindings())
  const all = answer.status === 'done' ? answer.value : NO_FINDINGS
  const findings = connectorId === '' ? all : all.filter((finding) => finding.connector.id === connectorId)
  if (findings.length === 0) return null
  const counts = countSeverities(findings.map((finding) => finding.severity))
  const parts = [
    counts.blocking > 0 ? `${counts.blocking} blocking` : null,
    counts.unmapped > 0 ? `${counts.unmapped} unmapped` : null,
  ].filter((part) => part !== null)
  return (
    <details className="connector-findings" data-testid="connector-findings">
      <summary>
        Connector attribute lists: {parts.join(', ')} (once per connector, not marked on each object)
      </summary>
      <table className="connector-findings__table">
        <thead>
          <tr>
            <th scope="col">Connector</th>
            <th scope="col">Attribute</th>
            <th scope="col">Finding</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((finding) => (
            <tr key={`${finding.connector.id}|${finding.kind}|${finding.attribute}`}>
              <td>{finding.connector.name}</td>
              <td>{finding.attribute}</td>
              <td>
                <DiagnosisChip
                  code={finding.code}
                  tone={finding.severity}
                  label={finding.kind === 'selected-but-unused' ? 'Selected, unused' : undefined}
                  reason={finding.message}
                />
              </td>
              <td>{finding.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
