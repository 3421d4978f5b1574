/** Reports of unmapped attributes and their diagnoses, and their HTML, CSV and JSON renderings. */
export { buildReport, METAVERSE_GROUP, type ReportOptions } from './build-report'
export { CODE_CATALOGUE, codeMeaning } from '../model/diagnosis-codes'
export type {
  AttributeCount,
  ConnectorGap,
  DiagnosedUnmapped,
  ExampleObject,
  Report,
  ReportError,
  ReportResult,
  SingleObjectReport,
  SnapshotReport,
  UnmappedGroup,
} from './report-model'
export { toCsv } from './to-csv'
export { escapeHtml } from '../text/html'
export { toHtml } from './to-html'
export { toJson } from './to-json'
