import fc from 'fast-check'
import { zipSync, type Zippable } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { SnapshotSource, SourceFile } from './source'
import { isSkippedName, openZipSource, type ZipOpenResult, type ZipProblem } from './zip-source'

const encoder = new TextEncoder()
const text = (value: string): Uint8Array => encoder.encode(value)

const RULE_XML = text(
  '<?xml version="1.0" encoding="utf-8"?>\n<synchronizationRule><name>In from AD</name></synchronizationRule>\n',
)
const MV_XML = text('<saved-mv-configuration server="SYNC01"/>')

function opened(result: ZipOpenResult): SnapshotSource {
  if (!result.ok)
    throw new Error(`expected the zip to open, got ${result.error.problem}: ${result.error.message}`)
  return result.source
}

function refusal(result: ZipOpenResult): { problem: ZipProblem; entry: string | null; message: string } {
  if (result.ok) throw new Error('expected the zip to be refused')
  return result.error
}

function fileAt(source: SnapshotSource, path: string): SourceFile {
  const file = source.files.find((candidate) => candidate.path === path)
  if (!file) throw new Error(`no ${path} in ${source.files.map((f) => f.path).join(', ')}`)
  return file
}

async function collect(file: SourceFile): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  for await (const chunk of file.chunks()) parts.push(chunk)
  return Uint8Array.from(parts.flatMap((part) => [...part]))
}

/** Offset of the first central-directory record, read from the end-of-central-directory record. */
function centralDirectoryOffset(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  return view.getUint32(zip.byteLength - 22 + 16, true)
}

/** Offsets of every central-directory record, in order. */
function centralRecords(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const count = view.getUint16(zip.byteLength - 22 + 10, true)
  const offsets: number[] = []
  let offset = centralDirectoryOffset(zip)
  for (let i = 0; i < count; i++) {
    offsets.push(offset)
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true)
  }
  return offsets
}

/** A copy of the zip with one field of its first central-directory record overwritten. */
function patchCentral(zip: Uint8Array, field: number, value: number, width: 2 | 4): Uint8Array {
  const copy = zip.slice()
  const view = new DataView(copy.buffer)
  const at = centralDirectoryOffset(copy) + field
  if (width === 2) view.setUint16(at, value, true)
  else view.setUint32(at, value, true)
  return copy
}

/** A copy of the zip with one 32-bit field of its first local header overwritten. */
function patchLocal(zip: Uint8Array, field: number, value: number): Uint8Array {
  const copy = zip.slice()
  new DataView(copy.buffer).setUint32(field, value, true)
  return copy
}

/** Rewrites a small zip as ZIP64: saturated classic end record, plus ZIP64 end record and locator. */
function asZip64(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const end = zip.byteLength - 22
  const count = view.getUint16(end + 10, true)
  const size = view.getUint32(end + 12, true)
  const offset = view.getUint32(end + 16, true)
  const out = new Uint8Array(end + 56 + 20 + 22)
  out.set(zip.subarray(0, end))
  const o = new DataView(out.buffer)
  const zip64End = end
  o.setUint32(zip64End, 0x06064b50, true)
  o.setBigUint64(zip64End + 4, 44n, true)
  o.setUint16(zip64End + 12, 45, true)
  o.setUint16(zip64End + 14, 45, true)
  o.setBigUint64(zip64End + 24, BigInt(count), true)
  o.setBigUint64(zip64End + 32, BigInt(count), true)
  o.setBigUint64(zip64End + 40, BigInt(size), true)
  o.setBigUint64(zip64End + 48, BigInt(offset), true)
  const locator = zip64End + 56
  o.setUint32(locator, 0x07064b50, true)
  o.setBigUint64(locator + 8, BigInt(zip64End), true)
  o.setUint32(locator + 16, 1, true)
  const classic = locator + 20
  o.setUint32(classic, 0x06054b50, true)
  o.setUint16(classic + 8, 0xffff, true)
  o.setUint16(classic + 10, 0xffff, true)
  o.setUint32(classic + 12, 0xffffffff, true)
  o.setUint32(classic + 16, 0xffffffff, true)
  return out
}

/**
 * A zip whose central directory lists `copies` more entries that all point at the first entry's local header and
 * data (the overlapping zip bomb): the archive stays the size of one compressed stream.
 */
