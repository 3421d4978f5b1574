/**
 * Measures the object store and Metaverse Search on N synthetic metaverse objects.
 *
 *   npx tsx scripts/measure-store.ts 1000000
 *   node --expose-gc --max-old-space-size=4096 --import tsx scripts/measure-store.ts 1000000
 *
 * Objects (~30 attributes with realistic value lengths, two connections, per-value lineage) are
 * generated one at a time straight into the store, so the heap after loading is the store's. Prints
 * heap bytes per object, the store's own estimate, an estimate of the metaverse XML the objects
 * would come from, peak RSS, and search latencies: cold = first search of an attribute, which builds
 * its index; then wall-clock p50/p95 over 100 searches, and the p95 of CPU time, which a busy
 * machine does not inflate.
 */
import os from 'node:os'
import type { MvAttribute, MvObject, ValueLineage } from '../shared/model/objects'
import type { MetaverseQuery } from '../shared/search/metaverse-query'
import { searchMetaverse, searchMetaverseIncremental } from '../shared/search/metaverse-search'
import { ObjectStore } from '../shared/store/object-store'

const count = Number(process.argv[2] ?? '100000')
const gc = (globalThis as { gc?: () => void }).gc

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const next = random(42)
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
const digits = (length: number): string => String(Math.floor(next() * 10 ** length)).padStart(length, '0')
const hex8 = (): string =>
  Math.floor(next() * 4294967296)
    .toString(16)
    .padStart(8, '0')
