import { describe, expect, it } from 'vitest'
import { type ByteInput, memoryInput } from '../io/source'
import { BinaryReader, BinaryWriter, type LazyText, StoreFormatError } from './binary'

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
