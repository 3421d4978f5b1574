import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { zipSync } from 'fflate'
import { openZipSource } from '../shared/io/zip-source'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSnapshotSession } from '../shared/app/session'
import type { SnapshotSource, SourceFile } from '../shared/io/source'
import { CONTOSO_SERVERCONFIG, SAMPLES_SKIP_REASON, samplesAvailable } from '../test-support/samples'
import {
  diskSourceName,
  fileBytes,
  openDiskFiles,
  openDiskSource,
  READ_CHUNK_BYTES,
  SnapshotOpenError,
} from './disk-source'

let root: string

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-disk-'))
})

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true })
})

function write(relative: string, content: string | Uint8Array): string {
  const absolute = path.join(root, ...relative.split('/'))
  fs.mkdirSync(path.dirname(absolute), { recursive: true })
  fs.writeFileSync(absolute, content)
  return absolute
}

function fileAt(source: SnapshotSource, relative: string): SourceFile {
  const file = source.files.find((candidate) => candidate.path === relative)
  if (!file) throw new Error(`no ${relative} among ${source.files.map((f) => f.path).join(', ')}`)
  return file
}

async function streamed(file: SourceFile): Promise<Buffer> {
  const parts: Uint8Array[] = []
  // A chunk's buffer is reused two chunks later: keep a copy.
  for await (const chunk of file.chunks()) parts.push(chunk.slice())
  return Buffer.concat(parts)
}

function linkTarget(link: string): string | null {
  try {
    return fs.readlinkSync(link)
  } catch {
    return null
  }
}

const RULE = '<synchronizationRule><name>In from AD - User Join</name></synchronizationRule>'

describe('openDiskSource on a folder', () => {
  it('lists files recursively with slash paths in a stable order and skips hidden and junk names', async () => {
    write('snap/SynchronizationRules/b.xml', RULE)
    write('snap/SynchronizationRules/a.xml', RULE)
    write('snap/GlobalSettings/MV.xml', '<saved-mv-configuration/>')
    write('snap/.git/config', 'junk')
    write('snap/.DS_Store', 'junk')
    write('snap/node_modules/x/index.js', 'junk')
    write('snap/Thumbs.db', 'junk')

    const source = await openDiskSource(path.join(root, 'snap'))

    expect(source.name).toBe('snap')
    expect(source.files.map((file) => [file.path, file.size])).toEqual([
      ['GlobalSettings/MV.xml', 25],
      ['SynchronizationRules/a.xml', RULE.length],
      ['SynchronizationRules/b.xml', RULE.length],
    ])
  })

  it('reads a file whole, by its head and as 1 MiB chunks, all byte-identical to the disk', async () => {
    const bytes = Buffer.alloc(3 * READ_CHUNK_BYTES + 123, 'abcdefghij')
    write('snap/big.xml', bytes)

    const file = fileAt(await openDiskSource(path.join(root, 'snap')), 'big.xml')
    const chunkSizes: number[] = []
    for await (const chunk of file.chunks()) chunkSizes.push(chunk.byteLength)

    expect(Buffer.from(await file.readAll()).equals(bytes)).toBe(true)
    expect(Buffer.from(await file.head(10)).toString()).toBe('abcdefghij')
    expect((await streamed(file)).equals(bytes)).toBe(true)
    expect(chunkSizes).toEqual([READ_CHUNK_BYTES, READ_CHUNK_BYTES, READ_CHUNK_BYTES, 123])
  })

  it('streams into two buffers taking turns, each chunk whole at its turn', async () => {
    const bytes = Buffer.alloc(4 * READ_CHUNK_BYTES + 7)
    for (let index = 0; index < bytes.length; index += 1) bytes[index] = (index * 31 + (index >> 20)) & 0xff
    write('snap/big.xml', bytes)

    const file = fileAt(await openDiskSource(path.join(root, 'snap')), 'big.xml')
    const buffers: ArrayBufferLike[] = []
    let offset = 0
    for await (const chunk of file.chunks()) {
      expect(Buffer.from(chunk).equals(bytes.subarray(offset, offset + chunk.byteLength))).toBe(true)
      buffers.push(chunk.buffer)
      offset += chunk.byteLength
    }

    expect(offset).toBe(bytes.length)
    expect(new Set(buffers).size).toBe(2)
    expect(buffers[2]).toBe(buffers[0])
  })

  it('follows symbolic links inside the folder but never outside it, and survives link loops', async () => {
    write('snap/rules/a.xml', RULE)
    const outside = write('elsewhere/secret.xml', 'outside the snapshot')
    fs.symlinkSync(path.join(root, 'snap/rules/a.xml'), path.join(root, 'snap/alias.xml'))
    fs.symlinkSync(outside, path.join(root, 'snap/secret.xml'))
    fs.symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'snap/elsewhere'))
    fs.symlinkSync(path.join(root, 'snap'), path.join(root, 'snap/rules/loop'))
    fs.symlinkSync(path.join(root, 'missing.xml'), path.join(root, 'snap/broken.xml'))

    const source = await openDiskSource(path.join(root, 'snap'))

    expect(source.files.map((file) => file.path)).toEqual(['alias.xml', 'rules/a.xml'])
  })

  it('refuses a folder with more files than the cap, saying to open the snapshot folder itself', async () => {
    for (const name of ['a', 'b', 'c', 'd']) write(`many/${name}.xml`, RULE)

    await expect(openDiskSource(path.join(root, 'many'), { maxFiles: 3 })).rejects.toThrow(
      /many holds more than 3 files\. Open the snapshot folder itself/,
    )
  })

  it('refuses a folder holding only hidden or junk files', async () => {
    write('empty/.DS_Store', 'junk')

    await expect(openDiskSource(path.join(root, 'empty'))).rejects.toThrow(
      new SnapshotOpenError(
        `${path.join(root, 'empty')} holds no files. Open the folder written by Get-ADSyncServerConfiguration, a snapshot .zip or an export file.`,
      ),
    )
  })
})

