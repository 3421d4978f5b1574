import fc from 'fast-check'
import { mvIdsWithValue } from '../store/mv-lookup'
import { describe, expect, it } from 'vitest'
import type { MvAttribute, MvObject } from '../model/objects'
import { ObjectStore } from '../store/object-store'
import type { MetaverseQuery, SearchClause, SearchOperator } from './metaverse-query'
import {
  matchMetaverse,
  metaverseResultPage,
  metaverseSearchSteps,
  searchMetaverse,
  searchMetaverseIncremental,
  type MetaverseSearchBatch,
} from './metaverse-search'

function attribute(name: string, ...values: string[]): MvAttribute {
  return {
    name,
    type: 'String',
    multiValued: values.length > 1,
    values,
    lineage: values.map(() => noLineage),
  }
}

const noLineage = { lineageId: null, connectorId: null, connectorName: null, syncRuleName: null, time: null }

function person(id: string, objectType: string, ...attributes: MvAttribute[]): MvObject {
  return { id, objectType, attributes, connections: [] }
}

function storeOf(objects: readonly MvObject[]): ObjectStore {
  const store = new ObjectStore()
  objects.forEach((object) => store.addMvObject(object))
  store.finish()
  return store
}

const people: readonly MvObject[] = [
  person(
    'jeff',
    'person',
    attribute('displayName', 'Jeff Smith'),
    attribute('mail', 'jeff@contoso.com'),
    attribute('proxyAddresses', 'SMTP:jeff@contoso.com', 'smtp:js@fabrikam.com'),
  ),
  person('mary', 'person', attribute('displayName', 'Mary Smithson'), attribute('mail', 'MARY@CONTOSO.COM')),
  person(
    'zoe',
    'Person',
    attribute('displayName', 'Zoë Blacksmith'),
    attribute('__proto__', 'polluted'),
    attribute('constructor', 'x'),
  ),
  person('noname', 'person', attribute('mail', 'noname@fabrikam.com')),
  person('admins', 'group', attribute('displayName', 'Admins'), attribute('member', 'CN=Jeff', 'CN=Mary')),
]
const store = storeOf(people)

const one = (attribute: string, operator: SearchOperator, value?: string): MetaverseQuery => ({
  groups: [{ clauses: [{ attribute, operator, ...(value === undefined ? {} : { value }) }] }],
})
const idsOf = (query: MetaverseQuery): string[] =>
  Array.from(matchMetaverse(store, query), (row) => store.mvIdAt(row))

