import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { snapshotAnswers as answers } from '../shared/load/testing/snapshot-answers'
import type { TrainingSnapshotOptions } from '../shared/training/index'
import { loadSnapshot } from '../shared/load/load-snapshot'
import { cacheWritesSettled } from './cache-writes'
import type { ObjectCacheSettings } from './object-cache'
import * as shipping from '../scripts/ship-training.mjs'
import { SHIPPED_TRAINING_FILE, SHIPPED_TRAINING_MAGIC } from '../shared/training/shipped-entry'
import type { RunningBundle } from './running-bundle'
import { trainingSnapshotSource } from './training-cache'

let root: string
let settings: ObjectCacheSettings
const training = { users: 40 }

async function entryWritten(): Promise<string[]> {
  await cacheWritesSettled()
  return fs.existsSync(settings.folder) ? fs.readdirSync(settings.folder) : []
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-training-'))
  settings = { enabled: true, folder: path.join(root, 'stores'), maxBytes: 2 ** 30 }
})

afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('the training snapshot kept in the cache', () => {
  const key = (): Promise<string> => Promise.resolve('build-1')

  it('reopens with the same snapshot as a generated one, without generating it', async () => {
    const first = await loadSnapshot(await trainingSnapshotSource({ settings, buildKey: key, training }))
    expect((await entryWritten()).filter((name) => name.startsWith('training-'))).toHaveLength(1)

    const kept = await trainingSnapshotSource({ settings, buildKey: key, training })
    expect(kept.accelerators?.cache).toBeDefined()
    const again = await loadSnapshot(kept)

    expect(answers(again)).toEqual(answers(first))
  })

  it('generates the snapshot again when the kept entry is damaged, and still answers the same', async () => {
    const first = await loadSnapshot(await trainingSnapshotSource({ settings, buildKey: key, training }))
    const [name] = await entryWritten()
    const file = path.join(settings.folder, name ?? '')
    const bytes = fs.readFileSync(file)
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 1000))

    const again = await loadSnapshot(await trainingSnapshotSource({ settings, buildKey: key, training }))

    expect(answers(again)).toEqual(answers(first))
  })

  it('generates it each time where there is no build to key it by, or the cache is off', async () => {
    const unkeyed = await trainingSnapshotSource({
      settings,
      buildKey: () => Promise.resolve(null),
      training,
    })
    const off = await trainingSnapshotSource({
      settings: { ...settings, enabled: false },
      buildKey: key,
      training,
    })

    expect(unkeyed.accelerators).toBeUndefined()
    expect(off.accelerators).toBeUndefined()
  })
})

describe('the build a kept training snapshot belongs to', () => {
  it("is the content of the running bundle, its file's or the app worker's text", async () => {
    const file = path.join(root, 'synclens-main.cjs')
    fs.writeFileSync(file, 'console.log(1)\n')
    /** The entries the cache keeps after an open by `bundle`, the folder emptied after. */
    const keptFor = async (bundle: RunningBundle | null): Promise<string[]> => {
      await loadSnapshot(await trainingSnapshotSource({ settings, bundle, training }))
      const names = await entryWritten()
      fs.rmSync(settings.folder, { recursive: true, force: true })
      return names
    }
    const fromFile = await keptFor({ kind: 'file', path: file })

    expect(fromFile).toEqual([expect.stringMatching(/^training-[0-9a-f]{40}\.slstore$/)])
    expect(await keptFor({ kind: 'source', code: 'console.log(1)\n' })).toEqual(fromFile)
    expect(await keptFor({ kind: 'source', code: 'console.log(2)\n' })).not.toEqual(fromFile)
    expect(await keptFor(null)).toEqual([])
    expect(await keptFor({ kind: 'file', path: path.join(root, 'gone.cjs') })).toEqual([])
  })
})