const guid = (): string => {
  const text = hex8() + hex8() + hex8() + hex8()
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`
}
const base64 = (bytes: number): string => {
  const buffer = Buffer.alloc(bytes)
  for (let index = 0; index < bytes; index += 4)
    buffer.writeUInt32LE(Math.floor(next() * 4294967296), Math.min(index, bytes - 4))
  return buffer.toString('base64')
}

const FIRST = [
  'John',
  'Mary',
  'Anna',
  'Peter',
  'Liam',
  'Olivia',
  'Noah',
  'Emma',
  'Élodie',
  'Zoë',
  'Ahmed',
  'Wei',
  'Sofia',
  'Lucas',
  'Mia',
  'Mateo',
  'Isabella',
  'Ethan',
  'Chloé',
  'Jürgen',
  'Priya',
  'Hiroshi',
  'Fatima',
  'Oscar',
]
const LAST = [
  'Smith',
  'Jones',
  'Müller',
  'Garcia',
  'Brown',
  'Taylor',
  'Wilson',
  'Davies',
  'Evans',
  'Thomas',
  'Johnson',
  'Martin',
  'Dubois',
  'Rossi',
  'Kowalski',
  'Nguyen',
  'Kim',
  'Silva',
  'Andersson',
  'Novak',
  "O'Brien",
]
const DEPARTMENTS = [
  'Sales',
  'Marketing',
  'Finance',
  'Human Resources',
  'Engineering',
  'Support',
  'Legal',
  'IT Operations',
]
const TITLES = [
  'Account Manager',
  'Software Engineer',
  'Analyst',
  'Director',
  'Consultant',
  'Administrator',
  'Intern',
]
const CITIES = ['Seattle', 'London', 'Paris', 'München', 'Tokyo', 'Sydney', 'Toronto', 'São Paulo']
const RULES = [
  'In from AD - User Common',
  'In from AD - User Join',
  'In from AAD - User Join',
  'In from AD - User AccountEnabled',
]
const AD = { id: 'b891884f-051e-4a83-95af-2544101c9083', name: 'contoso.com' }
const AAD = { id: 'b1a2c3d4-0000-4000-8000-0000000000aa', name: 'contoso.onmicrosoft.com - AAD' }

/** A synthetic person: what a real MV export holds for a synchronized user. */
function syntheticObject(index: number): MvObject {
  const first = pick(FIRST)
  const last = pick(LAST)
  const account = `${first[0]}${last}${index}`.replace(/[^A-Za-z0-9]/g, '').toLowerCase()
  const adLink = {
    lineageId: guid(),
    time: `2024-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}T0${Math.floor(next() * 9)}:2${Math.floor(next() * 9)}:31.000Z`,
  }
  const aadLink = {
    lineageId: guid(),
    time: `2024-10-0${1 + Math.floor(next() * 9)}T1${Math.floor(next() * 9)}:05:12.000Z`,
  }
  const fromAd = (rule: string): ValueLineage => ({
    lineageId: adLink.lineageId,
    connectorId: AD.id,
    connectorName: AD.name,
    syncRuleName: rule,
    time: adLink.time,
  })
  const fromAad: ValueLineage = {
    lineageId: aadLink.lineageId,
    connectorId: AAD.id,
    connectorName: AAD.name,
    syncRuleName: RULES[2] ?? '',
    time: aadLink.time,
  }
  const attributes: MvAttribute[] = []
  const add = (
    name: string,
    values: readonly string[],
    type: MvAttribute['type'] = 'String',
    lineage = fromAd(RULES[0] ?? ''),
  ): void => {
    attributes.push({
      name,
      type,
      multiValued: values.length > 1 || name === 'proxyAddresses',
      values,
      lineage: values.map(() => lineage),
    })
  }
  const upn = `${account}@contoso.com`
  add('accountEnabled', [next() < 0.9 ? 'true' : 'false'], 'Boolean', fromAd(RULES[3] ?? ''))
  add('accountName', [account])
  add('cn', [`${first} ${last}`])
  add('displayName', [`${first} ${last}`])
  add('givenName', [first])
  add('sn', [last])
  add('mail', [`${first}.${last}${index}@contoso.com`.toLowerCase()])
  add('mailNickname', [account])
  add('userPrincipalName', [upn])
  add('onPremisesSamAccountName', [account])
  add('sourceAnchor', [base64(16)], 'String', fromAd(RULES[1] ?? ''))
  add('sourceAnchorBinary', [base64(16)], 'Binary', fromAd(RULES[1] ?? ''))
  add('objectSidString', [`S-1-5-21-${digits(10)}-${digits(10)}-${digits(10)}-${1000 + index}`])
  add('cloudAnchor', [`User_${guid()}`], 'String', fromAad)
  add('cloudSourceAnchor', [base64(16)], 'String', fromAad)
  add('department', [pick(DEPARTMENTS)])
  add('title', [pick(TITLES)])
  add('company', ['Contoso Ltd.'])
  add('l', [pick(CITIES)])
  add('telephoneNumber', [`+1 425 555 ${digits(4)}`])
  add('employeeID', [digits(6)])
  add('domainFQDN', ['contoso.com'])
  add('domainNetBios', ['CONTOSO'])
  add('forestFQDN', ['contoso.com'])
  add('sourceObjectType', ['User'])
  add('usageLocation', ['US'])
  add('pwdLastSet', [String(132000000000000000 + Math.floor(next() * 1e15))], 'Integer')
  add('userAccountControl', [pick(['512', '514', '66048'])], 'Integer')
  add(
    'proxyAddresses',
    [`SMTP:${first}.${last}${index}@contoso.com`, `smtp:${account}@contoso.mail.onmicrosoft.com`].concat(
      next() < 0.3 ? [`smtp:${account}@fabrikam.com`] : [],
    ),
  )
  if (next() < 0.7)
    add('manager', [`CN=${pick(FIRST)} ${pick(LAST)},OU=Users,OU=Corp,DC=contoso,DC=com`], 'Reference')
  if (next() < 0.3) add('description', [`${pick(TITLES)} in ${pick(DEPARTMENTS)}, ${pick(CITIES)} office`])
  if (next() < 0.2) add('extensionAttribute1', [`EA1-${digits(5)}`])
  return {
    id: guid(),
    objectType: 'person',
    attributes,
    connections: [
      {
        csId: guid(),
        csDn: `CN=${first} ${last},OU=Users,OU=Corp,DC=contoso,DC=com`,
        connectorId: AD.id,
        connectorName: AD.name,
        lineageId: adLink.lineageId,
        lineageType: 'Projection',
        lineageTime: adLink.time,
      },
      {
        csId: guid(),
        csDn: `CN={${hex8()}${hex8()}${hex8()}${hex8()}}`,
        connectorId: AAD.id,
        connectorName: AAD.name,
        lineageId: aadLink.lineageId,
        lineageType: 'Join',
        lineageTime: aadLink.time,
      },
    ],
  }
}

/** The MV-export XML size of an object, written the way Get-ADSyncMVObject serializes one. */
function xmlSize(object: MvObject): number {
  let size = `<mv-object id="{${object.id.toUpperCase()}}" object-type="${object.objectType}"><cs-mv-links>`
    .length
  for (const connection of object.connections) {
    size +=
      `<cs-mv-value lineage-id="{${connection.lineageId ?? ''}}" lineage-type="${connection.lineageType ?? ''}" lineage-time="${connection.lineageTime ?? ''}"><cs-dn>${connection.csDn}</cs-dn><cs-guid>{${connection.csId}}</cs-guid><ma-name>${connection.connectorName ?? ''}</ma-name><ma-guid>{${connection.connectorId ?? ''}}</ma-guid></cs-mv-value>`
        .length
  }
  size += '</cs-mv-links><entry><primary-objectclass>person</primary-objectclass>'.length
  for (const attribute of object.attributes) {
    size +=
      `<attr name="${attribute.name}" type="${attribute.type.toLowerCase()}" multivalued="${String(attribute.multiValued)}">`
        .length
    attribute.values.forEach((value, index) => {
      const lineage = attribute.lineage[index]
      size +=
        `<value lineage-id="{${lineage?.lineageId ?? ''}}" lineage-ma-id="{${lineage?.connectorId ?? ''}}" lineage-time="${lineage?.time ?? ''}">${value}</value>`
          .length
    })
    size += '</attr>'.length
  }
  return size + '</entry></mv-object>\n'.length
}

function percentile(samples: readonly number[], share: number): number {
  const sorted = [...samples].sort((left, right) => left - right)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`
