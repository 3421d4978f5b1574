import { describe, expect, it } from 'vitest'
import { type ByteInput, memoryInput } from '../io/source'
import { ENTRY_REMOVED } from '../model/error-data'
import {
  BinaryReader,
  BinaryWriter,
  DamagedEntryError,
  DEFER_BLOCK_BYTES,
  type LazyText,
  StoreFormatError,
} from './binary'

const VERSION = 7

function written(write: (out: BinaryWriter) => void): Uint8Array {
  const out = new BinaryWriter(VERSION)
  write(out)
  const pieces = Array.from(out.pieces(), (piece) => piece.slice())
  const bytes = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.byteLength, 0))
  let offset = 0
  for (const piece of pieces) {
    bytes.set(piece, offset)
    offset += piece.byteLength
  }
  expect(bytes.byteLength).toBe(out.byteLength)
  return bytes
}

/** The bytes as a file holds them: the reader cannot see them whole. */
function fileLike(bytes: Uint8Array): ByteInput {
  const memory = memoryInput(bytes)
  return {
    byteLength: bytes.byteLength,
    read: (target, position) => memory.read(target, position),
    close: () => {},
  }
}

const texts = [
  'plain',
  '',
  'Zoë Brontë',
  'Łukasz — 東京',
  'x'.repeat(3 << 20),
  'y'.repeat(3 << 20),
  '—'.repeat(70_000),
  'tail',
]

describe('BinaryWriter.pieces', () => {
  it('makes every batch in one reused 1 MiB buffer, so that a long write keeps one batch alive', () => {
    const out = new BinaryWriter(VERSION)
    out.array(new Uint32Array(700_000).map((_, index) => index)) // 2.8 MB: three batches
    const buffers = new Set<ArrayBufferLike>()
    const copies: Uint8Array[] = []
    for (const piece of out.pieces()) {
      buffers.add(piece.buffer)
      copies.push(piece.slice())
    }

    expect(copies.map((piece) => piece.byteLength)).toEqual([1 << 20, 1 << 20, out.byteLength - (2 << 20)])
    expect(buffers.size).toBe(1)
    const joined = new Uint8Array(out.byteLength)
    copies.forEach((piece, index) => joined.set(piece, index << 20))
    const values = new BinaryReader(fileLike(joined), VERSION)
    expect(values.uint32Array().slice(699_990)).toEqual(
      new Uint32Array([
        699_990, 699_991, 699_992, 699_993, 699_994, 699_995, 699_996, 699_997, 699_998, 699_999,
      ]),
    )
  })
})

/** Each text read back, whether made at once or kept as bytes until asked for. */
function made(texts: readonly (string | LazyText)[]): string[] {
  return texts.map((text) =>
    typeof text === 'string' ? text : text.run.text().slice(text.start, text.start + text.length),
  )
}

describe('BinaryWriter.texts and BinaryReader.lazyTexts', () => {
  it.each([
    ['in memory', (bytes: Uint8Array): Uint8Array | ByteInput => bytes],
    ['from a file', fileLike],
  ])('read back texts in runs cut by width and by size, %s', (_, source) => {
    const bytes = written((out) => {
      out.array(Uint32Array.from(texts, (text) => text.length))
      out.texts(texts)
      out.uint(42)
    })
    const reader = new BinaryReader(source(bytes), VERSION)

    const read = reader.lazyTexts(reader.uint32Array())
    expect(made(read)).toEqual(texts)
    // From a file, the run of over a megabyte stays bytes until asked for; in memory every run is made at once.
    expect(read.some((text) => typeof text !== 'string')).toBe(source === fileLike)
    expect(reader.uint()).toBe(42)
    expect(reader.atEnd).toBe(true)
  })

  it('refuses texts whose lengths do not add up to their run', () => {
    const bytes = written((out) => {
      out.array(Uint32Array.from(['abc', 'de'], (text) => text.length + 1))
      out.texts(['abc', 'de'])
    })
    const reader = new BinaryReader(fileLike(bytes), VERSION)

    expect(() => reader.lazyTexts(reader.uint32Array())).toThrow(StoreFormatError)
  })
})