describe('the training snapshot shipped beside the bundle', () => {
  const off = (): ObjectCacheSettings => ({ ...settings, enabled: false })
  let bundleFile: string
  let entry: Buffer
  let generated: unknown

  /** Writes what the build ships beside bundleFile, labelled as given. */
  function ship(label: object, objects: Buffer = entry, magic = SHIPPED_TRAINING_MAGIC): string {
    const file = path.join(path.dirname(bundleFile), SHIPPED_TRAINING_FILE)
    fs.writeFileSync(file, Buffer.concat([Buffer.from(`${magic}${JSON.stringify(label)}\n`), objects]))
    return file
  }

  const ownLabel = (): object => ({
    bundle: crypto.createHash('sha256').update(fs.readFileSync(bundleFile)).digest('hex'),
    users: training.users,
    seed: null,
  })

  beforeEach(async () => {
    bundleFile = path.join(root, 'build', 'synclens-main.cjs')
    fs.mkdirSync(path.dirname(bundleFile), { recursive: true })
    fs.writeFileSync(bundleFile, '"use strict";\n')
    // The entry the cache keeps is what the build ships (scripts/ship-training.mjs takes it from the command's).
    generated = answers(
      await loadSnapshot(
        await trainingSnapshotSource({ settings, buildKey: () => Promise.resolve('build-1'), training }),
      ),
    )
    const [name] = await entryWritten()
    entry = fs.readFileSync(path.join(settings.folder, name ?? ''))
    fs.rmSync(settings.folder, { recursive: true })
  })

  it('is read, with the cache off too, from the folder of the bundle or of the file the app read its text from', async () => {
    ship(ownLabel())
    const bundles = [
      { kind: 'file', path: bundleFile } as const,
      { kind: 'source', code: fs.readFileSync(bundleFile, 'utf8'), file: bundleFile } as const,
    ]
    for (const bundle of bundles) {
      const source = await trainingSnapshotSource({ settings: off(), bundle, training })
      // Only an entry gives the source a cache to read: a generated snapshot has none with the cache off.
      expect(source.accelerators?.cache).toBeDefined()
      expect(answers(await loadSnapshot(source))).toEqual(generated)
    }
    expect(await entryWritten()).toEqual([])
  })

  it('is not used for another bundle, other generator options, or a file that is not an entry', async () => {
    const bundle = { kind: 'file', path: bundleFile } as const
    const unused = async (options: TrainingSnapshotOptions = training): Promise<void> => {
      const source = await trainingSnapshotSource({ settings: off(), bundle, training: options })
      expect(source.accelerators).toBeUndefined()
    }
    ship({ ...ownLabel(), bundle: crypto.createHash('sha256').update('another build').digest('hex') })
    await unused()
    ship(ownLabel())
    await unused({ users: 41 })
    await unused({ ...training, seed: 7 })
    ship(ownLabel(), entry, 'SYNCLENS-TRAINING 9\n')
    await unused()
    ship(ownLabel(), entry.subarray(0, 10))
    await unused()
    fs.writeFileSync(
      path.join(path.dirname(bundleFile), SHIPPED_TRAINING_FILE),
      SHIPPED_TRAINING_MAGIC + '{"bundle":\n',
    )
    await unused()
    // The app's worker started from a text it was not told the file of finds nothing beside it.
    ship(ownLabel())
    const text = await trainingSnapshotSource({
      settings: off(),
      bundle: { kind: 'source', code: fs.readFileSync(bundleFile, 'utf8') },
      training,
    })
    expect(text.accelerators).toBeUndefined()
  })

  it('answers the same when its objects are damaged, keeps them in the cache and never writes beside the bundle', async () => {
    const file = ship(ownLabel(), entry.subarray(0, entry.length - 1000))
    const before = fs.readFileSync(file)
    const bundle = { kind: 'file', path: bundleFile } as const

    const source = await trainingSnapshotSource({
      settings,
      bundle,
      buildKey: () => Promise.resolve('b'),
      training,
    })
    expect(answers(await loadSnapshot(source))).toEqual(generated)

    expect((await entryWritten()).filter((name) => name.startsWith('training-'))).toHaveLength(1)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(fs.readdirSync(path.dirname(bundleFile)).sort()).toEqual([
      'synclens-main.cjs',
      SHIPPED_TRAINING_FILE,
    ])
    // The next open reads the cache's entry, which comes first.
    const next = await trainingSnapshotSource({
      settings,
      bundle,
      buildKey: () => Promise.resolve('b'),
      training,
    })
    expect(answers(await loadSnapshot(next))).toEqual(generated)
  })

  it('is written by the build under the name and first line this module reads', () => {
    expect(shipping.SHIPPED_TRAINING_FILE).toBe(SHIPPED_TRAINING_FILE)
    expect(shipping.SHIPPED_TRAINING_MAGIC).toBe(SHIPPED_TRAINING_MAGIC)
  })
})