describe('searchMetaverse operators', () => {
  it.each<[string, MetaverseQuery, readonly string[]]>([
    ['Equals, any case', one('DISPLAYNAME', 'equals', 'jeff smith'), ['jeff']],
    [
      'Equals on another value of a multi-valued attribute',
      one('proxyAddresses', 'equals', 'SMTP:JS@FABRIKAM.COM'),
      ['jeff'],
    ],
    ['Equals with accents kept apart', one('displayName', 'equals', 'zoe blacksmith'), []],
    ['Equals with accents matched', one('displayName', 'equals', 'ZOË BLACKSMITH'), ['zoe']],
    ['Starts with', one('displayName', 'starts-with', 'MARY s'), ['mary']],
    ['Starts with on any value', one('proxyAddresses', 'starts-with', 'smtp:js'), ['jeff']],
    ['Ends with', one('mail', 'ends-with', '@CONTOSO.com'), ['jeff', 'mary']],
    ['Contains', one('displayName', 'contains', 'smith'), ['jeff', 'mary', 'zoe']],
    ['Contains on any value', one('proxyAddresses', 'contains', 'fabrikam'), ['jeff']],
    [
      'Does not contain (objects without the attribute do not match)',
      one('displayName', 'not-contains', 'smith'),
      ['admins'],
    ],
    ['Does not contain on every value', one('proxyAddresses', 'not-contains', 'fabrikam'), []],
    ['Is present', one('displayName', 'present'), ['jeff', 'mary', 'zoe', 'admins']],
    ['Is not present', one('displayName', 'not-present'), ['noname']],
    ['Is present on __proto__', one('__proto__', 'present'), ['zoe']],
    ['Equals on constructor', one('constructor', 'equals', 'X'), ['zoe']],
    ['Equals on an attribute no object has', one('toString', 'equals', 'x'), []],
    [
      'Is not present on an attribute no object has',
      one('hasOwnProperty', 'not-present'),
      ['jeff', 'mary', 'zoe', 'noname', 'admins'],
    ],
    ['Contains the empty text', one('mail', 'contains', ''), ['jeff', 'mary', 'noname']],
  ])('%s', (_, query, expected) => {
    expect(idsOf(query)).toEqual(expected)
    expect(searchMetaverse(store, query).total).toBe(expected.length)
  })

  it('scopes by object type, case-insensitively', () => {
    expect(idsOf({ objectType: 'PERSON', groups: [] })).toEqual(['jeff', 'mary', 'zoe', 'noname'])
    expect(idsOf({ objectType: 'group', groups: [{ clauses: [] }] })).toEqual(['admins'])
    expect(idsOf({ objectType: 'contact', groups: [] })).toEqual([])
  })

  it('ANDs clauses within a group and ORs groups', () => {
    const query: MetaverseQuery = {
      objectType: 'person',
      groups: [
        {
          clauses: [
            { attribute: 'displayName', operator: 'contains', value: 'smith' },
            { attribute: 'mail', operator: 'ends-with', value: 'contoso.com' },
          ],
        },
        { clauses: [{ attribute: 'displayName', operator: 'not-present' }] },
        { clauses: [{ attribute: 'member', operator: 'present' }] },
      ],
    }

    expect(idsOf(query)).toEqual(['jeff', 'mary', 'noname'])
  })

  it('looks up join values straight through the index', () => {
    const twins = storeOf([
      ...people,
      person(
        'jeff2',
        'group',
        attribute('mail', 'JEFF@contoso.com'),
        attribute('member', 'cn=jeff', 'CN=JEFF'),
      ),
    ])

    expect(mvIdsWithValue(twins, 'MAIL', 'jeff@CONTOSO.com')).toEqual(['jeff', 'jeff2'])
    expect(mvIdsWithValue(twins, 'mail', 'jeff@contoso.com', 'Person')).toEqual(['jeff'])
    expect(mvIdsWithValue(twins, 'proxyAddresses', 'smtp:jeff@contoso.com')).toEqual(['jeff'])
    expect(mvIdsWithValue(twins, 'member', 'CN=Jeff')).toEqual(['admins', 'jeff2'])
    expect(mvIdsWithValue(twins, 'missing', 'x')).toEqual([])
  })

  it('scans instead of building an index when told to', () => {
    const fresh = storeOf(people)

    const found = matchMetaverse(fresh, one('displayName', 'starts-with', 'MARY'), { buildIndexes: false })

    expect(Array.from(found, (row) => fresh.mvIdAt(row))).toEqual(['mary'])
    expect(fresh.counts().indexedMvAttributes).toBe(0)
  })

  it('applies the extra filter', () => {
    const result = searchMetaverse(store, one('displayName', 'present'), {
      extraFilter: (id) => id.startsWith('m') || id === 'admins',
    })

    expect(result.ids).toEqual(['mary', 'admins'])
  })

  it('searches only the first rows when told to, and filters only those', () => {
    const all = matchMetaverse(store, one('mail', 'not-present'))
    const filtered: string[] = []
    const first = matchMetaverse(store, one('mail', 'not-present'), {
      firstRows: 3,
      extraFilter: (id) => {
        filtered.push(id)
        return true
      },
    })

    expect(all.length).toBeGreaterThan(first.length)
    expect([...first]).toEqual([...all].filter((row) => row < 3))
    expect(filtered).toEqual(Array.from(first, (row) => store.mvIdAt(row)))
    expect(matchMetaverse(store, one('mail', 'not-present'), { firstRows: 0 })).toHaveLength(0)
    expect([...matchMetaverse(store, one('mail', 'not-present'), { firstRows: 1e9 })]).toEqual([...all])
  })
})

describe('searchMetaverse pages', () => {
  it('returns the total, the page rows with displayName and columns, and every match', () => {
    const result = searchMetaverse(store, one('mail', 'present'), {
      offset: 1,
      limit: 2,
      columns: ['proxyAddresses', 'MAIL', '__proto__'],
    })

    expect(result.total).toBe(3)
    expect(result.ids).toEqual(['mary', 'noname'])
    expect(result.page).toEqual([
      {
        id: 'mary',
        displayName: 'Mary Smithson',
        objectType: 'person',
        values: [null, 'MARY@CONTOSO.COM', null],
      },
      { id: 'noname', displayName: null, objectType: 'person', values: [null, 'noname@fabrikam.com', null] },
    ])
    expect(Array.from(result.matches, (row) => store.mvIdAt(row))).toEqual(['jeff', 'mary', 'noname'])
  })

  it('joins multiple values with "; " and cuts long lists', () => {
    const members = Array.from({ length: 25 }, (_, index) => `m${index}`)
    const big = storeOf([person('g', 'group', attribute('member', ...members)), ...people])

    const [group, jeff] = searchMetaverse(
      big,
      { groups: [] },
      { limit: 2, columns: ['member', 'proxyAddresses'] },
    ).page

    expect(group?.values).toEqual([`${members.slice(0, 20).join('; ')}; … (5 more)`, null])
    expect(jeff?.values).toEqual([null, 'SMTP:jeff@contoso.com; smtp:js@fabrikam.com'])
  })

  it('serves later pages from the matches without searching again', () => {
    const first = searchMetaverse(store, { groups: [] }, { limit: 2 })

    const second = metaverseResultPage(store, first.matches, { offset: 2, limit: 2 })
    const beyond = metaverseResultPage(store, first.matches, { offset: 10, limit: 2 })

    expect([first.ids, second.ids, beyond.ids]).toEqual([['jeff', 'mary'], ['zoe', 'noname'], []])
    expect(beyond.total).toBe(5)
  })
})