/** A file-like input that counts the bytes read from it and whether it was closed; `fail` makes reads throw. */
function countingFile(bytes: Uint8Array): ByteInput & { read_: number; closed: boolean; fail: boolean } {
  const memory = memoryInput(bytes)
  const input = {
    byteLength: bytes.byteLength,
    read_: 0,
    closed: false,
    fail: false,
    read: (target: Uint8Array, position: number) => {
      if (input.closed) throw new Error('read after close')
      if (input.fail) throw new Error('the file is gone')
      input.read_ += target.byteLength
      memory.read(target, position)
    },
    close: () => {
      input.closed = true
    },
  }
  return input
}

describe('BinaryReader with deferLarge', () => {
  // Runs: 'a' and 3 MiB of 'x' (one byte a character); 700,000 dashes (two bytes each); 2 MiB of 'y' and 'tail'.
  const texts = ['a', 'x'.repeat(3 << 20), '—'.repeat(700_000), 'y'.repeat(2 << 20), 'tail']
  function runs(): Uint8Array {
    return written((out) => {
      out.array(Uint32Array.from(texts, (text) => text.length))
      out.texts(texts)
      out.uint(42)
    })
  }

  it('leaves the runs over 1 MiB in the file and reads each when a text of it is asked for', () => {
    const bytes = runs()
    const file = countingFile(bytes)
    const reader = new BinaryReader(file, VERSION, { deferLarge: true })
    const read = reader.lazyTexts(reader.uint32Array())
    expect(reader.uint()).toBe(42)
    expect(reader.atEnd).toBe(true)
    const deferred = reader.deferred
    if (deferred === null) throw new Error('expected deferred runs')
    deferred.dataRead()

    // The three runs stayed in the file: what was read is the rest, through the first window (1 MiB) and 4 KiB
    // after each run left behind (the next section is most often the next run's header).
    const left = (3 << 20) + 1 + 1_400_000 + (2 << 20) + 4
    expect(deferred.pending).toBe(3)
    expect(deferred.pendingBytes).toBe(left)
    expect(file.read_).toBeLessThanOrEqual(bytes.byteLength - left + (1 << 20) + 3 * 4096)
    expect(made(read)).toEqual(texts)
    expect(deferred.pending).toBe(0)
    // Every run read: the file is let go.
    expect(file.closed).toBe(true)
  })

  it('reads runs ahead until told to pause, and closes the file after the last', () => {
    const file = countingFile(runs())
    const reader = new BinaryReader(file, VERSION, { deferLarge: true })
    const read = reader.lazyTexts(reader.uint32Array())
    reader.uint()
    const deferred = reader.deferred
    if (deferred === null) throw new Error('expected deferred runs')
    deferred.dataRead()

    let asked = 0
    expect(deferred.readAhead(() => ++asked > 2)).toBe(false)
    expect(deferred.pending).toBe(1)
    expect(file.closed).toBe(false)
    expect(deferred.readAhead(() => false)).toBe(true)
    expect(deferred.pending).toBe(0)
    expect(file.closed).toBe(true)
    expect(made(read)).toEqual(texts)
  })

  it('keeps the file open until the data is read to its end, even when every run was read before', () => {
    const file = countingFile(runs())
    const reader = new BinaryReader(file, VERSION, { deferLarge: true })
    const read = reader.lazyTexts(reader.uint32Array())
    expect(made(read)).toEqual(texts)
    expect(file.closed).toBe(false)
    expect(reader.uint()).toBe(42)
    reader.deferred?.dataRead()
    expect(file.closed).toBe(true)
  })

  it('says what to do when a run cannot be read: the file failed, or was closed with the snapshot', () => {
    const failing = countingFile(runs())
    const reader = new BinaryReader(failing, VERSION, { deferLarge: true })
    const read = reader.lazyTexts(reader.uint32Array())
    failing.fail = true
    expect(() => made(read)).toThrow(
      /reopen cache entry cannot be read any more \(the file is gone\).*open the snapshot again/,
    )

    const closing = countingFile(runs())
    const second = new BinaryReader(closing, VERSION, { deferLarge: true })
    const texts2 = second.lazyTexts(second.uint32Array())
    second.deferred?.close()
    expect(closing.closed).toBe(true)
    expect(() => made(texts2)).toThrow(StoreFormatError)
  })

  it('defers nothing from data in memory, or when not asked to', () => {
    const inMemory = new BinaryReader(runs(), VERSION, { deferLarge: true })
    inMemory.lazyTexts(inMemory.uint32Array())
    expect(inMemory.deferred).toBeNull()

    const notAsked = new BinaryReader(countingFile(runs()), VERSION)
    notAsked.lazyTexts(notAsked.uint32Array())
    expect(notAsked.deferred).toBeNull()
  })
})

