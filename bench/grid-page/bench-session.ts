/**
 * A snapshot session over synthetic metaverse objects, for the grid benchmark: it answers the queries the
 * Metaverse Search view asks (attribute names, searches paged by `searchId`) as the real session does, without
 * loading a snapshot. Rows are made on demand from their index, so 300,000 matches cost nothing until paged.
 */
import type { SnapshotSummary } from '../../shared/app/host-api'
import type { MetaverseSearchPage, MetaverseSearchRequest } from '../../shared/app/view-queries'
import type { MvSearchRow } from '../../shared/search/result-rows'
import type { SnapshotSessionApi } from '../../shared/app/session-api'
import { QUERY_TABLE, type QueryResult, type SyncQueries } from '../../shared/app/query-table'

/** The metaverse attributes the synthetic objects carry, as the attribute picker lists them. */
export const BENCH_ATTRIBUTES: readonly string[] = [
  'accountName',
  'department',
  'displayName',
  'mail',
  'objectSid',
  'userPrincipalName',
]

const DEPARTMENTS = ['Sales', 'Finance', 'Engineering', 'Human Resources', 'Legal', 'Operations']
const SURNAMES = ['Trujillo', 'Lindqvist', 'Okafor', 'Nakamura', 'Fernández', 'Schulz', "O'Brien"]
const GIVEN_NAMES = ['Ana', 'Björn', 'Chiamaka', 'Daichi', 'Elena', 'Friedrich', 'Gráinne']

/** A GUID-shaped id that is the same for the same index. */
function objectId(index: number): string {
  const hex = index.toString(16).padStart(12, '0')
  return `5f0c${hex.slice(0, 4)}-8a1e-4c2b-9d3f-${hex}`
}

function pick(list: readonly string[], index: number): string {
  return list[index % list.length] ?? ''
}

function attributeValue(attribute: string, index: number): string | null {
  const number = String(index).padStart(6, '0')
  switch (attribute.toLowerCase()) {
    case 'accountname':
      return `user${number}`
    case 'department':
      return index % 11 === 0 ? null : pick(DEPARTMENTS, index)
    case 'displayname':
      return `${pick(SURNAMES, index)}, ${pick(GIVEN_NAMES, index >> 3)} ${number}`
    case 'mail':
    case 'userprincipalname':
      return `user${number}@contoso.com`
    case 'objectsid':
      return `S-1-5-21-3623811015-3361044348-30300820-${1000 + index}`
    default:
      return null
  }
}

/** The search row of synthetic object `index`, with the requested attribute columns. */
export function benchRow(index: number, columns: readonly string[]): MvSearchRow {
  return {
    id: objectId(index),
    // Every 23rd object has no displayName, so the grid also shows ids in their code style.
    displayName: index % 23 === 0 ? null : attributeValue('displayName', index),
    objectType: index % 9 === 0 ? 'group' : 'person',
    values: columns.map((column) => attributeValue(column, index)),
  }
}

/** The session: `objects` synthetic metaverse objects, every one matching every search. */
export function benchSession(objects: number): SnapshotSessionApi {
  const groups = Math.floor((objects + 8) / 9)
  const summary: SnapshotSummary = {
    name: 'Grid benchmark',
    connectors: [],
    rules: { total: 0, inbound: 0, outbound: 0, disabled: 0 },
    serverConfigurationVersion: null,
    server: null,
    metaverseObjectTypes: ['person', 'group'],
    metaverse: { objects, byObjectType: { person: objects - groups, group: groups }, source: 'exported' },
    unassignedCsObjects: 0,
    issues: [],
  }
  let nextSearchId = 1
  const searchMetaverse = (request: MetaverseSearchRequest): MetaverseSearchPage => {
    const started = performance.now()
    const searchId = request.searchId ?? nextSearchId++
    const start = Math.min(Math.max(0, request.offset), objects)
    const end = Math.min(start + Math.max(0, request.limit), objects)
    const rows: MvSearchRow[] = []
    for (let index = start; index < end; index++) rows.push(benchRow(index, request.columns))
    return {
      searchId,
      total: objects,
      offset: start,
      rows,
      elapsedMs: request.searchId === undefined ? performance.now() - started : 0,
    }
  }
  // The grid asks only these; every other query answers as a session with nothing loaded.
  const handlers: Partial<SyncQueries> = {
    summary: () => summary,
    searchMetaverse,
    metaverseAttributes: () => BENCH_ATTRIBUTES,
  }
  return {
    load: async () => summary,
    query: (name, ...args) => {
      const handler = handlers[name] as ((...given: typeof args) => QueryResult<typeof name>) | undefined
      return handler === undefined ? QUERY_TABLE[name].empty : handler(...args)
    },
    // The grid never compares: like a session with one snapshot and nothing beside it.
    loadComparison: () => Promise.reject(new Error('The grid benchmark compares nothing.')),
    closeComparison: () => undefined,
    computeImpact: () => Promise.reject(new Error('The grid benchmark compares nothing.')),
  }
}
