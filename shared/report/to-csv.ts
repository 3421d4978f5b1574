import { severityLabel } from '../model/diagnosis-codes'
import { csvField } from '../text/csv-guard'
import type { Report, SingleObjectReport, SnapshotReport } from './report-model'

/** How a finding about the whole object (not connected, cloud filtered) names its attribute. */
export const WHOLE_OBJECT = '(whole object)'

function csvLines(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/**
 * The report as CSV (RFC 4180, CRLF line ends): one row per unmapped attribute and group for a
 * snapshot, one row per unmapped attribute with its verdict for an object.
 */
export function toCsv(report: Report): string {
  switch (report.kind) {
    case 'snapshot':
      return snapshotCsv(report)
    case 'object':
      return objectCsv(report)
  }
}

function snapshotCsv(report: SnapshotReport): string {
  const header = [
    'Connector',
    'Object type',
    'Attribute',
    'Severity',
    'Code',
    'Kind',
    'Objects',
    'Objects checked',
    'Message',
  ]
  const rows = report.groups.flatMap((group) =>
    group.topAttributes.map((entry) => [
      group.connector,
      group.objectType,
      entry.attribute === '' ? WHOLE_OBJECT : entry.attribute,
      severityLabel(entry.severity),
      entry.code,
      entry.kind,
      entry.objects,
      group.objectsChecked,
      '',
    ]),
  )
  const gaps = report.connectorGaps.map((gap) => [
    gap.connector,
    '',
    gap.attribute,
    severityLabel(gap.severity),
    gap.code,
    gap.kind,
    '',
    '',
    gap.message,
  ])
  return csvLines([header, ...rows, ...gaps])
}

function objectCsv(report: SingleObjectReport): string {
  const header = [
    'DN',
    'Connector',
    'Attribute',
    'Severity',
    'Code',
    'Kind',
    'Message',
    'Verdict',
    'Also blocking',
    'Blocking step',
  ]
  const rows = report.unmapped.map((entry) => [
    report.dn,
    entry.connector,
    entry.attribute === '' ? WHOLE_OBJECT : entry.attribute,
    severityLabel(entry.severity),
    entry.code,
    entry.kind,
    entry.message,
    entry.diagnosis?.verdict ?? entry.code,
    entry.diagnosis?.alsoBlocking.join(' ') ?? '',
    entry.diagnosis?.steps.find((step) => step.blocking)?.message ?? entry.message,
  ])
  return csvLines([header, ...rows])
}
