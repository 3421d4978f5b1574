import { cloneSentence } from './clone-source'
import { escapeHtml, htmlPage } from '../text/html'
import { formatCount } from '../text/format'
import type {
  Comparison,
  ConnectorComparison,
  Difference,
  ExportValue,
  Impact,
  ImpactRule,
  ObjectImpact,
  OutOfBoxEdit,
  RuleComparison,
  SnapshotFacts,
} from './compare-model'
import type { ObjectComparison, ObjectSideState } from './object-comparison'

/** Objects listed in the report's impact table; the JSON output holds every one. */
export const HTML_IMPACT_ROWS = 2000

const STYLE = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}h3{font-size:1rem;margin:1.25rem 0 .25rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}code,.v{font-family:ui-monospace,Consolas,monospace;font-size:.9em;white-space:pre-wrap;word-break:break-word}
.muted{color:#57606a}.added{background:#dafbe1}.removed{background:#ffebe9}.changed{background:#fff8c5}
.tag{display:inline-block;border:1px solid #d0d7de;border-radius:.75rem;padding:0 .5rem;font-size:.85em}
.warning{border:1px solid #d4a72c;background:#fff8c5;border-radius:.375rem;padding:.25rem .75rem;margin:.5rem 0}
@media print{body{margin:0;max-width:none}}`

const cell = (value: string | number, className?: string): string =>
  `<td${className ? ` class="${className}"` : ''}>${escapeHtml(value)}</td>`
const numberCell = (value: number): string => `<td class="n">${escapeHtml(formatCount(value))}</td>`
const valueCell = (value: string | null, className?: string): string =>
  value === null
    ? `<td class="muted${className ? ` ${className}` : ''}">absent</td>`
    : `<td${className ? ` class="${className}"` : ''}><span class="v">${escapeHtml(value)}</span></td>`

function table(headers: readonly string[], rows: readonly string[]): string {
  if (rows.length === 0) return '<p class="muted">None.</p>'
  const head = `<tr>${headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}</tr>`
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`
}

function differenceRows(differences: readonly Difference[]): string[] {
  return differences.map(
    (difference) =>
      `<tr class="${difference.change}">${cell(difference.label)}${cell(difference.change)}${valueCell(difference.before)}${valueCell(difference.after)}</tr>`,
  )
}

function differenceTable(differences: readonly Difference[]): string {
  return table(['What', 'Change', 'A', 'B'], differenceRows(differences))
}

function factsTable(a: SnapshotFacts, b: SnapshotFacts): string {
  const row = (label: string, facts: SnapshotFacts): string =>
    `<tr><th scope="row">${escapeHtml(label)}</th>${cell(facts.name)}${cell(facts.server ?? '–')}${cell(facts.version ?? '–')}${numberCell(facts.connectors)}${numberCell(facts.rules)}${numberCell(facts.csObjects)}${numberCell(facts.mvObjects)}</tr>`
  return table(
    [
      '',
      'Snapshot',
      'Server',
      'Entra Connect',
      'Connectors',
      'Sync rules',
      'Connector-space objects',
      'Metaverse objects',
    ],
    [row('A', a), row('B', b)],
  )
}

/** The configuration files of either snapshot that could not be read in full: their content is missing here. */
function warningsSection(a: SnapshotFacts, b: SnapshotFacts): string {
  const side = (label: string, facts: SnapshotFacts): string => {
    const count = facts.configurationWarningCount
    if (count === 0) return ''
    const more = count - facts.configurationWarnings.length
    const items = [
      ...facts.configurationWarnings.map((warning) => `<li><code>${escapeHtml(warning)}</code></li>`),
      more > 0 ? `<li>${escapeHtml(`… and ${formatCount(more)} more.`)}</li>` : '',
    ]
    return `<div class="warning"><p><strong>${escapeHtml(`${label} has ${formatCount(count)} problem${count === 1 ? '' : 's'} in its configuration files`)}</strong>${escapeHtml(': what a file that could not be read holds is missing here and may show as removed or added.')}</p><ul>${items.join('')}</ul></div>`
  }
  return side('A', a) + side('B', b)
}

function connectorSection(connectors: readonly ConnectorComparison[]): string {
  const changed = connectors.filter((connector) => connector.differences.length > 0)
  const paired = connectors.filter((connector) => connector.a && connector.b).length
  const intro = `<p class="muted">${escapeHtml(`${connectors.length} connector(s), ${paired} paired, ${changed.length} with differences.`)}</p>`
  const notes = connectors
    .filter((connector) => connector.matchNote !== null)
    .map((connector) => `<p>${escapeHtml(connector.matchNote ?? '')}</p>`)
  const sections = changed.map(
    (connector) =>
      `<h3>${escapeHtml(connector.b?.name ?? connector.a?.name ?? '')} <span class="tag">${escapeHtml(connector.b?.type ?? connector.a?.type ?? '')}</span></h3>\n${differenceTable(connector.differences)}`,
  )
  return ['<h2>Connectors</h2>', intro, ...notes, ...sections].join('\n')
}

function ruleTitle(rule: RuleComparison): string {
  const facts = rule.b ?? rule.a
  const renamed = rule.a && rule.b && rule.a.name !== rule.b.name ? ` (in A: ${rule.a.name})` : ''
  const status = !rule.a
    ? 'only in B'
    : !rule.b
      ? 'only in A'
      : `matched by ${rule.matchedBy === 'id' ? 'rule id' : 'name'}`
  return `<h3>${escapeHtml(`${facts?.name ?? ''}${renamed}`)} <span class="tag">${escapeHtml(status)}</span> <span class="muted">${escapeHtml(`${facts?.connector ?? ''}, precedence ${facts?.precedence ?? ''}`)}</span></h3>`
}

function ruleSection(rules: readonly RuleComparison[], unchanged: number): string {
  const parts = [
    `<h2>Sync rules</h2>`,
    `<p class="muted">${escapeHtml(`${rules.length} rule(s) differ; ${unchanged} paired rule(s) are identical.`)}</p>`,
  ]
  for (const direction of ['Inbound', 'Outbound'] as const) {
    const ofDirection = rules.filter((rule) => rule.direction === direction)
    if (ofDirection.length === 0) continue
    parts.push(`<h3>${direction}</h3>`)
    for (const rule of ofDirection) {
      parts.push(ruleTitle(rule))
      if (rule.cloneOf) parts.push(`<p class="muted">${escapeHtml(cloneSentence(rule.cloneOf))}</p>`)
      parts.push(differenceTable(rule.differences))
    }
  }
  return parts.join('\n')
}

function editsSection(edits: readonly OutOfBoxEdit[]): string {
  const rows = edits.map(
    (edit) =>
      `<tr>${cell(edit.rule.name)}${cell(edit.side === null ? 'A or B' : edit.side === 'both' ? 'A and B' : edit.side.toUpperCase())}${cell(edit.evidence === 'default-set' ? "Microsoft's default" : 'the other snapshot')}${cell(edit.message)}<td>${edit.details.map((detail) => escapeHtml(detail)).join('<br>')}</td></tr>`,
  )
  return [
    '<h2>Out-of-box rules edited in place</h2>',
    '<p class="muted">The supported way to change an out-of-box rule is to clone it and disable the original; upgrades overwrite rules edited in place.</p>',
    table(['Rule', 'In', 'Compared with', 'Finding', 'What differs'], rows),
  ].join('\n')
}

function ruleText(rule: ImpactRule | null, inbound: ImpactRule | null): string {
  if (rule === null) return inbound === null ? '' : `${inbound.name} (${inbound.precedence})`
  return inbound === null
    ? `${rule.name} (${rule.precedence})`
    : `${inbound.name} (${inbound.precedence}) → ${rule.name} (${rule.precedence})`
}

/** An export value as a reader sees it. */
export function exportValueText(value: ExportValue): string {
  switch (value.kind) {
    case 'values':
      return value.values.length === 0 ? '(no value)' : value.values.join('; ')
    case 'error':
      return `error: ${value.message}`
    case 'unmanaged':
      return `${value.current.length === 0 ? '(no value)' : value.current.join('; ')} — ${value.why === 'not-selected' ? 'not selected on the connector' : 'no flow'}: Entra ID keeps it`
  }
}

function objectRows(object: ObjectImpact): string[] {
  if (object.changes.length === 0) {
    return [
      `<tr>${cell(object.dn)}${cell(object.objectType)}${cell(object.event)}<td colspan="5">${escapeHtml(object.reason)}</td></tr>`,
    ]
  }
  return object.changes.map(
    (change, position) =>
      `<tr>${position === 0 ? `${cell(object.dn)}${cell(object.objectType)}${cell(object.event)}` : '<td></td><td></td><td></td>'}${cell(change.attribute)}${valueCell(exportValueText(change.before), 'removed')}${valueCell(exportValueText(change.after), 'added')}${cell(ruleText(change.beforeRule, change.beforeInboundRule))}${cell(ruleText(change.afterRule, change.afterInboundRule))}</tr>`,
  )
}

function impactSection(impact: Impact): string {
  const { counts } = impact
  const summary = table(
    [
      'Objects compared',
      'Changed',
      'Provisioned',
      'Deleted',
      'Disconnected',
      'Attribute changes',
      'Source data differs',
      'Only in A',
      'Only in B',
    ],
    [
      `<tr>${[counts.objectsCompared, counts.changed, counts.provisioned, counts.deleted, counts.disconnected, counts.attributeChanges, counts.dataDiffers, counts.onlyInA, counts.onlyInB].map(numberCell).join('')}</tr>`,
    ],
  )
  const byAttribute = table(
    ['Entra ID attribute', 'Objects that change'],
    impact.byAttribute.map((entry) => `<tr>${cell(entry.attribute)}${numberCell(entry.objects)}</tr>`),
  )
  const shown = impact.objects.slice(0, HTML_IMPACT_ROWS)
  const more =
    impact.objects.length > shown.length
      ? `<p class="muted">${escapeHtml(`The first ${formatCount(shown.length)} of ${formatCount(impact.objects.length)} objects; the JSON output (--json) lists every one.`)}</p>`
      : ''
  const caveats =
    impact.caveats.length === 0
      ? ''
      : `<h3>What the snapshots cannot tell</h3>\n<ul>\n${impact.caveats.map((caveat) => `<li>${escapeHtml(caveat)}</li>`).join('\n')}\n</ul>`
  return [
    '<h2>Impact on objects</h2>',
    `<p>${escapeHtml(impact.basis)}${impact.target ? escapeHtml(` Export attribute flow to "${impact.target}".`) : ''}</p>`,
    summary,
    '<h3>By attribute</h3>',
    byAttribute,
    '<h3>Objects</h3>',
    more,
    table(
      ['Object', 'Type', 'What happens', 'Attribute', 'Under A', 'Under B', 'Rule under A', 'Rule under B'],
      shown.flatMap(objectRows),
    ),
    caveats,
  ].join('\n')
}

function sideText(state: ObjectSideState): string {
  if (!state.found) return state.reason
  return `${state.inEntra ? 'In Entra ID' : 'Not in Entra ID'}: ${state.reason}${state.syncError ? ` Synchronization error: ${state.syncError}.` : ''}`
}

function objectSection(object: ObjectComparison): string {
  const rows = object.attributes.map(
    (attribute) =>
      `<tr${attribute.changed ? ' class="changed"' : ''}>${cell(attribute.attribute)}${valueCell(exportValueText(attribute.before))}${valueCell(exportValueText(attribute.after))}${cell(ruleText(attribute.beforeRule, attribute.beforeInboundRule))}${cell(ruleText(attribute.afterRule, attribute.afterInboundRule))}${cell(attribute.changed ? 'changes' : '')}</tr>`,
  )
  return [
    `<h2>Object ${escapeHtml(object.dn)}</h2>`,
    `<p>${escapeHtml(`${object.connector}, ${object.objectType}.`)}</p>`,
    `<p><strong>Under A:</strong> ${escapeHtml(sideText(object.before))}</p>`,
    `<p><strong>Under B:</strong> ${escapeHtml(sideText(object.after))}</p>`,
    table(['Entra ID attribute', 'Under A', 'Under B', 'Rule under A', 'Rule under B', ''], rows),
  ].join('\n')
}

function simpleSection(title: string, differences: readonly Difference[]): string {
  return [`<h2>${escapeHtml(title)}</h2>`, differenceTable(differences)].join('\n')
}

/**
 * The comparison as one self-contained page (inline style, no scripts, nothing fetched) that a change
 * board can read without SyncLens; every value from a snapshot is escaped.
 */
export function comparisonToHtml(comparison: Comparison, object: ObjectComparison | null = null): string {
  const { a, b, configuration, impact } = comparison
  const title = `Comparison of ${a.name} (A) and ${b.name} (B)`
  const count = configuration.differenceCount
  return htmlPage(title, STYLE, [
    `<p class="muted">Made ${escapeHtml(comparison.generatedAt)} by SyncLens. A is the reference (the active server, or the configuration before a change); B is compared with it. Names compare case-insensitively; renamed connectors are paired.</p>`,
    factsTable(a, b),
    warningsSection(a, b),
    `<p><strong>${escapeHtml(`${formatCount(count)} configuration difference${count === 1 ? '' : 's'}.`)}</strong></p>`,
    ...configuration.notes.map((note) => `<p class="muted">${escapeHtml(note)}</p>`),
    connectorSection(configuration.connectors),
    ruleSection(configuration.rules, configuration.unchangedRules),
    simpleSection('Metaverse schema', configuration.schema),
    simpleSection('Global settings', configuration.settings),
    editsSection(configuration.outOfBoxEdits),
    impact ? impactSection(impact) : '',
    object ? objectSection(object) : '',
  ])
}
