import type { ReportAnswer, ReportFormat, ReportRequest } from './view-queries'
import { buildReport, type Report, type ReportOptions, toCsv, toHtml, toJson } from '../report/index'
import type { LoadedSnapshot } from '../load/load-snapshot'
import { normalizeGuid } from '../model/connector'

/** Longest part of a file name taken from a snapshot or object name, so the whole stays well under 255. */
const MAX_NAME_PART = 60

const MIME_TYPES: Readonly<Record<ReportFormat, string>> = {
  html: 'text/html;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
}

/** The report rendered in one format, exactly as `synclens report --format` writes it. */
export function renderReportAs(report: Report, format: ReportFormat): string {
  switch (format) {
    case 'html':
      return toHtml(report)
    case 'csv':
      return toCsv(report)
    case 'json':
      return toJson(report)
  }
}

/** The MIME type a report file of this format is offered with. */
export function reportMimeType(format: ReportFormat): string {
  return MIME_TYPES[format]
}

/**
 * A name part safe on every file system: letters, digits, dot, dash and underscore only (no separators,
 * no reserved characters, no leading dot), runs of anything else folded into one dash.
 */
export function fileNamePart(text: string): string {
  const safe = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_NAME_PART)
    .replace(/[-.]+$/, '')
  return safe === '' ? 'snapshot' : safe
}

/** `synclens-report-<snapshot>[-<object>]-<yyyy-mm-dd>.<format>`, sanitised. */
export function reportFileName(
  snapshotName: string,
  format: ReportFormat,
  generatedAt: string,
  objectName?: string,
): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(generatedAt)?.[0] ?? 'undated'
  const object = objectName === undefined ? '' : `-${fileNamePart(objectName)}`
  return `synclens-report-${fileNamePart(snapshotName)}${object}-${day}.${format}`
}

/** The first RDN's value of a DN (`CN=Ann Lee,OU=x` gives `Ann Lee`), for a readable file name. */
function rdnValue(dn: string): string {
  const first = /^\s*[^=,]+=((?:\\.|[^,\\])*)/.exec(dn)?.[1]
  return first === undefined || first.trim() === '' ? dn : first.replace(/\\(.)/g, '$1').trim()
}

/**
 * The report file the app exports: the whole snapshot, or one connector-space object resolved from its id
 * to the DN and connector `buildReport` takes. Never throws: an unknown object is an error answer.
 */
export function buildReportFile(
  snapshot: LoadedSnapshot,
  request: ReportRequest,
  now: () => Date = () => new Date(),
): ReportAnswer {
  let options: ReportOptions = { now }
  if (request.objectCsId !== undefined) {
    const csObject = snapshot.objects.csObject(normalizeGuid(request.objectCsId))
    if (!csObject) {
      return { error: 'That connector-space object is not in this snapshot; search for it again.' }
    }
    options = {
      now,
      objectDn: csObject.dn,
      ...(csObject.connectorId === null ? {} : { connector: csObject.connectorId }),
    }
  }
  const result = buildReport(snapshot, options)
  if (!result.ok) return { error: result.error.message }
  const { report } = result
  return {
    fileName: reportFileName(
      snapshot.name,
      request.format,
      report.generatedAt,
      report.kind === 'object' ? rdnValue(report.dn) : undefined,
    ),
    mimeType: reportMimeType(request.format),
    content: renderReportAs(report, request.format),
  }
}
