import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { pushInChunks } from '../../test-support/fuzz'
import { evaluateExpression } from '../expression/evaluate'
import { MAX_VALUE_LENGTH } from '../expression/limits'
import { CsExportReader } from '../formats/csexport/csexport-reader'
import { parseManifest } from '../formats/manifest/manifest'
import { MvObjectsReader } from '../formats/mv-objects/mv-objects-reader'
import { parseRuleScript } from '../formats/ps1/rule-script'
import type { LoadIssue } from '../model/load-issue'
import { decodeText } from '../text/decode'
import { parseXmlTree } from '../xml/element-tree'
import { openZipSource } from '../io/zip-source'

const CORPUS = path.resolve(__dirname, '..', '..', 'test-support', 'corpus')

/** Replays one corpus input through its entry point; true when a result or a structured problem came back. */
type Replay = (bytes: Uint8Array, name: string) => boolean | Promise<boolean>

function readObjects(kind: 'csexport' | 'mv-objects'): Replay {
  return (bytes, name) => {
    const issues: LoadIssue[] = []
    const options = {
      file: name,
      onObject: () => undefined,
      onIssue: (issue: LoadIssue) => issues.push(issue),
    }
    const reader = kind === 'csexport' ? new CsExportReader(options) : new MvObjectsReader(options)
    pushInChunks(bytes, [1, 7, 64], (chunk) => reader.push(chunk))
    const summary = reader.end()
    return summary.bytes === bytes.length && (!summary.partial || issues.length > 0)
  }
}

const HALF = new Map([['half', 'x'.repeat(MAX_VALUE_LENGTH / 2)]])

const REPLAYS: ReadonlyMap<string, Replay> = new Map<string, Replay>([
  ['xml-tree', (bytes) => !parseXmlTree(decodeText(bytes)).ok],
  ['csexport', readObjects('csexport')],
  ['mv-objects', readObjects('mv-objects')],
  [
    'expression',
    (bytes) => {
      const context = { attribute: (name: string) => HALF.get(name), parameter: () => undefined }
      const evaluation = evaluateExpression(decodeText(bytes), context, { trace: true })
      return evaluation.trace.every((step) => step.result.length < 2000)
    },
  ],
  ['ps1', (bytes, name) => parseRuleScript(decodeText(bytes), name).issues.length > 0],
  ['manifest', (bytes, name) => parseManifest(decodeText(bytes), name).issues.length > 0],
  ['zip', async (bytes, name) => !(await openZipSource(name, bytes)).ok],
])

const cases = [...REPLAYS.keys()].flatMap((folder) =>
  fs.readdirSync(path.join(CORPUS, folder)).map((file) => [folder, file] as const),
)

describe('regression corpus', () => {
  it('has an entry point for every folder', () => {
    const folders = fs.readdirSync(CORPUS, { withFileTypes: true }).filter((entry) => entry.isDirectory())

    expect(folders.map((entry) => entry.name).sort()).toEqual([...REPLAYS.keys()].sort())
  })

  it.each(cases)('%s/%s yields a structured result', async (folder, file) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS, folder, file)))
    const replay = REPLAYS.get(folder)

    expect(await replay?.(bytes, file)).toBe(true)
  })
})
