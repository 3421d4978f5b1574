import type { DiagnosisCode } from '../model/diagnosis-codes'
import { codeMeaning } from '../model/diagnosis-codes'
import type { Report, SingleObjectReport, SnapshotReport, UnmappedGroup } from './report-model'

const HTML_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
])

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => HTML_ESCAPES.get(char) ?? char)
}

const STYLE = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}h3{font-size:1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}code{font-family:ui-monospace,Consolas,monospace}
.muted{color:#57606a}.blocking{color:#b42318;font-weight:600}
@media print{body{margin:0;max-width:none}}`

/** A self-contained HTML page (inline style, no scripts, nothing fetched) for a reader without SyncLens. */
export function toHtml(report: Report): string {
  const title =
    report.kind === 'snapshot'
      ? `Unmapped attributes in ${report.snapshot}`
      : `Unmapped attributes of ${report.dn}`
  const body = report.kind === 'snapshot' ? snapshotBody(report) : objectBody(report)
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="muted">Snapshot <strong>${escapeHtml(report.snapshot)}</strong>, report made ${escapeHtml(report.generatedAt)} by SyncLens. An <em>unmapped</em> attribute has a value that no synchronization rule carries on, or is configured on a connector in a way the rules do not use.</p>`,
    body,
    glossary(usedCodes(report)),
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '<p class="muted">None.</p>'
  const head = `<tr>${headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}</tr>`
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.map((row) => `<tr>${row.join('')}</tr>`).join('\n')}\n</tbody>\n</table>`
}

const cell = (value: string | number): string => `<td>${escapeHtml(value)}</td>`
const numberCell = (value: number): string =>
  `<td class="n">${escapeHtml(value.toLocaleString('en-US'))}</td>`
const codeCell = (code: DiagnosisCode): string => `<td><code>${escapeHtml(code)}</code></td>`

function snapshotBody(report: SnapshotReport): string {
  const summary = table(
    ['Connector', 'Object type', 'Objects checked', 'Objects with unmapped attributes', 'Findings by code'],
    report.groups.map((group) => [
      cell(group.connector),
      cell(group.objectType),
      numberCell(group.objectsChecked),
      numberCell(group.objectsWithFindings),
      cell(group.codes.map((entry) => `${entry.code} ${entry.findings.toLocaleString('en-US')}`).join(', ')),
    ]),
  )
  const groups = report.groups.filter((group) => group.objectsWithFindings > 0).map(groupSection)
  const gaps = table(
    ['Connector', 'Attribute', 'Code', 'What it means'],
    report.connectorGaps.map((gap) => [
      cell(gap.connector),
      cell(gap.attribute),
      codeCell(gap.code),
      cell(gap.message),
    ]),
  )
  const issues =
    report.loadIssues.length === 0
      ? ''
      : `<h2>Problems reading the snapshot</h2>\n<ul>\n${report.loadIssues.map((issue) => `<li>${escapeHtml(issue)}</li>`).join('\n')}\n</ul>`
  return [
    '<h2>Summary</h2>',
    summary,
    ...groups,
    '<h2>Connector attribute lists that disagree with the rules</h2>',
    gaps,
    issues,
  ].join('\n')
}

function groupSection(group: UnmappedGroup): string {
  const shown =
    group.topAttributes.length < group.distinctAttributes
      ? `<p class="muted">The ${group.topAttributes.length} most frequent of ${group.distinctAttributes} attributes.</p>`
      : ''
  return [
    `<h2>${escapeHtml(group.connector)}: ${escapeHtml(group.objectType)}</h2>`,
    shown,
    table(
      ['Attribute', 'Code', 'Objects'],
      group.topAttributes.map((entry) => [
        cell(entry.attribute),
        codeCell(entry.code),
        numberCell(entry.objects),
      ]),
    ),
    `<h3>Example objects (${group.examples.length} of ${group.objectsWithFindings.toLocaleString('en-US')})</h3>`,
    table(
      ['Object', 'Unmapped attributes'],
      group.examples.map((example) => [cell(example.dn), cell(example.attributes.join(', '))]),
    ),
  ].join('\n')
}

function objectBody(report: SingleObjectReport): string {
  const facts = `<p>Connector <strong>${escapeHtml(report.connector)}</strong>, object type <strong>${escapeHtml(report.objectType)}</strong>${
    report.object.metaverse
      ? `, metaverse object <code>${escapeHtml(report.object.metaverse.id)}</code>`
      : ', not joined to a metaverse object'
  }.</p>`
  const list = table(
    ['Attribute', 'Connector', 'Code', 'What it means'],
    report.unmapped.map((entry) => [
      cell(entry.attribute),
      cell(entry.connector),
      codeCell(entry.code),
      cell(entry.message),
    ]),
  )
  const diagnoses = report.unmapped.map((entry) =>
    [
      `<h3>${escapeHtml(entry.attribute)} <span class="muted">(${escapeHtml(entry.connector)})</span>: <code>${escapeHtml(entry.diagnosis.verdict)}</code></h3>`,
      '<ol>',
      ...entry.diagnosis.steps.map(
        (step) =>
          `<li${step.blocking ? ' class="blocking"' : ''}>[${escapeHtml(step.stage)}] <code>${escapeHtml(step.code)}</code>: ${escapeHtml(step.message)}</li>`,
      ),
      '</ol>',
    ].join('\n'),
  )
  return [
    facts,
    '<h2>Unmapped attributes</h2>',
    list,
    '<h2>Why each one does not flow</h2>',
    ...diagnoses,
  ].join('\n')
}

function usedCodes(report: Report): readonly DiagnosisCode[] {
  const codes =
    report.kind === 'snapshot'
      ? [
          ...report.groups.flatMap((group) => group.codes.map((entry) => entry.code)),
          ...report.connectorGaps.map((gap) => gap.code),
        ]
      : report.unmapped.flatMap((entry) => [entry.code, ...entry.diagnosis.steps.map((step) => step.code)])
  return [...new Set(codes)].sort()
}

function glossary(codes: readonly DiagnosisCode[]): string {
  if (codes.length === 0) return ''
  const items = codes.map(
    (code) =>
      `<dt><code>${escapeHtml(code)}</code></dt><dd>${escapeHtml(codeMeaning(code))}</dd>`,
  )
  return ['<h2>What the codes mean</h2>', '<dl>', ...items, '</dl>'].join('\n')
}