describe('searchMetaverse with few candidates left', () => {
  it('checks the remaining clauses object by object and finds the same rows', () => {
    const many = Array.from({ length: 1000 }, (_, index) =>
      person(
        `p${index}`,
        'person',
        attribute('employeeId', String(index)),
        attribute('displayName', index % 2 === 0 ? 'Even Smith' : 'Odd Jones'),
      ),
    )
    const large = storeOf(many)
    const query = (...clauses: SearchClause[]): MetaverseQuery => ({
      groups: [{ clauses: [{ attribute: 'employeeId', operator: 'starts-with', value: '42' }, ...clauses] }],
    })
    const ids = (found: Uint32Array): string[] => Array.from(found, (row) => large.mvIdAt(row))

    const smiths = matchMetaverse(
      large,
      query(
        { attribute: 'displayName', operator: 'contains', value: 'SMITH' },
        { attribute: 'displayName', operator: 'ends-with', value: 'th' },
      ),
    )
    const others = matchMetaverse(
      large,
      query({ attribute: 'displayName', operator: 'not-contains', value: 'smith' }),
    )
    const none = matchMetaverse(large, query({ attribute: 'displayName', operator: 'equals', value: 'odd' }))

    expect(ids(smiths)).toEqual(['p42', 'p420', 'p422', 'p424', 'p426', 'p428'])
    expect(ids(others)).toEqual(['p421', 'p423', 'p425', 'p427', 'p429'])
    expect(ids(none)).toEqual([])
  })
})

describe('searchMetaverseIncremental', () => {
  const many = Array.from({ length: 300 }, (_, index) =>
    person(
      `p${index}`,
      index % 3 === 0 ? 'group' : 'person',
      attribute('displayName', `User ${index}`),
      attribute('title', index % 5 === 0 ? 'Boss' : 'Worker'),
    ),
  )
  const large = storeOf(many)

  it('hands over the same matches as the one-shot search, in batches, in order', async () => {
    const query: MetaverseQuery = {
      objectType: 'person',
      groups: [{ clauses: [{ attribute: 'title', operator: 'equals', value: 'boss' }] }],
    }
    const batches: MetaverseSearchBatch[] = []

    const { total, cancelled } = await searchMetaverseIncremental(
      large,
      query,
      (batch) => batches.push(batch),
      { batchRows: 64 },
    )

    expect(cancelled).toBe(false)
    expect(batches.length).toBe(5)
    const oneShot = searchMetaverse(large, query, { limit: 0 }).matches
    expect(batches.flatMap((batch) => batch.ids)).toEqual(Array.from(oneShot, (row) => large.mvIdAt(row)))
    expect(total).toBe(40)
    expect(batches.map((batch) => batch.done)).toEqual([false, false, false, false, true])
    expect(batches.at(-1)?.scanned).toBe(300)
  })

  it('starts with a small step and doubles it when no batch size is given, so broad queries show rows at once', () => {
    const wide = storeOf(
      Array.from({ length: 13_000 }, (_, index) =>
        person(`w${index}`, 'person', attribute('cn', `W${index}`)),
      ),
    )
    const query = one('description', 'not-present')

    const batches = [...metaverseSearchSteps(wide, query)]

    expect(batches.map((batch) => batch.scanned)).toEqual([4096, 12_288, 13_000])
    expect(batches[0]?.ids).toHaveLength(4096)
    expect(batches.at(-1)?.matched).toBe(13_000)
  })

  it('builds the sorted index of an attribute it had to scan, after the last batch', () => {
    const fresh = storeOf(many)
    const query = one('displayName', 'starts-with', 'user 1')
    const steps = metaverseSearchSteps(fresh, query, { batchRows: 1000 })

    const first = steps.next()
    const indexedBeforeEnd = fresh.counts().indexedMvAttributes
    const end = steps.next()

    expect(first.value && first.value.ids.length).toBe(111)
    expect(indexedBeforeEnd).toBe(0)
    expect(end.done).toBe(true)
    expect(fresh.counts().indexedMvAttributes).toBe(1)
  })

  it('stops when the signal is aborted', async () => {
    const signal = { aborted: false }
    const batches: MetaverseSearchBatch[] = []

    const result = await searchMetaverseIncremental(
      large,
      { groups: [] },
      (batch) => {
        batches.push(batch)
        signal.aborted = true
      },
      { batchRows: 32, signal },
    )

    expect(result).toEqual({ total: 32, cancelled: true })
    expect(batches.length).toBe(1)
  })

  it('reports one empty, finished batch on an empty metaverse', async () => {
    const batches: MetaverseSearchBatch[] = []

    await searchMetaverseIncremental(storeOf([]), { groups: [] }, (batch) => batches.push(batch))

    expect(batches.map((batch) => [batch.ids.length, batch.done])).toEqual([[0, true]])
  })
})