describe('openDiskSource on a file', () => {
  it('opens a single export file under its own name', async () => {
    const absolute = write('exports/contoso.local.xml', '<cs-objects></cs-objects>')

    const source = await openDiskSource(absolute)

    expect(source.name).toBe('contoso.local.xml')
    expect(source.files.map((file) => [file.path, file.size])).toEqual([['contoso.local.xml', 25]])
  })

  it('opens a zip through the zip source, with its top folder stripped', async () => {
    const zip = zipSync({ 'Contoso/SynchronizationRules/r.xml': new TextEncoder().encode(RULE) })
    const absolute = write('Contoso.zip', zip)

    const source = await openDiskSource(absolute)

    expect(source.name).toBe('Contoso.zip')
    expect(source.files.map((file) => file.path)).toEqual(['SynchronizationRules/r.xml'])
    expect(Buffer.from(await fileAt(source, 'SynchronizationRules/r.xml').readAll()).toString()).toBe(RULE)
  })

  it('reads a zip by slices: never more than a table of contents or a chunk at once', async () => {
    const big = new TextEncoder().encode(`<cs-objects>${'<cs-object/>'.repeat(400_000)}</cs-objects>`)
    const absolute = write('slices.zip', zipSync({ 'cs.xml': [big, { level: 0 }] }))
    const sizes: number[] = []
    const bytes = fileBytes(absolute, fs.statSync(absolute).size)
    const counting = {
      size: bytes.size,
      read: (offset: number, length: number) => (sizes.push(length), bytes.read(offset, length)),
    }

    const opened = await openZipSource('slices.zip', counting)
    if (!opened.ok) throw new Error(opened.error.message)
    const [file] = opened.source.files
    let total = 0
    for await (const chunk of file?.chunks() ?? []) total += chunk.byteLength

    expect(total).toBe(big.byteLength)
    expect(sizes.reduce((most, size) => Math.max(most, size), 0)).toBeLessThanOrEqual(1024 * 1024)
    expect(sizes.length).toBeGreaterThan(4)
  })

  it('recognises a zip by its content when the name does not end in .zip', async () => {
    const absolute = write('snapshot.bin', zipSync({ 'r.xml': new TextEncoder().encode(RULE) }))

    const source = await openDiskSource(absolute)

    expect(source.files.map((file) => file.path)).toEqual(['r.xml'])
  })

  it.each([
    ['a missing path', (): string => path.join(root, 'nope'), /nope does not exist\./],
    [
      'a damaged zip',
      (): string => write('bad.zip', 'PK\u0003\u0004 cut short'),
      /bad\.zip: bad\.zip is cut short/,
    ],
  ])('explains %s, naming the path', async (_label, target, message) => {
    const location = target()

    const error = await openDiskSource(location).catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(SnapshotOpenError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).toContain(root)
  })

  it('rejects a read with the path when the file disappeared after listing', async () => {
    const absolute = write('snap/gone.xml', RULE)
    const file = fileAt(await openDiskSource(path.join(root, 'snap')), 'gone.xml')
    fs.rmSync(absolute)

    await expect(file.readAll()).rejects.toThrow(`${absolute} does not exist.`)
    await expect(streamed(file)).rejects.toThrow(`${absolute} does not exist.`)
  })
})

