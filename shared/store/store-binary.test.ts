import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ByteInput, memoryInput } from '../io/source'
import type { CsObject, MvObject } from '../model/objects'
import { BinaryReader, StoreFormatError } from './binary'
import { ObjectStore, STORE_FORMAT_VERSION } from './object-store'
import { csObjectArbitrary, mvObjectArbitrary } from './testing/store-arbitraries'
import { joinedBytes } from './testing/joined-bytes'
import { testUser } from './testing/long-texts'

function storeOf(cs: readonly CsObject[], mv: readonly MvObject[]): ObjectStore {
  const store = new ObjectStore()
  cs.forEach((object) => store.addCsObject(object))
  mv.forEach((object) => store.addMvObject(object))
  return store
}

/** Everything a reader of the store can ask, in one comparable value. */
function answers(store: ObjectStore, cs: readonly CsObject[], mv: readonly MvObject[]): unknown {
  return {
    source: store.metaverseSource,
    counts: store.counts(),
    cs: Array.from({ length: store.csRowCount }, (_, row) => store.csObjectAt(row)),
    mv: Array.from({ length: store.mvRowCount }, (_, row) => store.mvObjectAt(row)),
    origins: Array.from({ length: store.mvRowCount }, (_, row) => store.mvAttributeOriginsAt(row)),
    byId: cs.map((object) => store.csRowOf(object.id)),
    byDn: cs.map((object) => store.csRowsByDn(object.dn)),
    linked: mv.map((object) => store.csRowsLinkedTo(object.id)),
    mvById: mv.map((object) => store.mvRowOf(object.id)),
    duplicates: store.duplicateGroups(),
    connectors: [...new Set(cs.map((object) => object.connectorId ?? ''))].map((id) => [
      ...store.csRowsOfConnector(id),
    ]),
    columns: [...new Set(mv.flatMap((object) => object.attributes.map((attribute) => attribute.name)))].map(
      (name) => store.mvColumn(name)?.indexedRows('a', 'starts-with'),
    ),
  }
}

/** Bytes kept apart from the reader, as a file is: every read copies, and the reads are recorded. */
function fileLike(bytes: Uint8Array): ByteInput & { readonly reads: number[] } {
  const memory = memoryInput(bytes)
  const reads: number[] = []
  return {
    reads,
    byteLength: bytes.byteLength,
    read: (target, position) => {
      reads.push(target.byteLength)
      memory.read(target, position)
    },
    close: () => undefined,
  }
}

function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  if (left.byteLength !== right.byteLength) return false
  for (let index = 0; index < left.byteLength; index += 1) if (left[index] !== right[index]) return false
  return true
}

/** A finished store of `count` objects of each kind, with values long enough to fill several read windows. */
function largeStore(count: number): { store: ObjectStore; cs: CsObject[]; mv: MvObject[] } {
  const [cs, mv] = fc.sample(
    fc.tuple(
      fc.array(csObjectArbitrary, { minLength: count, maxLength: count }),
      fc.array(mvObjectArbitrary, { minLength: count, maxLength: count }),
    ),
    { numRuns: 1, seed: 11 },
  )[0]!
  const long = (text: string, index: number): string => `${text}${'é—x'.repeat(200 + (index % 300))}`
  const csLong = cs.map((object, index) => ({ ...object, dn: long(object.dn, index) }))
  const store = storeOf(csLong, mv)
  store.finish()
  return { store, cs: csLong, mv }
}

/** The position of the connector-space table's first section (its row flags' length) in a store's binary form. */
function csFlagsLengthAt(bytes: Uint8Array): number {
  const reader = new BinaryReader(bytes, STORE_FORMAT_VERSION)
  reader.json()
  reader.uint()
  return reader.position
}

