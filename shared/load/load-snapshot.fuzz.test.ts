import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzParameters, hostileBytes, mutatedText } from '../../test-support/fuzz'
import {
  AAD_CONNECTOR_XML,
  AD_CONNECTOR_XML,
  INBOUND_RULE_XML,
  MV_XML,
  OUTBOUND_RULE_XML,
} from '../../test-support/serverconfig-fixtures'
import { DETECTION_HEAD_BYTES, detectFileKind } from '../io/detect'
import { loadSnapshot, NotASnapshotError } from './load-snapshot'
import { memoryFile, type SnapshotSource } from '../io/source'

const fixture = (...parts: string[]): string => fs.readFileSync(path.join(__dirname, '..', ...parts), 'utf8')

const TEXTS: readonly string[] = [
  INBOUND_RULE_XML,
  OUTBOUND_RULE_XML,
  AD_CONNECTOR_XML,
  AAD_CONNECTOR_XML,
  MV_XML,
  fixture('formats', 'csexport', 'fixtures', 'aad-full-object.xml'),
  fixture('formats', 'mv-objects', 'fixtures', 'mv-objects.xml'),
  fixture('formats', 'ps1', 'fixtures', 'inbound-contractor.ps1'),
  '{"synclensSnapshot": 1, "connectorSpaces": []}',
]

const PATH_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'rule.xml',
  'a/../b.xml',
  'C:\\x.xml',
  'é/ü.ps1',
  '',
]

const fileContent: fc.Arbitrary<Uint8Array> = fc.oneof(
  mutatedText(fc.constantFrom(...TEXTS)).map((text) => new TextEncoder().encode(text)),
  fc.constantFrom(...TEXTS).map((text) => new TextEncoder().encode(text)),
  hostileBytes,
)

const source: fc.Arbitrary<SnapshotSource> = fc
  .array(fc.tuple(fc.constantFrom(...PATH_NAMES), fileContent, fc.integer({ min: 1, max: 4096 })), {
    maxLength: 6,
  })
  .map((files) => ({
    name: 'fuzz',
    files: files.map(([name, bytes, chunk], index) => memoryFile(`${index}/${name}`, bytes, chunk)),
  }))

describe('detectFileKind on arbitrary heads', () => {
  it('names a kind for any bytes', () => {
    fc.assert(
      fc.property(fc.oneof(hostileBytes, fileContent), (head) => {
        expect(typeof detectFileKind(head.subarray(0, DETECTION_HEAD_BYTES))).toBe('string')
      }),
      fuzzParameters(2000),
    )
  })
})

describe('loadSnapshot on random file sets', () => {
  it('loads with issues or says it is not a snapshot, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(source, async (snapshotSource) => {
        try {
          const loaded = await loadSnapshot(snapshotSource)

          for (const issue of loaded.issues) expect(issue.message.length).toBeGreaterThan(0)
          expect(loaded.fileKinds.size).toBe(new Set(snapshotSource.files.map((file) => file.path)).size)
        } catch (error) {
          expect(error).toBeInstanceOf(NotASnapshotError)
        }
      }),
      fuzzParameters(300),
    )
  })
})