const ms = (value: number): string => `${value.toFixed(1)} ms`

gc?.()
/** Heap plus the typed arrays' backing stores, which V8 keeps outside the heap. */
const usedBytes = (): number => {
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}
const heapBefore = usedBytes()
const started = performance.now()
let generating = 0
const store = new ObjectStore()
let valueChars = 0
let xmlBytes = 0
const samples: { displayName: string; account: string }[] = []
for (let index = 0; index < count; index += 1) {
  const generateStart = performance.now()
  const object = syntheticObject(index)
  for (const attribute of object.attributes) for (const value of attribute.values) valueChars += value.length
  if (index < 2000) xmlBytes += xmlSize(object)
  if (index % Math.max(1, Math.floor(count / 200)) === 0) {
    samples.push({
      displayName: object.attributes.find((attribute) => attribute.name === 'displayName')?.values[0] ?? '',
      account: object.attributes.find((attribute) => attribute.name === 'accountName')?.values[0] ?? '',
    })
  }
  generating += performance.now() - generateStart
  store.addMvObject(object)
}
const added = performance.now()
store.finish()
const finished = performance.now()
gc?.()
const heapAfter = usedBytes()
const xmlTotal = (xmlBytes / Math.min(count, 2000)) * count
const perObject = (heapAfter - heapBefore) / count

console.log(
  `load average at start: ${os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`,
)
console.log(`objects: ${count}${gc === undefined ? ' (run with --expose-gc for exact heap numbers)' : ''}`)
console.log(
  `load: ${ms(added - started - generating)} to add (plus ${ms(generating)} to generate), ${ms(finished - added)} to finish`,
)
console.log(`heap + array buffers: ${mb(heapAfter - heapBefore)} = ${perObject.toFixed(0)} bytes per object`)
console.log(
  `  of which value text: ${(valueChars / count).toFixed(0)} chars per object; beyond it: ${(perObject - valueChars / count).toFixed(0)} bytes per object`,
)
console.log(
  `store estimate: ${mb(store.memoryEstimate())} = ${(store.memoryEstimate() / count).toFixed(0)} bytes per object`,
)

