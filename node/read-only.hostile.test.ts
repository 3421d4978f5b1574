import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { zipSync, type Zippable } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SAMPLES_DIR, SAMPLES_SKIP_REASON, samplesAvailable } from '../test-support/samples'
import { loadSnapshot, NotASnapshotError } from '../shared/load/load-snapshot'
import { generateTrainingFiles } from '../shared/training'
import { openDiskSource } from './disk-source'

const ROOT = path.resolve(__dirname, '..')

/** Size, modification time and content hash of one file. */
interface FileState {
  readonly size: number
  readonly mtimeMs: number
  readonly sha256: string
}

function walkFiles(target: string): string[] {
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return [target]
  return fs
    .readdirSync(target, { withFileTypes: true })
    .flatMap((entry) => walkFiles(path.join(target, entry.name)))
}

function stateOf(target: string): Map<string, FileState> {
  return new Map(
    walkFiles(target).map((file) => {
      const stat = fs.statSync(file)
      const sha256 = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
      return [file, { size: stat.size, mtimeMs: stat.mtimeMs, sha256 }]
    }),
  )
}

async function loadFrom(target: string): Promise<'loaded' | 'not-a-snapshot'> {
  const source = await openDiskSource(target)
  try {
    await loadSnapshot(source)
    return 'loaded'
  } catch (error) {
    if (error instanceof NotASnapshotError) return 'not-a-snapshot'
    throw error
  }
}

let trainingFolder = ''
let trainingZip = ''

beforeAll(() => {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-readonly-'))
  trainingFolder = path.join(temp, 'training')
  const zippable: Zippable = {}
  generateTrainingFiles({ users: 50 }, (relative, chunk) => {
    const file = path.join(trainingFolder, ...relative.split('/'))
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.appendFileSync(file, chunk)
  })
  for (const file of walkFiles(trainingFolder)) {
    zippable[path.relative(temp, file).split(path.sep).join('/')] = new Uint8Array(fs.readFileSync(file))
  }
  trainingZip = path.join(temp, 'training.zip')
  fs.writeFileSync(trainingZip, zipSync(zippable))
})

afterAll(() => {
  if (trainingFolder) fs.rmSync(path.dirname(trainingFolder), { recursive: true, force: true })
})

const REPO_FIXTURES = [
  'e2e/fixtures/serverconfig-small',
  'shared/formats/csexport/fixtures',
  'shared/formats/mv-objects/fixtures',
  'shared/formats/ps1/fixtures',
  'test-support/corpus',
]

describe('loading never writes into a snapshot', () => {
  it('finds every fixture folder of the repository in the list', () => {
    const found = walkFixtureFolders(path.join(ROOT, 'shared')).map((folder) => path.relative(ROOT, folder))

    expect(REPO_FIXTURES).toEqual(expect.arrayContaining(found))
  })

  it.each(REPO_FIXTURES)('leaves %s byte for byte and time for time as it was', async (relative) => {
    const target = path.join(ROOT, relative)
    const before = stateOf(target)

    await loadFrom(target)

    expect(stateOf(target)).toEqual(before)
  })

  it('leaves the training snapshot folder and its zip as they were', async () => {
    const before = [stateOf(trainingFolder), stateOf(trainingZip)]

    expect(await loadFrom(trainingFolder)).toBe('loaded')
    expect(await loadFrom(trainingZip)).toBe('loaded')

    expect([stateOf(trainingFolder), stateOf(trainingZip)]).toEqual(before)
  })

  it.skipIf(!samplesAvailable)(
    `leaves the shared samples as they were (${SAMPLES_SKIP_REASON})`,
    async () => {
      const before = stateOf(SAMPLES_DIR)

      for (const folder of fs.readdirSync(SAMPLES_DIR, { withFileTypes: true })) {
        if (folder.isDirectory()) await loadFrom(path.join(SAMPLES_DIR, folder.name))
      }

      expect(stateOf(SAMPLES_DIR)).toEqual(before)
    },
  )
})

function walkFixtureFolders(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) return []
    const full = path.join(folder, entry.name)
    return entry.name === 'fixtures' ? [full] : walkFixtureFolders(full)
  })
}
