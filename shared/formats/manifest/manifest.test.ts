import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CONNECTOR_SPACE_FIELDS, looksLikeManifest, MANIFEST_FIELDS, parseManifest } from './manifest'

const COMPLETE = {
  synclensSnapshot: 1,
  server: 'AADC01',
  exportedAt: '2026-11-25T10:00:00Z',
  aadConnectVersion: '2.4.27.0',
  stagingMode: false,
  collector: 'Export-SyncLensSnapshot.ps1 1.0',
  serverConfiguration: 'ServerConfiguration',
  connectorSpaces: [
    {
      connectorId: '{AE4DB4CC-0D66-4B8C-A6DB-4C0B7D1A2F3E}',
      connectorName: 'fabrikam.com',
      file: 'ConnectorSpaces/fabrikam.com.xml',
      filter: null,
    },
    {
      connectorId: 'b891884f-051e-4a83-95af-2544101c9083',
      connectorName: 'fabrikam.onmicrosoft.com - AAD',
      file: 'ConnectorSpaces/fabrikam.onmicrosoft.com - AAD.xml',
      filter: 'x',
    },
  ],
  metaverse: ['Metaverse/mv-objects.xml'],
  metaverseObjectCount: 1200,
  metaverseTruncated: false,
  distinguishedNameFilter: null,
  ruleScripts: [],
  notes: 'Collected for ticket 4711',
}

function parse(value: unknown, file = 'snapshot.json') {
  return parseManifest(JSON.stringify(value, null, 2), file)
}

function messages(value: unknown): string[] {
  return parse(value).issues.map((issue) => `${issue.severity}: ${issue.message}`)
}

