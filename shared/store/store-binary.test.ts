import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CsObject, MvObject } from '../model/objects'
import { StoreFormatError } from './binary'
import { ObjectStore } from './object-store'
import { csObjectArbitrary, mvObjectArbitrary } from './testing/store-arbitraries'

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
    columns: [...new Set(mv.flatMap((object) => object.attributes.map((attribute) => attribute.name)))].map(
      (name) => store.mvColumn(name)?.indexedRows('a', 'starts-with'),
    ),
  }
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
})