function overlappingBomb(zip: Uint8Array, copies: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const directory = centralDirectoryOffset(zip)
  const nameLength = view.getUint16(directory + 28, true)
  const record = zip.subarray(directory, directory + 46 + nameLength)
  const records: Uint8Array[] = [record]
  for (let copy = 1; copy <= copies; copy++) {
    const name = text(`copy-${copy}.xml`)
    const clone = new Uint8Array(46 + name.byteLength)
    clone.set(record.subarray(0, 46))
    new DataView(clone.buffer).setUint16(28, name.byteLength, true)
    clone.set(name, 46)
    records.push(clone)
  }
  const size = records.reduce((sum, part) => sum + part.byteLength, 0)
  const out = new Uint8Array(directory + size + 22)
  out.set(zip.subarray(0, directory))
  let at = directory
  for (const part of records) {
    out.set(part, at)
    at += part.byteLength
  }
  const end = new DataView(out.buffer, at, 22)
  end.setUint32(0, 0x06054b50, true)
  end.setUint16(8, records.length, true)
  end.setUint16(10, records.length, true)
  end.setUint32(12, size, true)
  end.setUint32(16, directory, true)
  return out
}

describe('openZipSource', () => {
  it('lists the files of a zipped folder with the top folder stripped and reads them byte for byte', async () => {
    const zip = zipSync({
      'Contoso/SynchronizationRules/rule.xml': RULE_XML,
      'Contoso/GlobalSettings/MV.xml': [MV_XML, { level: 0 }],
    })

    const source = opened(await openZipSource('Contoso.zip', zip))

    expect(source.name).toBe('Contoso.zip')
    expect(source.files.map((file) => [file.path, file.size])).toEqual([
      ['SynchronizationRules/rule.xml', RULE_XML.byteLength],
      ['GlobalSettings/MV.xml', MV_XML.byteLength],
    ])
    const rule = fileAt(source, 'SynchronizationRules/rule.xml')
    expect(await rule.readAll()).toEqual(RULE_XML)
    expect(await collect(rule)).toEqual(RULE_XML)
    expect(await rule.head(5)).toEqual(RULE_XML.subarray(0, 5))
    expect(await fileAt(source, 'GlobalSettings/MV.xml').readAll()).toEqual(MV_XML)
  })

  it('streams a large deflated file in several chunks that join to the original', async () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `<value>user ${i} ${(i * 7919) % 10007}</value>\n`)
    const big = text(`<cs-objects>\n${lines.join('')}</cs-objects>\n`)
    const zip = zipSync({ 'export.xml': big })

    const file = fileAt(opened(await openZipSource('cs.zip', zip)), 'export.xml')
    const parts: Uint8Array[] = []
    for await (const chunk of file.chunks()) parts.push(chunk)

    expect(parts.length).toBeGreaterThan(1)
    expect(Buffer.concat(parts).equals(Buffer.from(big))).toBe(true)
    expect(Buffer.from(await file.head(12)).toString()).toBe('<cs-objects>')
  })

  it('keeps paths as they are when the zip has several top-level entries', async () => {
    const zip = zipSync({ 'a/rule.xml': RULE_XML, 'MV.xml': MV_XML })

    const source = opened(await openZipSource('mixed.zip', zip))

    expect(source.files.map((file) => file.path)).toEqual(['a/rule.xml', 'MV.xml'])
  })

  it('skips folders, macOS resource forks and hidden files', async () => {
    const zip = zipSync({
      'snap/': new Uint8Array(0),
      'snap/rule.xml': RULE_XML,
      'snap/.DS_Store': text('junk'),
      '__MACOSX/snap/._rule.xml': text('fork'),
      'snap/Thumbs.db': text('junk'),
    })

    const source = opened(await openZipSource('snap.zip', zip))

    expect(source.files.map((file) => file.path)).toEqual(['rule.xml'])
  })

  it('turns backslash separators into slashes and drops dot segments', async () => {
    const zip = zipSync({ 'snap\\Connectors\\.\\c.xml': RULE_XML, 'snap\\MV.xml': MV_XML })

    const source = opened(await openZipSource('win.zip', zip))

    expect(source.files.map((file) => file.path)).toEqual(['Connectors/c.xml', 'MV.xml'])
  })

  it('reads UTF-8 names and falls back to code page 437 for names that are not UTF-8', async () => {
    const zip = zipSync({ 'Règles/é.xml': RULE_XML, 'caf!.xml': MV_XML })
    const second = centralRecords(zip)[1] ?? 0
    const patched = zip.slice()
    patched[second + 46 + 3] = 0x82 // CP437 é; alone it is not valid UTF-8

    const source = opened(await openZipSource('names.zip', patched))

    expect(source.files.map((file) => file.path)).toEqual(['Règles/é.xml', 'café.xml'])
  })

  it('reads a ZIP64 table of contents', async () => {
    const zip = asZip64(zipSync({ 'snap/rule.xml': RULE_XML, 'snap/MV.xml': MV_XML }))

    const source = opened(await openZipSource('z64.zip', zip))

    expect(source.files.map((file) => file.path)).toEqual(['rule.xml', 'MV.xml'])
    expect(await fileAt(source, 'MV.xml').readAll()).toEqual(MV_XML)
  })

  it.each([
    ['random bytes', text('this is not a zip at all, just text'), 'not-a-zip'],
    ['an empty file', new Uint8Array(0), 'not-a-zip'],
    ['a zip cut in half', zipSync({ 'a.xml': RULE_XML }).subarray(0, 60), 'damaged'],
    ['a zip with nothing in it', zipSync({}), 'empty'],
    ['a zip holding only folders', zipSync({ 'a/': new Uint8Array(0), 'a/b/': new Uint8Array(0) }), 'empty'],
  ] as const)('refuses %s', async (_label, bytes, problem) => {
    const error = refusal(await openZipSource('x.zip', bytes))

    expect(error.problem).toBe(problem)
    expect(error.message).toContain('x.zip')
  })

  it('refuses a bomb-shaped entry before inflating it', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024)
    const zip = zipSync({ 'snap/huge.xml': zeros, 'snap/rule.xml': RULE_XML })

    const error = refusal(await openZipSource('bomb.zip', zip))

    expect(zip.byteLength).toBeLessThan(20_000)
    expect(error).toMatchObject({ problem: 'zip-bomb', entry: 'snap/huge.xml' })
    expect(error.message).toMatch(/zip bomb/)
  })

  it('accepts small files that compress extremely well', async () => {
    const spaces = text(' '.repeat(500_000))
    const zip = zipSync({ 'blank.xml': spaces })

    const file = fileAt(opened(await openZipSource('blank.zip', zip)), 'blank.xml')

    expect((await file.readAll()).byteLength).toBe(500_000)
  })

  const twoMiB = text('x'.repeat(2 * 1024 * 1024))
  it.each([
    ['more entries than allowed', { maxEntries: 2 }, MV_XML, 'too-many-entries'],
    ['an entry larger than allowed', { maxEntrySize: 100 }, MV_XML, 'too-large'],
    ['more inflated bytes in total than allowed', { maxTotalSize: 150 }, MV_XML, 'too-large'],
    ['a higher compression ratio than allowed', { maxRatio: 2 }, twoMiB, 'zip-bomb'],
  ] as const)('refuses a zip with %s', async (_label, limits, third, problem) => {
    const zip = zipSync({ 'a.xml': RULE_XML, 'b.xml': RULE_XML, 'c.xml': third })

    expect(refusal(await openZipSource('caps.zip', zip, limits)).problem).toBe(problem)
  })

  it.each([
    '../evil.xml',
    'snap/../../evil.xml',
    'snap\\..\\..\\evil.xml',
    '/etc/passwd',
    '\\\\server\\share\\x.xml',
    'C:/Windows/win.ini',
    'c:evil.xml',
    'snap/rule.xml:hidden-stream',
    'snap/ok\u0000.xml',
    'snap/line\nbreak.xml',
  ])('refuses the hostile entry name %j', async (name) => {
    const zip = zipSync({ 'snap/rule.xml': RULE_XML, [name]: MV_XML })

    const error = refusal(await openZipSource('hostile.zip', zip))

    expect(error).toMatchObject({ problem: 'unsafe-name', entry: name })
  })

  it('never yields a path that climbs out, is absolute or holds a backslash or colon', async () => {
    const segment = fc.constantFrom('a', 'b.xml', '..', '.', '', 'C:', '\\', '...', '..a')
    const name = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'))
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(name, { minLength: 1, maxLength: 4 }), async (names) => {
        const zip = zipSync(Object.fromEntries(names.map((entry) => [entry, RULE_XML])) as Zippable)
        const result = await openZipSource('p.zip', zip)
        if (!result.ok) return
        for (const file of result.source.files) {
          expect(file.path.split('/')).not.toContain('..')
          expect(file.path).not.toMatch(/^\/|\\|:/)
          expect(file.path.split('/')).not.toContain('')
        }
      }),
    )
  })

  it('refuses the same path twice', async () => {
    const zip = zipSync({ 'snap/a.xml': RULE_XML, 'snap\\a.xml': MV_XML })

    expect(refusal(await openZipSource('dup.zip', zip))).toMatchObject({
      problem: 'duplicate-name',
      entry: 'snap/a.xml',
    })
  })

  it.each([
    ['a password-protected entry', 8, 0x0001, 2, /a\.xml in p\.zip cannot be read: it is password-protected/],
    [
      'a Deflate64 entry',
      10,
      9,
      2,
      /a\.xml in p\.zip cannot be read: it uses compression method 9 \(Deflate64/,
    ],
  ] as const)('lists %s and fails only its read, naming it', async (_label, field, value, width, message) => {
    const zip = patchCentral(zipSync({ 'a.xml': RULE_XML, 'b.xml': MV_XML }), field, value, width)

    const source = opened(await openZipSource('p.zip', zip))

    await expect(fileAt(source, 'a.xml').head(4)).rejects.toThrow(message)
    expect(await fileAt(source, 'b.xml').readAll()).toEqual(MV_XML)
  })

  it('refuses entries that share one compressed stream, before inflating anything', async () => {
    const zip = overlappingBomb(zipSync({ 'a.xml': [text('x'.repeat(100_000)), { level: 9 }] }), 95)

    const error = refusal(await openZipSource('overlap.zip', zip))

    expect(error.problem).toBe('overlapping-entries')
    expect(error.message).toMatch(
      /overlap\.zip has entries whose data overlap \("a\.xml" and "copy-1\.xml"\)/,
    )
  })

  it('refuses an archive whose files together inflate far beyond its size', async () => {
    const small = new Uint8Array(900 * 1024)
    const files = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}.bin`, small]))

    const error = refusal(await openZipSource('many.zip', zipSync(files as Zippable)))

    expect(error).toMatchObject({ problem: 'zip-bomb', entry: null })
    expect(error.message).toMatch(/many\.zip claims to inflate \d+ times its size/)
  })

  it('fails the read of an entry whose local header is missing, and reads the others', async () => {
    const zip = zipSync({ 'a.xml': RULE_XML, 'b.xml': MV_XML })
    zip[0] = 0 // the first local header's signature

    const source = opened(await openZipSource('hurt.zip', zip))

    await expect(fileAt(source, 'a.xml').readAll()).rejects.toThrow(/a\.xml in hurt\.zip cannot be found/)
    expect(await fileAt(source, 'b.xml').readAll()).toEqual(MV_XML)
  })

  it('stops inflating when the reader stops taking chunks', async () => {
    const big = text('<cs-objects>'.padEnd(8 * 1024 * 1024, ' '))
    const source = opened(await openZipSource('big.zip', zipSync({ 'a.xml': big }), { maxRatio: 100_000 }))
    const file = fileAt(source, 'a.xml')

    let chunks = 0
    for await (const chunk of file.chunks()) {
      chunks += chunk.byteLength > 0 ? 1 : 0
      if (chunks === 2) break
    }

    expect(chunks).toBe(2)
    expect(Buffer.from(await file.head(12)).toString()).toBe('<cs-objects>')
  })

  it('rejects a read that inflates beyond the size the header declares', async () => {
    const zip = patchLocal(patchCentral(zipSync({ 'a.xml': RULE_XML }), 24, 10, 4), 22, 10)
    const file = fileAt(opened(await openZipSource('liar.zip', zip)), 'a.xml')

    await expect(file.readAll()).rejects.toThrow(
      /a\.xml in liar\.zip inflates to another size than its header declares/,
    )
  })

  it('rejects a read whose local header disagrees with the table of contents', async () => {
    const zip = patchCentral(zipSync({ 'a.xml': RULE_XML }), 24, 10, 4)
    const file = fileAt(opened(await openZipSource('liar.zip', zip)), 'a.xml')

    await expect(file.readAll()).rejects.toThrow(/a\.xml in liar\.zip: its local header disagrees/)
  })

  it('rejects a read whose checksum does not match', async () => {
    const zip = patchLocal(patchCentral(zipSync({ 'a.xml': RULE_XML }), 16, 0x12345678, 4), 14, 0x12345678)
    const file = fileAt(opened(await openZipSource('crc.zip', zip)), 'a.xml')

    await expect(collect(file)).rejects.toThrow(/checksum/)
  })
})

describe('isSkippedName', () => {
  it.each([
    ['.DS_Store', true],
    ['.git', true],
    ['__MACOSX', true],
    ['node_modules', true],
    ['Thumbs.db', true],
    ['desktop.ini', true],
    ['MV.xml', false],
    ['Connectors', false],
    ['__proto__', false],
  ])('%s is skipped: %s', (name, skipped) => {
    expect(isSkippedName(name)).toBe(skipped)
  })
})
