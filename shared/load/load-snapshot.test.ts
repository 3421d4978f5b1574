import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { folderSource, textSource, utf16le, utf8WithBom } from '../../test-support/fs-source'
import { CONTOSO_SERVERCONFIG, SAMPLES_SKIP_REASON, samplesAvailable } from '../../test-support/samples'
import {
  AAD_CONNECTOR_XML,
  AD_CONNECTOR_XML,
  INBOUND_RULE_XML,
  MV_XML,
  OUTBOUND_RULE_XML,
} from '../../test-support/serverconfig-fixtures'
import { strToU8, zipSync } from 'fflate'
import { memoryFile, type SnapshotSource } from '../io/source'
import { openZipSource } from '../io/zip-source'
import { loadSnapshot, NotASnapshotError } from './load-snapshot'
import { LoadCancelled } from '../model/cancel'

const crlf = (text: string): string => text.replace(/\n/g, '\r\n')

describe('loadSnapshot', () => {
  it('reads a server configuration whatever the encoding and line ends of each file', async () => {
    const source = textSource('Fixture', {
      'Connectors/Connector_{aaaa0000-1111-4222-8333-444455556666}.xml': utf8WithBom(AD_CONNECTOR_XML),
      'Connectors/Connector_{b891884f-051e-4a83-95af-2544101c9083}.xml': utf16le(crlf(AAD_CONNECTOR_XML)),
      'SynchronizationRules/SynchronizationRule_{1}.xml': crlf(INBOUND_RULE_XML),
      'SynchronizationRules/SynchronizationRule_{2}.xml': OUTBOUND_RULE_XML,
      'GlobalSettings/MV.xml': MV_XML,
      'notes.txt': 'not a snapshot file',
    })

    const snapshot = await loadSnapshot(source)

    expect(snapshot.issues).toEqual([])
    expect(snapshot.configuration.connectors.map((c) => c.name)).toEqual([
      'corp.example.com',
      'example.onmicrosoft.com - AAD',
    ])
    expect(snapshot.configuration.rules.map((r) => [r.name, r.connectorName])).toEqual([
      ['In from AD - Staff Custom', 'corp.example.com'],
      ['Out to AAD - Staff Custom', 'example.onmicrosoft.com - AAD'],
    ])
    expect(snapshot.configuration.rules[0]?.description).toBe('Copies staff data & flags contractors')
    expect(snapshot.configuration.metaverse?.server).toBe('SYNC01')
    expect(snapshot.fileKinds.get('notes.txt')).toBe('unknown')
  })

  it('keeps loading the other files when one is broken, and names the file and position', async () => {
    const source = textSource('Broken', {
      'SynchronizationRules/a.xml': INBOUND_RULE_XML,
      'SynchronizationRules/b.xml': OUTBOUND_RULE_XML.slice(0, 400),
    })

    const snapshot = await loadSnapshot(source)

    expect(snapshot.configuration.rules.map((r) => r.name)).toEqual(['In from AD - Staff Custom'])
    expect(snapshot.issues).toHaveLength(1)
    expect(snapshot.issues[0]).toMatchObject({ severity: 'error', file: 'SynchronizationRules/b.xml' })
    expect(snapshot.issues[0]?.line).toBeGreaterThan(1)
    expect(snapshot.issues[0]?.message).toMatch(/re-export/)
  })

  it('skips a zip entry that cannot be read, naming it, and loads the rest of the zip', async () => {
    const zip = zipSync({
      'Contoso/SynchronizationRules/r1.xml': strToU8(INBOUND_RULE_XML),
      'Contoso/SynchronizationRules/r2.xml': strToU8(OUTBOUND_RULE_XML),
      'Contoso/GlobalSettings/MV.xml': strToU8(MV_XML),
    })
    zip[0] = 0 // r1.xml's local header is gone
    const opened = await openZipSource('Contoso.zip', zip)
    if (!opened.ok) throw new Error(opened.error.message)

    const snapshot = await loadSnapshot(opened.source)

    expect(snapshot.configuration.rules.map((rule) => rule.name)).toEqual(['Out to AAD - Staff Custom'])
    expect(snapshot.configuration.metaverse?.server).toBe('SYNC01')
    expect(snapshot.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: 'SynchronizationRules/r1.xml',
        message: expect.stringMatching(
          /^This file could not be read, so it was skipped: SynchronizationRules\/r1\.xml in Contoso\.zip cannot be found/,
        ),
      }),
    )
  })

  it('reports unreadable files in file order, whichever read fails first', async () => {
    const failing = (name: string, delayMs: number): SnapshotSource['files'][number] => ({
      ...memoryFile(name, strToU8(INBOUND_RULE_XML)),
      head: () =>
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${name} went away`)), delayMs)),
    })
    const source: SnapshotSource = {
      name: 'gone',
      files: [
        failing('SynchronizationRules/a.xml', 30),
        memoryFile('SynchronizationRules/b.xml', strToU8(OUTBOUND_RULE_XML)),
        failing('SynchronizationRules/c.xml', 0),
      ],
    }

    const snapshot = await loadSnapshot(source)

    expect(snapshot.configuration.rules.map((rule) => rule.name)).toEqual(['Out to AAD - Staff Custom'])
    expect(snapshot.issues.map((issue) => [issue.file, issue.message])).toEqual([
      [
        'SynchronizationRules/a.xml',
        'This file could not be read, so it was skipped: SynchronizationRules/a.xml went away',
      ],
      [
        'SynchronizationRules/c.xml',
        'This file could not be read, so it was skipped: SynchronizationRules/c.xml went away',
      ],
    ])
  })

  it('stops reading a connector space once its scanner has failed', async () => {
    let chunksRead = 0
    const broken = strToU8(`<cs-objects><cs-object id="1"><</cs-objects>${' '.repeat(4 << 20)}`)
    const source: SnapshotSource = {
      name: 'broken',
      files: [
        {
          ...memoryFile('cs.xml', broken, 64 * 1024),
          chunks: async function* () {
            for await (const chunk of memoryFile('cs.xml', broken, 64 * 1024).chunks()) {
              chunksRead += 1
              yield chunk
            }
          },
        },
      ],
    }

    const snapshot = await loadSnapshot(source)

    expect(snapshot.issues.some((issue) => issue.severity === 'error' && issue.file === 'cs.xml')).toBe(true)
    expect(chunksRead).toBe(1)
  })

  it('refuses a DOCTYPE without expanding entities', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE synchronizationRule [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' +
      '<synchronizationRule><name>&b;</name></synchronizationRule>'

    const snapshot = await loadSnapshot(
      textSource('Hostile', { 'rule.xml': laughs, 'ok.xml': OUTBOUND_RULE_XML }),
    )

    expect(snapshot.configuration.rules).toHaveLength(1)
    expect(snapshot.issues[0]?.message).toContain('DOCTYPE')
  })

  it('warns about a rule whose connector is not in the snapshot', async () => {
    const source = textSource('Orphan', {
      'c.xml': AAD_CONNECTOR_XML,
      'r.xml': INBOUND_RULE_XML,
    })

    const snapshot = await loadSnapshot(source)

    expect(snapshot.configuration.rules[0]?.connectorName).toBeNull()
    expect(snapshot.issues[0]).toMatchObject({ severity: 'warning', file: 'r.xml' })
    expect(snapshot.issues[0]?.message).toContain('aaaa0000-1111-4222-8333-444455556666')
  })

  it('reads rule scripts and the manifest next to XML rules', async () => {
    const script = fs.readFileSync(
      new URL('../formats/ps1/fixtures/inbound-contractor.ps1', import.meta.url),
      'utf8',
    )
    const manifest = JSON.stringify({
      synclensSnapshot: 1,
      server: 'SYNC02',
      exportedAt: '2026-11-20T10:00:00Z',
      serverConfiguration: 'ServerConfiguration',
      connectorSpaces: [],
      metaverse: [],
      ruleScripts: ['Scripts/contractor.ps1'],
    })

    const snapshot = await loadSnapshot(
      textSource('Mixed', {
        'ServerConfiguration/r.xml': OUTBOUND_RULE_XML,
        'Scripts/contractor.ps1': utf16le(crlf(script)),
        'snapshot.json': manifest,
      }),
    )

    expect(snapshot.configuration.rules.map((r) => [r.name, r.origin])).toEqual([
      ['In from AD - Contractor Join', 'Scripts/contractor.ps1'],
      ['Out to AAD - Staff Custom', 'ServerConfiguration/r.xml'],
    ])
    expect(snapshot.manifest?.server).toBe('SYNC02')
    expect(snapshot.fileKinds.get('Scripts/contractor.ps1')).toBe('rule-script')
  })

  it('flags bytes that are not valid in the file encoding, and still reads the file', async () => {
    const latin1 = new TextEncoder().encode(
      OUTBOUND_RULE_XML.replace('<description />', '<description>Caf_</description>'),
    )
    latin1[latin1.indexOf(0x5f)] = 0xe9

    const snapshot = await loadSnapshot(textSource('Latin1', { 'r.xml': latin1 }))

    expect(snapshot.configuration.rules[0]?.description).toBe('Caf\ufffd')
    expect(snapshot.issues[0]).toMatchObject({ severity: 'warning', file: 'r.xml', line: 4 })
    expect(snapshot.issues[0]?.message).toContain('not valid in its encoding')
  })

  it('says clearly when a folder holds no snapshot file', async () => {
    const load = loadSnapshot(textSource('Photos', { 'a.txt': 'hello', 'b.json': '{"x":1}' }))

    await expect(load).rejects.toBeInstanceOf(NotASnapshotError)
    await expect(load).rejects.toThrow(/Photos holds no snapshot file \(2 file\(s\) looked at\)/)
  })

  it('says an empty folder is empty', async () => {
    const load = loadSnapshot(textSource('Export', {}))

    await expect(load).rejects.toBeInstanceOf(NotASnapshotError)
    await expect(load).rejects.toThrow(/^Export is empty: it holds no file\./)
  })

  it('stops when cancelled', async () => {
    const signal = { aborted: false }
    const source = textSource('Fixture', { 'a.xml': INBOUND_RULE_XML, 'b.xml': OUTBOUND_RULE_XML })

    const load = loadSnapshot(source, () => (signal.aborted = true), signal)

    await expect(load).rejects.toBeInstanceOf(LoadCancelled)
  })

  it('reports progress per file and in total', async () => {
    const seen: number[] = []
    const source = textSource('Fixture', { 'a.xml': INBOUND_RULE_XML, 'b.xml': OUTBOUND_RULE_XML })

    await loadSnapshot(source, (progress) => seen.push(progress.bytesRead))

    expect(seen.at(-1)).toBe(INBOUND_RULE_XML.length + OUTBOUND_RULE_XML.length)
  })
})

describe.skipIf(!samplesAvailable)(`loadSnapshot on the real Contoso export (${SAMPLES_SKIP_REASON})`, () => {
  it('reads 62 rules and 2 connectors with no issue', async () => {
    const snapshot = await loadSnapshot(folderSource(CONTOSO_SERVERCONFIG))

    expect(snapshot.issues).toEqual([])
    expect(snapshot.configuration.rules).toHaveLength(62)
    expect(
      snapshot.configuration.connectors.map((c) => [c.name, c.type, c.selectedAttributes.length]),
    ).toEqual([
      ['contoso.com', 'AD', 132],
      ['contoso.onmicrosoft.com - AAD', 'AAD', 161],
    ])
    expect(snapshot.configuration.metaverse?.serverConfigurationVersion).toBe('1.1.130.0')
    expect(snapshot.configuration.metaverse?.schema.attributes).toHaveLength(219)
  })

  it('reads "In from AD - User Join" as the Synchronization Rules Editor shows it', async () => {
    const snapshot = await loadSnapshot(folderSource(CONTOSO_SERVERCONFIG))

    const rule = snapshot.configuration.rules.find((r) => r.name === 'In from AD - User Join')

    expect(rule).toMatchObject({
      precedence: 100,
      direction: 'Inbound',
      linkType: 'Provision',
      connectorName: 'contoso.com',
      immutableTag: 'Microsoft.InfromADUserJoin.003',
    })
    expect(rule?.scopeGroups).toHaveLength(1)
    expect(rule?.joinGroups).toHaveLength(5)
    expect(rule?.flows.map((f) => [f.target, f.flowType])).toEqual([['cloudFiltered', 'Expression']])
  })

  it('matches the documented totals: 28 inbound, 34 outbound, 1200 mappings, apply-once flows', async () => {
    const { configuration } = await loadSnapshot(folderSource(CONTOSO_SERVERCONFIG))

    expect(configuration.rules.filter((r) => r.direction === 'Inbound')).toHaveLength(28)
    expect(configuration.rules.reduce((sum, r) => sum + r.flows.length, 0)).toBe(1200)
    const computerJoin = configuration.rules.find((r) => r.name === 'In from AD - Computer Join')
    expect(computerJoin?.flows.filter((f) => f.applyOnce).map((f) => f.target)).toEqual([
      'cloudCreated',
      'registeredOwnerReference',
    ])
    expect(configuration.rules.map((r) => r.precedence)).toEqual(
      [...configuration.rules]
        .sort((a, b) =>
          a.direction === b.direction ? a.precedence - b.precedence : a.direction === 'Inbound' ? -1 : 1,
        )
        .map((r) => r.precedence),
    )
  })
})
