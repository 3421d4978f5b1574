import type { DiagnosisCode, Severity } from '../model/diagnosis-codes'
import { codeMeaning, SEVERITIES, severityLabel, severityMeaning } from '../model/diagnosis-codes'
import type { Report, SingleObjectReport, SnapshotReport, UnmappedGroup } from './report-model'
import { escapeHtml, htmlPage } from '../text/html'
import { WHOLE_OBJECT } from './to-csv'

const STYLE = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}h3{font-size:1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}code{font-family:ui-monospace,Consolas,monospace}
.muted{color:#57606a}.blocking{color:#b42318;font-weight:600}
.sev{display:inline-block;border-radius:3px;padding:0 .35rem;font-weight:600;white-space:nowrap}
.sev-blocking{background:#fee4e2;color:#b42318}.sev-unmapped{background:#fef0c7;color:#93370d}.sev-by-design{background:#f2f4f7;color:#475467;font-weight:400}
@media print{body{margin:0;max-width:none}}`

/** A self-contained HTML page (inline style, no scripts, nothing fetched) for a reader without SyncLens. */
export function toHtml(report: Report): string {
  const title =
    report.kind === 'snapshot'
      ? `Unmapped attributes in ${report.snapshot}`
      : `Unmapped attributes of ${report.dn}`
  const body = report.kind === 'snapshot' ? snapshotBody(report) : objectBody(report)
  return htmlPage(title, STYLE, [
    `<p class="muted">Snapshot <strong>${escapeHtml(report.snapshot)}</strong>, report made ${escapeHtml(report.generatedAt)} by SyncLens. Every attribute without a mapping is listed with its cause and a severity.</p>`,
    severityLegend(),
    body,
    glossary(usedCodes(report)),
  ])
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
const severityMark = (severity: Severity): string =>
  `<span class="sev sev-${severity}">${escapeHtml(severityLabel(severity))}</span>`
const severityCell = (severity: Severity): string => `<td>${severityMark(severity)}</td>`
const attributeCell = (attribute: string): string => cell(attribute === '' ? WHOLE_OBJECT : attribute)

function severityLegend(): string {
  const items = SEVERITIES.map(
    (severity) => `<dt>${severityMark(severity)}</dt><dd>${escapeHtml(severityMeaning(severity))}</dd>`,
  )
  return ['<dl>', ...items, '</dl>'].join('\n')
}

function snapshotBody(report: SnapshotReport): string {
  const { totals } = report
  const overview = `<p>${totals.objectsChecked.toLocaleString('en-US')} objects checked: <strong>${totals.objectsBlocking.toLocaleString('en-US')}</strong> with a blocking finding, <strong>${totals.objectsWithFindings.toLocaleString('en-US')}</strong> with a blocking or unmapped one. Findings: ${severityMark('blocking')} ${totals.findings.blocking.toLocaleString('en-US')}, ${severityMark('unmapped')} ${totals.findings.unmapped.toLocaleString('en-US')}, ${severityMark('by-design')} ${totals.findings.byDesign.toLocaleString('en-US')}.</p>`
  const summary = table(
    [
      'Connector',
      'Object type',
      'Objects checked',
      'Objects blocking',
      'Objects blocking or unmapped',
      'Findings by code',
    ],
    report.groups.map((group) => [
      cell(group.connector),
      cell(group.objectType),
      numberCell(group.objectsChecked),
      numberCell(group.objectsBlocking),
      numberCell(group.objectsWithFindings),
      cell(
        group.codes
          .map(
            (entry) =>
              `${entry.code} (${severityLabel(entry.severity).toLowerCase()}) ${entry.findings.toLocaleString('en-US')}`,
          )
          .join(', '),
      ),
    ]),
  )
  const groups = report.groups.filter((group) => group.objectsWithFindings > 0).map(groupSection)
  const gaps = table(
    ['Connector', 'Attribute', 'Severity', 'Code', 'What it means'],
    report.connectorGaps.map((gap) => [
      cell(gap.connector),
      cell(gap.attribute),
      severityCell(gap.severity),
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
    overview,
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
      ['Attribute', 'Severity', 'Code', 'Objects'],
      group.topAttributes.map((entry) => [
        attributeCell(entry.attribute),
        severityCell(entry.severity),
        codeCell(entry.code),
        numberCell(entry.objects),
      ]),
    ),
    `<h3>Example objects (${group.examples.length} of ${group.objectsWithFindings.toLocaleString('en-US')})</h3>`,
    table(
      ['Object', 'Blocking or unmapped attributes'],
      group.examples.map((example) => [
        cell(example.dn),
        cell(example.attributes.map((name) => (name === '' ? WHOLE_OBJECT : name)).join(', ')),
      ]),
    ),
  ].join('\n')
}

function objectBody(report: SingleObjectReport): string {
  const facts = `<p>Connector <strong>${escapeHtml(report.connector)}</strong>, object type <strong>${escapeHtml(report.objectType)}</strong>${
    report.object.metaverse
      ? `, metaverse object <code>${escapeHtml(report.object.metaverse.id)}</code>`
      : ', not joined to a metaverse object'
  }.</p>`
  const counts = report.object.counts
  const overview = `<p>${severityMark('blocking')} ${counts.blocking}, ${severityMark('unmapped')} ${counts.unmapped}, ${severityMark('by-design')} ${counts.byDesign}.</p>`
  const list = table(
    ['Attribute', 'Connector', 'Severity', 'Code', 'What it means'],
    report.unmapped.map((entry) => [
      attributeCell(entry.attribute),
      cell(entry.connector),
      severityCell(entry.severity),
      codeCell(entry.code),
      cell(entry.message),
    ]),
  )
  const diagnoses = report.unmapped.flatMap((entry) => {
    const diagnosis = entry.diagnosis
    if (diagnosis === null || entry.severity === 'by-design') return []
    const also =
      diagnosis.alsoBlocking.length === 0
        ? ''
        : ` <span class="muted">also ${diagnosis.alsoBlocking.map((code) => `<code>${escapeHtml(code)}</code>`).join(', ')}</span>`
    return [
      `<h3>${escapeHtml(entry.attribute)} <span class="muted">(${escapeHtml(entry.connector)})</span>: <code>${escapeHtml(diagnosis.verdict)}</code>${also}</h3>`,
      '<ol>',
      ...diagnosis.steps.map(
        (step) =>
          `<li${step.blocking ? ' class="blocking"' : ''}>[${escapeHtml(step.stage)}] <code>${escapeHtml(step.code)}</code>: ${escapeHtml(step.message)}</li>`,
      ),
      '</ol>',
      ...(diagnosis.fix.length > 0
        ? [`<p>What to do: ${diagnosis.fix.map((line) => escapeHtml(line)).join(' ')}</p>`]
        : []),
    ].join('\n')
  })
  return [
    facts,
    overview,
    '<h2>Findings</h2>',
    list,
    '<h2>Why each blocking or unmapped one does not flow</h2>',
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
      : report.unmapped.flatMap((entry) => [
          entry.code,
          ...(entry.diagnosis?.steps.map((step) => step.code) ?? []),
        ])
  return [...new Set(codes)].sort()
}

function glossary(codes: readonly DiagnosisCode[]): string {
  if (codes.length === 0) return ''
  const items = codes.map(
    (code) => `<dt><code>${escapeHtml(code)}</code></dt><dd>${escapeHtml(codeMeaning(code))}</dd>`,
  )
  return ['<h2>What the codes mean</h2>', '<dl>', ...items, '</dl>'].join('\n')
}
