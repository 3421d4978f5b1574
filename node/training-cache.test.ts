import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { summarize } from '../shared/load/summarize'
import { type LoadedSnapshot, loadSnapshot } from '../shared/load/load-snapshot'
import { cacheWritesSettled } from './cache-writes'
import type { ObjectCacheSettings } from './object-cache'
import { bundleKey, trainingSnapshotSource } from './training-cache'

let root: string
let settings: ObjectCacheSettings
const training = { users: 40 }

function answers(loaded: LoadedSnapshot): unknown {
  const store = loaded.objects
  return {
    summary: summarize(loaded),
    rules: loaded.configuration.rules,
    fileKinds: [...loaded.fileKinds],
    manifest: loaded.manifest,
    cs: Array.from({ length: store.csRowCount }, (_, row) => store.csObjectAt(row)),
    mv: Array.from({ length: store.mvRowCount }, (_, row) => store.mvObjectAt(row)),
  }
}

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
    const fromFile = await bundleKey({ kind: 'file', path: file })
    const fromText = await bundleKey({ kind: 'source', code: 'console.log(1)\n' })
    const otherText = await bundleKey({ kind: 'source', code: 'console.log(2)\n' })

    expect(fromFile).toMatch(/^[0-9a-f]{40}$/)
    expect(fromText).toBe(fromFile)
    expect(otherText).not.toBe(fromText)
    expect(await bundleKey(null)).toBeNull()
    expect(await bundleKey({ kind: 'file', path: path.join(root, 'gone.cjs') })).toBeNull()
  })
})