describe('ObjectStore binary form', () => {
  it('reads back a finished store that answers every question as the original (property)', () => {
    fc.assert(
      fc.property(
        fc.array(csObjectArbitrary, { maxLength: 8 }),
        fc.array(mvObjectArbitrary, { maxLength: 8 }),
        (cs, mv) => {
          const store = storeOf(cs, mv)
          store.finish()
          const copy = ObjectStore.fromBinary(store.toBinary())

          expect(copy.finished).toBe(true)
          expect(answers(copy, cs, mv)).toEqual(answers(store, cs, mv))
        },
      ),
      { numRuns: 150 },
    )
  })

  it('joins segments into the same store as one serial load (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(csObjectArbitrary, { maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(mvObjectArbitrary, { maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        (csParts, mvParts) => {
          const cs = csParts.flat()
          const mv = mvParts.flat()
          const serial = storeOf(cs, mv)
          serial.finish()
          const joined = new ObjectStore()
          for (const part of csParts) joined.appendBinary(storeOf(part, []).toBinary())
          for (const part of mvParts) joined.appendBinary(storeOf([], part).toBinary())
          joined.finish()

          expect(answers(joined, cs, mv)).toEqual(answers(serial, cs, mv))
        },
      ),
      { numRuns: 150 },
    )
  })

  it('keeps the duplicate groups and lookups of a store read back, from memory or a file', () => {
    const [cs, mv] = fc.sample(
      fc.tuple(
        fc.array(csObjectArbitrary, { minLength: 4, maxLength: 4 }),
        fc.array(mvObjectArbitrary, { minLength: 3, maxLength: 3 }),
      ),
      { numRuns: 1, seed: 9 },
    )[0]!
    const twice = (object: CsObject): CsObject => ({ ...object, connectorId: cs[0]!.connectorId })
    const csWithDuplicates = [...cs, twice(cs[0]!), { ...twice(cs[1]!), id: `${cs[1]!.id}-other` }]
    const mvWithDuplicates = [...mv, { ...mv[2]!, objectType: 'group' }]
    const store = storeOf(csWithDuplicates, mvWithDuplicates)
    store.finish()
    expect(store.duplicateGroups().map((group) => group.kind)).toEqual(
      expect.arrayContaining(['cs-id', 'cs-dn', 'mv-id']),
    )
    const bytes = store.toBinary()
    const expected = answers(store, csWithDuplicates, mvWithDuplicates)

    for (const copy of [ObjectStore.fromBinary(bytes), ObjectStore.fromBinary(fileLike(bytes))]) {
      expect(answers(copy, csWithDuplicates, mvWithDuplicates)).toEqual(expected)
    }
  })

  it('keeps the computed metaverse of a store read back', () => {
    const linked: CsObject = {
      ...fc.sample(csObjectArbitrary, { numRuns: 1, seed: 7 })[0]!,
      id: '10000000-0000-4000-8000-000000000001',
      mvLink: {
        mvObjectId: '20000000-0000-4000-8000-000000000002',
        lineageId: null,
        lineageType: 'Projection',
        lineageTime: null,
      },
    }
    const store = storeOf([linked], [])
    store.finish()
    const copy = ObjectStore.fromBinary(store.toBinary())

    expect(store.metaverseSource).toBe('computed')
    expect(copy.metaverseSource).toBe('computed')
    expect(copy.mvObjectAt(0)).toEqual(store.mvObjectAt(0))
  })

  it('keeps a computed metaverse of many objects and links, as rows of the connector spaces read with it', () => {
    const linked = fc.sample(csObjectArbitrary, { numRuns: 60, seed: 11 }).map((object, index): CsObject => ({
      ...object,
      id: `10000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      // Two or three objects per metaverse id, some without a link at all.
      mvLink:
        index % 7 === 6
          ? null
          : {
              mvObjectId: `20000000-0000-4000-8000-${String(index % 25).padStart(12, '0')}`,
              lineageId: index % 2 === 0 ? null : '{ABCDEF01-2345-4678-9ABC-DEF012345678}',
              lineageType: index % 3 === 0 ? 'Projection' : 'Join',
              lineageTime: index % 4 === 0 ? null : '2026-03-02 09:14:27.930',
            },
    }))
    const store = storeOf(linked, [])
    store.finish()
    const mvIds = Array.from({ length: store.mvRowCount }, (_, row) => store.mvObjectAt(row))
    const expected = answers(store, linked, mvIds)

    for (const copy of [
      ObjectStore.fromBinary(store.toBinary()),
      ObjectStore.fromBinary(fileLike(store.toBinary())),
    ]) {
      expect(copy.metaverseSource).toBe('computed')
      expect(answers(copy, linked, mvIds)).toEqual(expected)
    }
    expect(store.mvRowCount).toBe(25)
  })

  /** An arbitrary connector-space object linked to one metaverse id. */
  const linkedObject = (): CsObject => ({
    ...fc.sample(csObjectArbitrary, { numRuns: 1, seed: 5 })[0]!,
    mvLink: {
      mvObjectId: '20000000-0000-4000-8000-000000000009',
      lineageId: null,
      lineageType: 'Projection',
      lineageTime: null,
    },
  })

  it('reads a computed metaverse after other connector-space objects, its links moved with its rows', () => {
    const linked = linkedObject()
    const computed = storeOf([linked], [])
    computed.finish()
    const other = storeOf([{ ...linked, id: '10000000-0000-4000-8000-0000000000ff', mvLink: null }], [])

    other.appendBinary(computed.toBinary())
    other.finish()

    expect(other.mvObjectAt(0).connections).toEqual(computed.mvObjectAt(0).connections)
  })

  it('refuses to join a computed metaverse to metaverse objects', () => {
    const computed = storeOf([linkedObject()], [])
    computed.finish()
    const exported = storeOf([], fc.sample(mvObjectArbitrary, { numRuns: 1, seed: 5 }))

    expect(() => exported.appendBinary(computed.toBinary())).toThrow(StoreFormatError)
  })

  it.each([
    ['empty data', new Uint8Array(0)],
    ['another format', new TextEncoder().encode('<cs-objects></cs-objects>')],
  ])('refuses %s with a StoreFormatError', (_, bytes) => {
    expect(() => ObjectStore.fromBinary(bytes)).toThrow(StoreFormatError)
  })

  it('refuses truncated or damaged data instead of returning a wrong store', () => {
    const [cs, mv] = fc.sample(
      fc.tuple(
        fc.array(csObjectArbitrary, { minLength: 3, maxLength: 3 }),
        fc.array(mvObjectArbitrary, { minLength: 3, maxLength: 3 }),
      ),
      { numRuns: 1, seed: 3 },
    )[0]!
    const store = storeOf(cs, mv)
    store.finish()
    const bytes = store.toBinary()
    for (const cut of [13, Math.floor(bytes.length / 3), bytes.length - 1]) {
      expect(() => ObjectStore.fromBinary(bytes.subarray(0, cut))).toThrow()
    }
  })

  it('makes the same bytes a batch at a time as in one buffer (property)', () => {
    fc.assert(
      fc.property(
        fc.array(csObjectArbitrary, { maxLength: 6 }),
        fc.array(mvObjectArbitrary, { maxLength: 6 }),
        fc.boolean(),
        (cs, mv, finished) => {
          const store = storeOf(cs, mv)
          if (finished) store.finish()
          const output = store.toBinaryOutput()
          const bytes = joinedBytes(output.pieces())

          expect(bytes.byteLength).toBe(output.byteLength)
          expect(sameBytes(bytes, store.toBinary())).toBe(true)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('writes and reads a large store a window at a time, never the whole at once', () => {
    const { store, cs, mv } = largeStore(1500)
    const output = store.toBinaryOutput()
    const pieces = Array.from(output.pieces(), (piece) => piece.slice())
    const bytes = joinedBytes(pieces)
    expect(bytes.byteLength).toBeGreaterThan(4 << 20)
    expect(Math.max(...pieces.map((piece) => piece.byteLength))).toBeLessThanOrEqual(1 << 20)

    const input = fileLike(bytes)
    const copy = ObjectStore.fromBinary(input)

    expect(answers(copy, cs, mv)).toEqual(answers(store, cs, mv))
    expect(Math.max(...input.reads)).toBeLessThanOrEqual(1 << 20)
    const total = input.reads.reduce((sum, length) => sum + length, 0)
    expect(total).toBeGreaterThan(bytes.byteLength * 0.99)
    expect(total).toBeLessThan(bytes.byteLength * 1.05)
  })

  it('leaves the large value columns of a store read from a file in it until they are asked for', () => {
    const { cs, mv } = largeStore(1500)
    // A 1,500-object column of 200 to 500 characters a value: over the size a reader leaves in the file.
    const mvDescribed = mv.map((object, index) => ({
      ...object,
      attributes: [
        ...object.attributes.filter((attribute) => attribute.name.toLowerCase() !== 'description'),
        {
          name: 'description',
          type: 'String' as const,
          multiValued: false,
          values: [`${index} ${'ü'.repeat(200 + (index % 300))}`],
          lineage: [],
        },
      ],
    }))
    const store = storeOf(cs, mvDescribed)
    store.finish()
    const bytes = store.toBinary()
    const input = fileLike(bytes)
    const copy = ObjectStore.fromBinary(input, { deferLarge: true })

    const read = input.reads.reduce((sum, length) => sum + length, 0)
    expect(copy.deferredBytes).toBeGreaterThan(450_000)
    expect(read).toBeLessThan(bytes.byteLength - 450_000)
    expect(copy.mvColumn('description')?.deferred).toBe(true)
    // Its length is known without reading it.
    expect(copy.mvColumn('description')?.length).toBe(1500)
    expect(copy.mvColumn('description')?.deferred).toBe(true)

    expect(copy.mvColumn('description')?.equalRows(`7 ${'ü'.repeat(207)}`)).toEqual([copy.mvRowOf(mv[7]!.id)])
    expect(copy.mvColumn('description')?.deferred).toBe(false)
    expect(answers(copy, cs, mvDescribed)).toEqual(answers(store, cs, mvDescribed))
    expect(copy.deferredBytes).toBe(0)
  })

  it('leaves the attribute entries of a store read from a file in it until an object is read', () => {
    // 20,000 objects of three attributes each: 340 KB of entries (which attribute, where its values start).
    const cs = Array.from({ length: 20_000 }, (_, index) =>
      testUser(index, [
        ['cn', `User ${index}`],
        ['sn', `${index % 97}`],
        ['title', `T${index % 13}`],
      ]),
    )
    const store = storeOf(cs, [])
    store.finish()
    const bytes = store.toBinary()
    const input = fileLike(bytes)
    const copy = ObjectStore.fromBinary(input, { deferLarge: true })
    const readAtOpen = input.reads.reduce((sum, length) => sum + length, 0)

    expect(copy.counts()).toEqual(store.counts())
    expect(copy.csRowCount).toBe(20_000)
    expect(input.reads.reduce((sum, length) => sum + length, 0)).toBe(readAtOpen)
    expect(copy.csObjectAt(12_345)).toEqual(store.csObjectAt(12_345))
    expect(input.reads.reduce((sum, length) => sum + length, 0)).toBeGreaterThan(readAtOpen + 300_000)
    expect(answers(copy, cs, [])).toEqual(answers(store, cs, []))
    expect(copy.deferredBytes).toBe(0)

    // The same objects joined from two segments of 10,000 and 10,000 (entries written in blocks of 16,384 rows).
    const joined = new ObjectStore()
    joined.appendBinary(storeOf(cs.slice(0, 10_000), []).toBinary())
    joined.appendBinary(storeOf(cs.slice(10_000), []).toBinary())
    joined.finish()
    expect(answers(joined, cs, [])).toEqual(answers(store, cs, []))
  })

  it('refuses data cut inside a section, read from memory or a file', () => {
    const { store } = largeStore(300)
    const bytes = store.toBinary()
    for (const cut of [csFlagsLengthAt(bytes) + 6, Math.floor(bytes.length / 2) + 3, bytes.length - 5]) {
      const part = bytes.slice(0, cut)
      expect(() => ObjectStore.fromBinary(part)).toThrow(StoreFormatError)
      expect(() => ObjectStore.fromBinary(fileLike(part))).toThrow(StoreFormatError)
    }
  })

  it.each([
    ['one entry more', 1],
    ['one entry fewer', -1],
  ])('refuses a section with %s than its table holds', (_, change) => {
    const [cs, mv] = fc.sample(
      fc.tuple(
        fc.array(csObjectArbitrary, { minLength: 4, maxLength: 4 }),
        fc.array(mvObjectArbitrary, { minLength: 2, maxLength: 2 }),
      ),
      { numRuns: 1, seed: 5 },
    )[0]!
    const store = storeOf(cs, mv)
    store.finish()
    const bytes = store.toBinary()
    const at = csFlagsLengthAt(bytes)
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    expect(view.getUint32(at, true)).toBe(4)
    view.setUint32(at, 4 + change, true)

    expect(() => ObjectStore.fromBinary(bytes)).toThrow(StoreFormatError)
    expect(() => ObjectStore.fromBinary(fileLike(bytes))).toThrow(StoreFormatError)
  })
})