describe('parseManifest', () => {
  it('reads a complete version 1 manifest, normalizing the connector GUID', () => {
    const { manifest, issues } = parse(COMPLETE)

    expect(issues).toEqual([])
    expect(manifest).toEqual({
      ...COMPLETE,
      connectorSpaces: [
        { ...COMPLETE.connectorSpaces[0], connectorId: 'ae4db4cc-0d66-4b8c-a6db-4c0b7d1a2f3e' },
        COMPLETE.connectorSpaces[1],
      ],
    })
  })

  it('defaults every optional field of a minimal manifest', () => {
    const { manifest, issues } = parse({ synclensSnapshot: 1 })

    expect(issues).toEqual([])
    expect(manifest).toEqual({
      synclensSnapshot: 1,
      server: null,
      exportedAt: null,
      aadConnectVersion: null,
      stagingMode: null,
      collector: null,
      serverConfiguration: null,
      connectorSpaces: [],
      metaverse: [],
      metaverseObjectCount: null,
      metaverseTruncated: null,
      distinguishedNameFilter: null,
      ruleScripts: [],
      notes: null,
    })
  })

  it('accepts a byte-order mark and a root server-configuration folder', () => {
    const { manifest, issues } = parseManifest(
      `\ufeff{"synclensSnapshot":1,"serverConfiguration":"."}`,
      's.json',
    )

    expect(issues).toEqual([])
    expect(manifest?.serverConfiguration).toBe('')
  })

  it.each([
    ['/etc/passwd', 'is absolute; paths must be relative to the snapshot folder'],
    ['C:\\Temp\\mv.xml', 'is absolute; paths must be relative to the snapshot folder'],
    ['\\\\server\\share\\mv.xml', 'is absolute; paths must be relative to the snapshot folder'],
    ['Metaverse/../../secret.xml', 'contains "..", which would leave the snapshot folder'],
    ['..', 'contains "..", which would leave the snapshot folder'],
    ['', 'is empty'],
    ['a\u0000b', 'contains control characters'],
  ])('refuses the metaverse path %j', (path, problem) => {
    const { manifest, issues } = parse({ synclensSnapshot: 1, metaverse: [path, 'Metaverse/ok.xml'] })

    expect(manifest?.metaverse).toEqual(['Metaverse/ok.xml'])
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'snapshot.json',
        line: null,
        column: null,
        message: `metaverse[0] "${path}" ${problem}; the entry is ignored.`,
      },
    ])
  })

  it('reads backslash and dot segments as a normal relative path, with a warning for backslashes', () => {
    const { manifest, issues } = parse({
      synclensSnapshot: 1,
      ruleScripts: ['Rules\\.\\custom.ps1', './Rules//b.ps1'],
    })

    expect(manifest?.ruleScripts).toEqual(['Rules/custom.ps1', 'Rules/b.ps1'])
    expect(issues.map((issue) => issue.message)).toEqual([
      'ruleScripts[0] "Rules\\.\\custom.ps1" uses backslashes; read as "Rules/custom.ps1".',
    ])
  })

  it('drops a connector space entry without a usable file and keeps the others', () => {
    const { manifest, issues } = parse({
      synclensSnapshot: 1,
      connectorSpaces: [
        { connectorName: 'x', file: '../x.xml' },
        'nope',
        { connectorName: 'y', file: 'cs/y.xml' },
      ],
    })

    expect(manifest?.connectorSpaces).toEqual([
      { connectorId: null, connectorName: 'y', file: 'cs/y.xml', filter: null },
    ])
    expect(issues.map((issue) => issue.message)).toEqual([
      'connectorSpaces[0].file "../x.xml" contains "..", which would leave the snapshot folder; the entry is ignored.',
      'connectorSpaces[1] should be an object with connectorId, connectorName and file; it is ignored.',
    ])
  })

  it.each([
    [
      { synclensSnapshot: 1, server: 42 },
      'warning: The manifest field "server" should be a string; it is ignored.',
    ],
    [
      { synclensSnapshot: 1, stagingMode: 'yes' },
      'warning: The manifest field "stagingMode" should be true or false; it is ignored.',
    ],
    [
      { synclensSnapshot: 1, exportedAt: '25/11/2026' },
      'warning: The manifest field "exportedAt" is "25/11/2026", not an ISO 8601 date and time such as 2026-11-25T10:00:00Z; it is ignored.',
    ],
    [
      { synclensSnapshot: 1, metaverseObjectCount: -3 },
      'warning: The manifest field "metaverseObjectCount" should be a whole number of 0 or more; it is ignored.',
    ],
    [
      { synclensSnapshot: 1, colour: 'blue' },
      'warning: The manifest field "colour" is unknown; it is ignored.',
    ],
    [
      { synclensSnapshot: 1, ['__proto__']: 'x' },
      'warning: The manifest field "__proto__" is unknown; it is ignored.',
    ],
    [
      { synclensSnapshot: 1, metaverse: 'Metaverse/mv.xml' },
      'error: The manifest field "metaverse" should be an array of relative paths; it is ignored.',
    ],
    [
      { synclensSnapshot: 1, connectorSpaces: [{ connectorId: 'AAD', file: 'cs.xml' }] },
      'warning: connectorSpaces[0].connectorId "AAD" is not a GUID; it may not match any connector.',
    ],
    [
      { synclensSnapshot: 1, connectorSpaces: [{ file: 'a.xml', colour: 1 }] },
      'warning: The field "colour" of connectorSpaces[0] is unknown; it is ignored.',
    ],
    [
      { synclensSnapshot: 1, metaverse: ['mv.xml'], ruleScripts: ['MV.xml'] },
      'warning: The manifest lists "MV.xml" more than once.',
    ],
    [
      { synclensSnapshot: 1, connectorSpaces: [{ file: 'a.xml', connectorName: 7, filter: false }] },
      'warning: connectorSpaces[0].connectorName should be a string; it is ignored.',
      'warning: connectorSpaces[0].filter should be a string; it is ignored.',
    ],
    [
      { synclensSnapshot: 1, connectorSpaces: [{ file: 'a.xml', connectorId: 42 }] },
      'warning: connectorSpaces[0].connectorId should be a GUID string; it is ignored.',
    ],
    [
      { synclensSnapshot: 1, serverConfiguration: 3 },
      'error: The manifest field "serverConfiguration" should be a relative path string; the entry is ignored.',
    ],
    [
      { synclensSnapshot: 1, connectorSpaces: { file: 'a.xml' } },
      'error: The manifest field "connectorSpaces" should be an array of objects; it is ignored.',
    ],
    [
      { synclensSnapshot: 2, future: true },
      'warning: The manifest is version 2, newer than this SyncLens (1); only the fields it knows are read.',
    ],
  ])('reports %j', (value, ...expected) => {
    expect(messages(value)).toEqual(expected)
  })

  it('quotes at most an excerpt of a huge value in a message', () => {
    const huge = 'x'.repeat(5_000_000)

    const [message] = messages({ synclensSnapshot: 1, exportedAt: huge })

    expect(message).toMatch(
      /^warning: The manifest field "exportedAt" is "x{120}…" \(5000000 characters\), not/,
    )
    expect(message?.length).toBeLessThan(300)
  })

  it.each([
    [{ server: 'x' }, 'The manifest has "synclensSnapshot": nothing; expected 1. It is ignored.'],
    [{ synclensSnapshot: '1' }, 'The manifest has "synclensSnapshot": "1"; expected 1. It is ignored.'],
    [{ synclensSnapshot: 0 }, 'The manifest has "synclensSnapshot": 0; expected 1. It is ignored.'],
    [[1, 2], 'The manifest must be a JSON object { ... }; it is ignored.'],
  ])('refuses %j', (value, message) => {
    const { manifest, issues } = parse(value)

    expect(manifest).toBeNull()
    expect(issues.map((issue) => issue.message)).toEqual([message])
  })

  it('reports a JSON syntax error with its line and column', () => {
    const { manifest, issues } = parseManifest('{\n  "synclensSnapshot": 1,\n  "server": }', 'snapshot.json')

    expect(manifest).toBeNull()
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ severity: 'error', line: 3, column: 13 })
    expect(issues[0]?.message).toMatch(/^The manifest is not valid JSON \(.+\); it is ignored\.$/)
  })

  it('returns a result for any text, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        (text) => {
          const result = parseManifest(text, 'any.json')
          expect(result.manifest === null || result.manifest.synclensSnapshot >= 1).toBe(true)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('looksLikeManifest', () => {
  it.each([
    [JSON.stringify(COMPLETE), true],
    ['\ufeff  {\n "synclensSnapshot" : 1 }', true],
    ['{"server": "x"}', false],
    ['<mv-objects/>', false],
    ['', false],
  ])('recognises %#', (text, expected) => {
    expect(looksLikeManifest(text)).toBe(expected)
  })
})

describe('manifest field lists', () => {
  it('name every field of the schema once', () => {
    expect(MANIFEST_FIELDS).toEqual(Object.keys(COMPLETE))
    expect(CONNECTOR_SPACE_FIELDS).toEqual(Object.keys(COMPLETE.connectorSpaces[0] ?? {}))
  })
})