type Case = {
  readonly name: string
  readonly query: (sample: { displayName: string; account: string }, index: number) => MetaverseQuery
}
const cases: readonly Case[] = [
  {
    name: 'Equals (accountName)',
    query: (sample) => ({
      groups: [
        { clauses: [{ attribute: 'accountName', operator: 'equals', value: sample.account.toUpperCase() }] },
      ],
    }),
  },
  {
    name: 'Equals (displayName)',
    query: (sample) => ({
      objectType: 'person',
      groups: [{ clauses: [{ attribute: 'displayName', operator: 'equals', value: sample.displayName }] }],
    }),
  },
  {
    name: 'Starts with (accountName)',
    query: (sample) => ({
      groups: [
        {
          clauses: [{ attribute: 'accountName', operator: 'starts-with', value: sample.account.slice(0, 6) }],
        },
      ],
    }),
  },
  {
    name: 'Starts with (displayName, 3 chars)',
    query: (sample) => ({
      groups: [
        {
          clauses: [
            { attribute: 'displayName', operator: 'starts-with', value: sample.displayName.slice(0, 3) },
          ],
        },
      ],
    }),
  },
  {
    name: 'Contains (displayName)',
    query: (sample) => ({
      groups: [
        {
          clauses: [
            { attribute: 'displayName', operator: 'contains', value: sample.displayName.slice(2, 6) },
          ],
        },
      ],
    }),
  },
  {
    name: 'Contains (mail, rare)',
    query: (sample) => ({
      groups: [{ clauses: [{ attribute: 'mail', operator: 'contains', value: sample.account.slice(-5) }] }],
    }),
  },
  {
    name: 'Is not present (description)',
    query: () => ({ groups: [{ clauses: [{ attribute: 'description', operator: 'not-present' }] }] }),
  },
  {
    name: 'Is not present (extensionAttribute1)',
    query: () => ({
      objectType: 'person',
      groups: [{ clauses: [{ attribute: 'extensionAttribute1', operator: 'not-present' }] }],
    }),
  },
]

const rounds = 100
for (const test of cases) {
  const timings: number[] = []
  const cpuTimings: number[] = []
  let total = 0
  let cold = 0
  for (let round = 0; round <= rounds; round += 1) {
    const sample = samples[(round * 7) % samples.length] ?? { displayName: '', account: '' }
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    const result = searchMetaverse(store, test.query(sample, round), {
      limit: 50,
      columns: ['mail', 'department'],
    })
    const elapsed = performance.now() - start
    const cpu = process.cpuUsage(cpuStart)
    total = result.total
    if (round === 0) cold = elapsed
    else {
      timings.push(elapsed)
      cpuTimings.push((cpu.user + cpu.system) / 1000)
    }
  }
  console.log(
    `${test.name.padEnd(38)} p50 ${ms(percentile(timings, 0.5)).padStart(9)}  p95 ${ms(percentile(timings, 0.95)).padStart(9)}` +
      `  (CPU p95 ${ms(percentile(cpuTimings, 0.95)).padStart(8)})  cold ${ms(cold).padStart(9)}  (${total} matches in the last)`,
  )
}

async function firstBatch(name: string, query: MetaverseQuery): Promise<void> {
  const start = performance.now()
  let first = -1
  let firstCount = 0
  const { total } = await searchMetaverseIncremental(store, query, (batch) => {
    if (first < 0 && batch.ids.length > 0) {
      first = performance.now() - start
      firstCount = batch.ids.length
    }
  })
  console.log(
    `incremental ${name}: first ${firstCount} results after ${ms(first)}, all ${total} after ${ms(performance.now() - start)}`,
  )
}
await firstBatch('Contains (displayName "mit")', {
  groups: [{ clauses: [{ attribute: 'displayName', operator: 'contains', value: 'mit' }] }],
})
await firstBatch('Equals, no index yet (title)', {
  groups: [{ clauses: [{ attribute: 'title', operator: 'equals', value: 'analyst' }] }],
})
await firstBatch('Starts with, OR group (cn / sn)', {
  groups: [
    { clauses: [{ attribute: 'cn', operator: 'starts-with', value: 'emma' }] },
    { clauses: [{ attribute: 'sn', operator: 'ends-with', value: 'ssi' }] },
  ],
})

console.log(`store estimate after searches: ${mb(store.memoryEstimate())}`)
console.log(
  `load average at end: ${os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}`,
)
const rss = process.resourceUsage().maxRSS * 1024
console.log(
  `peak RSS: ${mb(rss)}; metaverse XML for these objects: about ${mb(xmlTotal)} (budget 0.6 x XML + 250 MB = ${mb(0.6 * xmlTotal + 250 * 1048576)})`,
)
