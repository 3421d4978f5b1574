import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type LoadedSnapshot, loadSnapshot } from '../shared/load/load-snapshot'
import { BinaryReader } from '../shared/store/binary'
import { STORE_FORMAT_VERSION } from '../shared/store/object-store'
import { generateTrainingFiles } from '../shared/training/index'
import { cacheWritesSettled } from './cache-writes'
import { openDiskSource } from './disk-source'
import { objectCacheSettings, openFileInput } from './object-cache'
import { ObjectStore } from '../shared/store/object-store'
import { longTextObject, longTextStore } from '../shared/store/testing/long-texts'

let root: string
let snapshot: string
let cacheFolder: string
const saved = { ...process.env }

function answers(loaded: LoadedSnapshot): unknown {
  const store = loaded.objects
  return {
    issues: loaded.issues,
    source: store.metaverseSource,
    counts: store.counts(),
    cs: Array.from({ length: store.csRowCount }, (_, row) => store.csObjectAt(row)),
    mv: Array.from({ length: store.mvRowCount }, (_, row) => store.mvObjectAt(row)),
    byDn: Array.from({ length: store.csRowCount }, (_, row) => store.csRowsByDn(store.csObjectAt(row).dn)),
  }
}

function entries(): string[] {
  return fs.existsSync(cacheFolder)
    ? fs.readdirSync(cacheFolder).filter((name) => name.endsWith('.slstore'))
    : []
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-cache-'))
  snapshot = path.join(root, 'snapshot')
  generateTrainingFiles({ users: 60 }, (relative, chunk) => {
    const file = path.join(snapshot, relative)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.appendFileSync(file, chunk)
  })
  process.env.SYNCLENS_CACHE = 'on'
  process.env.SYNCLENS_CACHE_DIR = path.join(root, 'cache')
  cacheFolder = objectCacheSettings().folder
})

afterEach(() => {
  process.env = { ...saved }
  fs.rmSync(root, { recursive: true, force: true })
})

