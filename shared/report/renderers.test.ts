import { describe, expect, it } from 'vitest'
import type { Diagnosis } from '../engine/diagnose'
import type { SingleObjectReport, SnapshotReport } from './report-model'
import { toCsv } from './to-csv'
import { escapeHtml } from '../text/html'
import { toHtml } from './to-html'
import { toJson } from './to-json'

const HOSTILE = '<script>alert("x")</script>'
const FORMULA = '=HYPERLINK("http://evil.example","click")'

const SNAPSHOT: SnapshotReport = {
  kind: 'snapshot',
  snapshot: `Contoso ${HOSTILE}`,
  generatedAt: '2026-11-25T12:00:00.000Z',
  totals: {
    objectsChecked: 1200,
    objectsWithFindings: 2,
    objectsBlocking: 0,
    findings: { blocking: 0, unmapped: 3, byDesign: 0 },
  },
  groups: [
    {
      connector: 'contoso.com',
      objectType: 'user',
      objectsChecked: 1200,
      objectsWithFindings: 2,
      objectsBlocking: 0,
      severities: { blocking: 0, unmapped: 3, byDesign: 0 },
      codes: [{ code: 'NO_INBOUND_FLOW', severity: 'unmapped', findings: 3 }],
      topAttributes: [
        {
          attribute: FORMULA,
          code: 'NO_INBOUND_FLOW',
          severity: 'unmapped',
          kind: 'source-without-inbound-flow',
          objects: 2,
        },
        {
          attribute: '__proto__',
          code: 'NO_INBOUND_FLOW',
          severity: 'unmapped',
          kind: 'source-without-inbound-flow',
          objects: 1,
        },
      ],
      distinctAttributes: 5,
      examples: [{ dn: `CN=${HOSTILE},DC=contoso,DC=com`, attributes: [FORMULA, '__proto__'] }],
    },
  ],
  connectorGaps: [
    {
      connector: 'contoso.com',
      attribute: '+SUM(A1:A9)',
      code: 'NOT_SELECTED_ON_CONNECTOR',
      severity: 'blocking',
      kind: 'not-selected-on-connector',
      message: 'A rule reads it, the connector does not import it.',
    },
  ],
  loadIssues: [`Connectors/x.xml:3:7: broken ${HOSTILE}`],
}

const DIAGNOSIS: Diagnosis = {
  verdict: 'NO_INBOUND_FLOW',
  alsoBlocking: [],
  fix: ['Add an inbound flow for it in a custom rule.'],
  attribute: { source: 'extensionAttribute9', metaverse: null, target: null },
  steps: [
    { code: 'OK', stage: 'source', message: 'The object has a value.', blocking: false },
    { code: 'NO_INBOUND_FLOW', stage: 'inbound', message: `No rule reads ${HOSTILE}.`, blocking: true },
  ],
}

const OBJECT: SingleObjectReport = {
  kind: 'object',
  snapshot: 'Contoso',
  generatedAt: '2026-11-25T12:00:00.000Z',
  dn: '-CN=Dash,DC=contoso,DC=com',
  connector: 'contoso.com',
  objectType: 'user',
  object: {
    metaverse: null,
    connectors: [],
    importFlow: [],
    exportFlow: [],
    unmapped: [],
    counts: { blocking: 0, unmapped: 1, byDesign: 0 },
  },
  unmapped: [
    {
      attribute: 'extensionAttribute9',
      connector: 'contoso.com',
      kind: 'source-without-inbound-flow',
      code: 'NO_INBOUND_FLOW',
      severity: 'unmapped',
      message: '@SUM(1)',
      diagnosis: DIAGNOSIS,
    },
  ],
}

describe('toHtml', () => {
  it.each([
    ['a snapshot report', SNAPSHOT],
    ['an object report', OBJECT],
  ])('renders %s as a self-contained page with no script and every value escaped', (_label, report) => {
    const html = toHtml(report)

    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).not.toMatch(/<script|\son\w+=|src=|href=|@import|url\(/i)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
  })

  it('escapes names from the snapshot and explains the codes it uses', () => {
    const html = toHtml(SNAPSHOT)

    expect(html).toContain(escapeHtml(HOSTILE))
    expect(html).toContain('<td>__proto__</td>')
    expect(html).toContain('The 2 most frequent of 5 attributes.')
    expect(html).toMatch(/<dt><code>NO_INBOUND_FLOW<\/code><\/dt><dd>No enabled inbound/)
  })

  it('marks the blocking step of each diagnosis', () => {
    const html = toHtml(OBJECT)

    expect(html).toContain(
      `<li class="blocking">[inbound] <code>NO_INBOUND_FLOW</code>: No rule reads ${escapeHtml(HOSTILE)}.</li>`,
    )
  })
})

describe('toCsv', () => {
  it('writes one row per attribute and group, plus the connector gaps, with formulas defused', () => {
    const lines = toCsv(SNAPSHOT).split('\r\n')

    expect(lines[0]).toBe(
      '"Connector","Object type","Attribute","Severity","Code","Kind","Objects","Objects checked","Message"',
    )
    expect(lines[1]).toBe(
      `"contoso.com","user","'=HYPERLINK(""http://evil.example"",""click"")","Unmapped","NO_INBOUND_FLOW","source-without-inbound-flow","2","1200",""`,
    )
    expect(lines[3]).toContain(`"'+SUM(A1:A9)"`)
    expect(lines).toHaveLength(5)
  })

  it('writes the verdict and blocking step of each unmapped attribute of an object', () => {
    const lines = toCsv(OBJECT).split('\r\n')

    expect(lines[1]).toBe(
      `"'-CN=Dash,DC=contoso,DC=com","contoso.com","extensionAttribute9","Unmapped","NO_INBOUND_FLOW","source-without-inbound-flow","'@SUM(1)","NO_INBOUND_FLOW","","No rule reads <script>alert(""x"")</script>."`,
    )
  })
})

describe('toJson', () => {
  it('round-trips the report, prototype-named attributes included', () => {
    const text = toJson(SNAPSHOT)

    expect(JSON.parse(text)).toEqual(SNAPSHOT)
    expect(text.endsWith('}\n')).toBe(true)
  })
})
