import type { Report } from './report-model'

/** The report as indented JSON with a final newline. */
export function toJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