describe('the reopen cache of a snapshot on disk', () => {
  it('keeps a store outside the snapshot that reopens with the same answers', async () => {
    const first = await loadSnapshot(await openDiskSource(snapshot))
    await cacheWritesSettled()
    expect(entries()).toHaveLength(1)
    expect(fs.readdirSync(snapshot).some((name) => name.endsWith('.slstore'))).toBe(false)
    const entry = path.join(cacheFolder, entries()[0] ?? '')
    const aged = new Date(Date.now() - 60_000)
    fs.utimesSync(entry, aged, aged)

    const again = await loadSnapshot(await openDiskSource(snapshot))

    // Read from the cache: a read marks the entry as recently used.
    expect(fs.statSync(entry).mtimeMs).toBeGreaterThan(aged.getTime())
    expect(answers(again)).toEqual(answers(first))
  })

  it('reads a changed file afresh, under a new key', async () => {
    await loadSnapshot(await openDiskSource(snapshot))
    await cacheWritesSettled()
    const file = path.join(snapshot, 'ConnectorSpaces', 'contoso.com.xml')
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('</cs-objects>', '</cs-objects>\n'))

    const changed = await loadSnapshot(await openDiskSource(snapshot))
    await cacheWritesSettled()

    expect(entries()).toHaveLength(2)
    expect(answers(await loadSnapshot(await openDiskSource(snapshot)))).toEqual(answers(changed))
  })

  it('reads the files when the cache entry is damaged, and replaces it', async () => {
    const first = await loadSnapshot(await openDiskSource(snapshot))
    await cacheWritesSettled()
    const [name] = entries()
    fs.writeFileSync(path.join(cacheFolder, name ?? ''), 'damaged')

    const again = await loadSnapshot(await openDiskSource(snapshot))

    expect(answers(again)).toEqual(answers(first))
  })

  it.each([
    ['cut inside a section', (entry: Buffer): Buffer => entry.subarray(0, Math.floor(entry.length * 0.6))],
    [
      'given a section of the wrong length',
      (entry: Buffer): Buffer => {
        const damaged = Buffer.from(entry)
        const storeStart = 4 + damaged.readUInt32LE(0)
        // The store's first table begins with the length of its row flags: one row more than it holds.
        const reader = new BinaryReader(damaged.subarray(storeStart), STORE_FORMAT_VERSION)
        reader.json()
        reader.uint()
        const at = storeStart + reader.position
        damaged.writeUInt32LE(damaged.readUInt32LE(at) + 1, at)
        return damaged
      },
    ],
  ])('reads the files when the entry is %s, and writes it whole again', async (_, damage) => {
    const first = await loadSnapshot(await openDiskSource(snapshot))
    await cacheWritesSettled()
    const file = path.join(cacheFolder, entries()[0] ?? '')
    const whole = fs.readFileSync(file)
    fs.writeFileSync(file, damage(whole))

    const again = await loadSnapshot(await openDiskSource(snapshot))
    await cacheWritesSettled()

    expect(answers(again)).toEqual(answers(first))
    expect(entries()).toHaveLength(1)
    expect(fs.readFileSync(file).equals(whole)).toBe(true)
  })

  it('removes an entry it was asked to discard (found damaged after the reopen), and reads the files next', async () => {
    const first = await loadSnapshot(await openDiskSource(snapshot))
    await cacheWritesSettled()
    expect(entries()).toHaveLength(1)
    const input = await (await openDiskSource(snapshot)).accelerators?.cache?.read()
    if (input === null || input === undefined) throw new Error('expected the entry')

    input.discard?.()

    expect(entries()).toEqual([])
    expect(() => input.read(new Uint8Array(4), 0)).toThrow(/closed/)
    const again = await loadSnapshot(await openDiskSource(snapshot))
    await cacheWritesSettled()
    expect(answers(again)).toEqual(answers(first))
    expect(entries()).toHaveLength(1)
  })

  it('evicts the least recently used entries beyond its cap', async () => {
    await loadSnapshot(await openDiskSource(snapshot))
    await cacheWritesSettled()
    const size = fs.statSync(path.join(cacheFolder, entries()[0] ?? '')).size
    process.env.SYNCLENS_CACHE_MAX_MB = String((size * 1.5) / 2 ** 20)
    fs.appendFileSync(path.join(snapshot, 'snapshot.json'), ' ')
    await loadSnapshot(await openDiskSource(snapshot))
    await cacheWritesSettled()

    expect(entries()).toHaveLength(1)
  })

  it('is off with SYNCLENS_CACHE=off', async () => {
    process.env.SYNCLENS_CACHE = 'off'
    await loadSnapshot(await openDiskSource(snapshot))
    await cacheWritesSettled()

    expect(entries()).toEqual([])
  })
})

describe('a store reading its long texts from an open entry', () => {
  /** An entry file of 400 objects with long descriptions, reopened with its texts left in it. */
  function reopened(): { store: ObjectStore; file: string } {
    const file = path.join(root, 'entry.slstore')
    fs.writeFileSync(file, longTextStore().toBinary())
    const input = openFileInput(file)
    if (input === null) throw new Error('the entry did not open')
    const store = ObjectStore.fromBinary(input, { deferLarge: true })
    expect(store.deferredBytes).toBeGreaterThan(1 << 20)
    return { store, file }
  }

  it('still reads them after a new entry was renamed over it, or it was removed', () => {
    const replaced = reopened()
    const newer = path.join(root, 'newer.slstore')
    fs.writeFileSync(newer, 'another entry entirely')
    fs.renameSync(newer, replaced.file)
    expect(replaced.store.csObjectAt(42)).toEqual(longTextObject(42))

    const removed = reopened()
    fs.rmSync(removed.file)
    expect(removed.store.csObjectAt(399)).toEqual(longTextObject(399))
    expect(removed.store.deferredBytes).toBe(0)
  })
})