describe('searchMetaverse against a plain reference (property)', () => {
  const letters = fc.constantFrom('a', 'b', 'A', 'B', ' ', 'é', 'É', 'ß')
  const valueArbitrary = fc.string({ unit: letters, maxLength: 4 })
  const names = ['displayName', 'mail', '__proto__']
  const objectArbitrary = fc.record({
    objectType: fc.constantFrom('person', 'group'),
    attributes: fc.array(
      fc.record({
        name: fc.constantFrom(...names, 'DisplayName'),
        values: fc.array(valueArbitrary, { maxLength: 3 }),
      }),
      { maxLength: 4 },
    ),
  })
  const clauseArbitrary: fc.Arbitrary<SearchClause> = fc.record({
    attribute: fc.constantFrom(...names, 'MAIL', 'missing'),
    operator: fc.constantFrom<SearchOperator>(
      'equals',
      'contains',
      'not-contains',
      'present',
      'not-present',
      'starts-with',
      'ends-with',
    ),
    value: valueArbitrary,
  })
  const queryArbitrary: fc.Arbitrary<MetaverseQuery> = fc.record({
    objectType: fc.option(fc.constantFrom('person', 'GROUP'), { nil: undefined }),
    groups: fc.array(fc.record({ clauses: fc.array(clauseArbitrary, { maxLength: 3 }) }), { maxLength: 3 }),
  })

  /** The documented semantics, written out plainly. */
  function reference(objects: readonly MvObject[], query: MetaverseQuery): string[] {
    const fold = (text: string): string => text.toLowerCase()
    const holds = (object: MvObject, clause: SearchClause): boolean => {
      const values = object.attributes
        .filter((attribute) => fold(attribute.name) === fold(clause.attribute))
        .flatMap((attribute) => attribute.values)
      const needle = fold(clause.value ?? '')
      switch (clause.operator) {
        case 'equals':
          return values.some((value) => fold(value) === needle)
        case 'starts-with':
          return values.some((value) => fold(value).startsWith(needle))
        case 'ends-with':
          return values.some((value) => fold(value).endsWith(needle))
        case 'contains':
          return values.some((value) => fold(value).includes(needle))
        case 'not-contains':
          return values.length > 0 && values.every((value) => !fold(value).includes(needle))
        case 'present':
          return values.length > 0
        case 'not-present':
          return values.length === 0
      }
    }
    return objects
      .filter(
        (object) => query.objectType === undefined || fold(object.objectType) === fold(query.objectType),
      )
      .filter(
        (object) =>
          query.groups.length === 0 ||
          query.groups.some((group) => group.clauses.every((clause) => holds(object, clause))),
      )
      .map((object) => object.id)
  }

  it('matches the reference through indexes, scans and per-row checks alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(objectArbitrary, { maxLength: 80 }),
        queryArbitrary,
        async (shapes, query) => {
          const objects = shapes.map((shape, index) =>
            person(
              `o${index}`,
              shape.objectType,
              ...shape.attributes.map((entry) => attribute(entry.name, ...entry.values)),
            ),
          )
          const scanned = storeOf(objects)
          const indexed = storeOf(objects)
          indexed.prepareSearchIndex(names)
          const expected = reference(objects, query)

          const batches: string[] = []
          await searchMetaverseIncremental(scanned, query, (batch) => batches.push(...batch.ids), {
            batchRows: 32,
          })
          const viaIndex = Array.from(matchMetaverse(indexed, query), (row) => indexed.mvIdAt(row))

          expect(batches).toEqual(expected)
          expect(viaIndex).toEqual(expected)
        },
      ),
      { numRuns: 300 },
    )
  })
})