describe('openDiskFiles', () => {
  it('opens loose files relative to their common folder', async () => {
    const a = write('exports/ad/ad.xml', '<cs-objects/>')
    const b = write('exports/aad/aad.xml', '<cs-objects/>')

    const source = await openDiskFiles([a, b])

    expect(source.name).toBe('2 files in exports')
    expect(diskSourceName([a, b])).toBe(source.name)
    expect(source.files.map((file) => file.path)).toEqual(['ad/ad.xml', 'aad/aad.xml'])
  })

  it('refuses a folder among the files', async () => {
    const a = write('x/a.xml', RULE)

    await expect(openDiskFiles([a, path.join(root, 'x')])).rejects.toThrow(/is a folder\. Drop one folder/)
  })
})

describe('reading never writes', () => {
  it('leaves every file byte-identical with unchanged modification and change times', async () => {
    const files = {
      rule: write('snap/rule.xml', RULE),
      big: write('snap/big.xml', Buffer.alloc(2 * READ_CHUNK_BYTES, 'x')),
      zip: write('snap.zip', zipSync({ 'snap/r.xml': new TextEncoder().encode(RULE) })),
    }
    const before = Object.values(files).map((file) => ({
      file,
      bytes: fs.readFileSync(file),
      stat: fs.statSync(file),
    }))

    for (const target of [path.join(root, 'snap'), files.zip, files.rule]) {
      const source = await openDiskSource(target)
      for (const file of source.files) {
        await file.readAll()
        await file.head(64)
        await streamed(file)
      }
    }

    for (const { file, bytes, stat } of before) {
      const after = fs.statSync(file)
      expect(fs.readFileSync(file).equals(bytes)).toBe(true)
      expect(after.mtimeMs).toBe(stat.mtimeMs)
      expect(after.ctimeMs).toBe(stat.ctimeMs)
    }
  })

  it.skipIf(process.platform !== 'linux')(
    'holds streamed files open read-only (checked in /proc/self/fdinfo; Linux only)',
    async () => {
      const absolute = write('snap/big.xml', Buffer.alloc(3 * READ_CHUNK_BYTES, 'x'))
      const file = fileAt(await openDiskSource(path.join(root, 'snap')), 'big.xml')
      const accessModes: number[] = []

      for await (const chunk of file.chunks()) {
        expect(chunk.byteLength).toBeGreaterThan(0)
        for (const fd of fs.readdirSync('/proc/self/fd')) {
          if (linkTarget(`/proc/self/fd/${fd}`) !== absolute) continue
          const flags = /flags:\s+(\d+)/.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1] ?? ''
          accessModes.push(parseInt(flags, 8) & 0o3)
        }
      }

      expect(accessModes.length).toBeGreaterThan(0)
      expect(new Set(accessModes)).toEqual(new Set([0])) // O_RDONLY
    },
  )
})

describe.skipIf(!samplesAvailable)(
  `openDiskSource on the real Contoso export (${SAMPLES_SKIP_REASON})`,
  () => {
    it('lists its 65 configuration files and loads 62 rules through a real session', async () => {
      const source = await openDiskSource(CONTOSO_SERVERCONFIG)

      const summary = await createSnapshotSession().load(source, () => undefined, { aborted: false })

      expect(source.name).toBe('Contoso-2016')
      expect(source.files).toHaveLength(65)
      expect(source.files.every((file) => !file.path.includes('\\') && !path.isAbsolute(file.path))).toBe(
        true,
      )
      expect(summary.rules.total).toBe(62)
      expect(summary.connectors).toHaveLength(2)
    })
  },
)
