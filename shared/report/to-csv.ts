import { csvField } from '../text/csv-guard'
import type { Report, SingleObjectReport, SnapshotReport } from './report-model'

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
      entry.attribute,
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
    gap.code,
    gap.kind,
    '',
    '',
    gap.message,
  ])
  return csvLines([header, ...rows, ...gaps])
}

function objectCsv(report: SingleObjectReport): string {
  const header = ['DN', 'Connector', 'Attribute', 'Code', 'Kind', 'Message', 'Verdict', 'Blocking step']
  const rows = report.unmapped.map((entry) => [
    report.dn,
    entry.connector,
    entry.attribute,
    entry.code,
    entry.kind,
    entry.message,
    entry.diagnosis.verdict,
    entry.diagnosis.steps.find((step) => step.blocking)?.message ?? '',
  ])
  return csvLines([header, ...rows])
}