describe('BinaryWriter.block and BinaryReader.block', () => {
  // A column-like block: 100,000 numbers (400 KB, over DEFER_BLOCK_BYTES), then two texts, one a 2 MiB run.
  const numbers = Uint32Array.from({ length: 100_000 }, (_, index) => index * 3)
  const blockTexts = ['short', 'z'.repeat(2 << 20)]
  function withBlock(content = numbers, contentTexts = blockTexts, blocks = 1): Uint8Array {
    return written((out) => {
      out.uint(7)
      for (let block = 0; block < blocks; block += 1) {
        out.block(() => {
          out.array(content)
          out.array(Uint32Array.from(contentTexts, (text) => text.length))
          out.texts(contentTexts)
          out.uint(99)
        })
      }
      out.uint(42)
    })
  }
  interface Read {
    numbers: Uint32Array
    texts: (string | LazyText)[]
    last: number
  }
  function readBlock(into: Read[]): (input: BinaryReader) => void {
    return (input) => {
      into.push({
        numbers: input.uint32Array(),
        texts: input.lazyTexts(input.uint32Array()),
        last: input.uint(),
      })
    }
  }

  it.each([
    [
      'in memory, asked to defer',
      (bytes: Uint8Array) => new BinaryReader(bytes, VERSION, { deferLarge: true }),
    ],
    ['from a file, not asked to defer', (bytes: Uint8Array) => new BinaryReader(fileLike(bytes), VERSION)],
  ])('reads a block at once %s', (_, open) => {
    const reader = open(withBlock())
    const read: Read[] = []
    expect(reader.uint()).toBe(7)
    expect(reader.block(readBlock(read))).toBeNull()
    expect(read).toHaveLength(1)
    expect(read[0]?.numbers).toEqual(numbers)
    expect(made(read[0]?.texts ?? [])).toEqual(blockTexts)
    expect(read[0]?.last).toBe(99)
    expect(reader.uint()).toBe(42)
    expect(reader.atEnd).toBe(true)
  })

  it('reads a small block at once even where it defers', () => {
    const small = numbers.subarray(0, 1000)
    const bytes = withBlock(small, ['short'])
    expect(bytes.byteLength).toBeLessThan(DEFER_BLOCK_BYTES)
    const reader = new BinaryReader(fileLike(bytes), VERSION, { deferLarge: true })
    const read: Read[] = []
    reader.uint()
    expect(reader.block(readBlock(read))).toBeNull()
    expect(read[0]?.numbers).toEqual(small)
    expect(made(read[0]?.texts ?? [])).toEqual(['short'])
    expect(reader.uint()).toBe(42)
    expect(reader.deferred).toBeNull()
  })

  it('leaves a large block in the file, and reads it when loaded, leaving its long runs in turn', () => {
    const bytes = withBlock()
    const file = countingFile(bytes)
    const reader = new BinaryReader(file, VERSION, { deferLarge: true })
    const read: Read[] = []
    expect(reader.uint()).toBe(7)
    const block = reader.block(readBlock(read))
    expect(reader.uint()).toBe(42)
    expect(reader.atEnd).toBe(true)
    const deferred = reader.deferred
    if (block === null || deferred === null) throw new Error('expected the block left in the file')
    deferred.dataRead()
    // Past the first window (1 MiB), nothing of the 2.4 MB block was read.
    expect(file.read_).toBeLessThanOrEqual((1 << 20) + 4096)
    expect(read).toHaveLength(0)
    expect(block.deferred).toBe(true)
    expect(deferred.pending).toBe(1)

    block.load()
    expect(read[0]?.numbers).toEqual(numbers)
    expect(read[0]?.last).toBe(99)
    // The 2 MiB run inside stays in the file until a text of it is asked for; the file stays open for it.
    expect(deferred.pending).toBe(1)
    expect(file.closed).toBe(false)
    expect(made(read[0]?.texts ?? [])).toEqual(blockTexts)
    expect(deferred.pending).toBe(0)
    expect(file.closed).toBe(true)
    block.load() // once loaded, nothing more to do
    expect(read).toHaveLength(1)
  })

  it('reads blocks and the runs left inside them ahead, then closes the file', () => {
    const file = countingFile(withBlock())
    const reader = new BinaryReader(file, VERSION, { deferLarge: true })
    const read: Read[] = []
    reader.uint()
    const block = reader.block(readBlock(read))
    reader.uint()
    reader.deferred?.dataRead()

    let asked = 0
    expect(reader.deferred?.readAhead(() => ++asked > 1)).toBe(false)
    expect(block?.deferred).toBe(false)
    expect(reader.deferred?.readAhead(() => false)).toBe(true)
    expect(file.closed).toBe(true)
    expect(made(read[0]?.texts ?? [])).toEqual(blockTexts)
  })

  it('refuses a damaged block: a length that is not one, or a reader that stops short of its end', () => {
    const bytes = withBlock()
    const view = new DataView(bytes.buffer, bytes.byteOffset)
    const lengthAt = 16 // header (12 bytes) and the 7 (4 bytes): the length is the next aligned number
    for (const length of [-8, 12, bytes.byteLength]) {
      const damaged = bytes.slice()
      new DataView(damaged.buffer).setFloat64(lengthAt, length, true)
      const reader = new BinaryReader(damaged, VERSION)
      reader.uint()
      expect(() => reader.block(readBlock([]))).toThrow(StoreFormatError)
    }
    expect(view.getFloat64(lengthAt, true)).toBeGreaterThan(numbers.byteLength)

    const stopsShort = (input: BinaryReader): void => void input.uint32Array()
    const inMemory = new BinaryReader(bytes, VERSION)
    inMemory.uint()
    expect(() => inMemory.block(stopsShort)).toThrow('damaged block')
    const fromFile = new BinaryReader(fileLike(bytes), VERSION, { deferLarge: true })
    fromFile.uint()
    const block = fromFile.block(stopsShort)
    const damaged =
      /reopen cache entry is damaged \(damaged block\); delete the 'stores' folder .*SYNCLENS_CACHE=off/
    expect(() => block?.load()).toThrow(damaged)
    // Found long after the reopen, the damage is reported again at each use.
    expect(() => block?.load()).toThrow(damaged)
  })

  it('removes a cache entry found damaged, and says the same at every later read of what it left', () => {
    // Two blocks: the first read as if it stopped short of its end (damaged), the second sound but still in the entry.
    const file = countingFile(withBlock(numbers, blockTexts, 2))
    let discarded = 0
    const entry: ByteInput = {
      ...file,
      read: (target, position) => file.read(target, position),
      close: () => file.close(),
      discard: () => {
        discarded += 1
        file.close()
      },
    }
    const reader = new BinaryReader(entry, VERSION, { deferLarge: true })
    reader.uint()
    const damaged = reader.block((input) => void input.uint32Array())
    const sound = reader.block(readBlock([]))
    expect(reader.uint()).toBe(42)
    reader.deferred?.dataRead()

    const removed =
      /reopen cache entry was damaged \(damaged block\) and has been removed; open the snapshot again/
    let error: unknown = null
    try {
      damaged?.load()
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(DamagedEntryError)
    expect(error).toMatchObject({ reason: 'damaged block', code: ENTRY_REMOVED })
    expect(String((error as Error).message)).toMatch(removed)
    expect(discarded).toBe(1)
    expect(file.closed).toBe(true)
    // What the entry still held is never read from it now: the read ahead and each use say the same, and nothing is
    // removed twice.
    expect(() => reader.deferred?.readAhead(() => false)).toThrow(removed)
    expect(() => sound?.load()).toThrow(removed)
    expect(() => damaged?.load()).toThrow(removed)
    expect(discarded).toBe(1)
  })

  it('says what to do when a block cannot be read, and says it again at each later use', () => {
    const failing = countingFile(withBlock())
    const reader = new BinaryReader(failing, VERSION, { deferLarge: true })
    reader.uint()
    const block = reader.block(readBlock([]))
    failing.fail = true
    const message = /reopen cache entry cannot be read any more \(the file is gone\).*open the snapshot again/
    expect(() => block?.load()).toThrow(message)
    failing.fail = false
    expect(() => block?.load()).toThrow(message)

    const closing = countingFile(withBlock())
    const second = new BinaryReader(closing, VERSION, { deferLarge: true })
    second.uint()
    const closed = second.block(readBlock([]))
    second.deferred?.close()
    expect(() => closed?.load()).toThrow(/snapshot was closed/)
  })
})
