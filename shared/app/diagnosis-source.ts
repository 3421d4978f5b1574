import type { ObjectReport } from '../engine/object-report'

/**
 * The connector-space object a diagnosis of a metaverse object's attribute starts from: the one whose import
 * wins the attribute, else the first that imports it, else the first connector. Null when nothing is joined.
 * The object view and `synclens why --mv-id` both ask this, so they diagnose the same object.
 */
export function diagnosisSource(report: ObjectReport, attribute: string): string | null {
  const wanted = attribute.toLowerCase()
  const rows = report.importFlow.filter((row) => row.mvAttribute.toLowerCase() === wanted)
  const winner = rows.find((row) => row.winner) ?? rows[0]
  return winner?.csObjectId ?? report.connectors.find((connection) => connection.isConnector)?.csId ?? null
}
