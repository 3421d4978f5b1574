/**
 * A hand-made snapshot for comparison tests: one AD forest, Entra ID, rules modelled on the defaults plus a
 * custom HR rule, and four users whose metaverse and Entra ID values are what the rules compute.
 */
import {
  aadConnector,
  type AttributeSpec,
  connector,
  csObject,
  flow,
  mvObject,
  rule,
} from '../../engine/testing/scenario'
import { assembleConfiguration } from '../../formats/serverconfig/server-configuration'
import type { LoadedSnapshot } from '../../load/load-snapshot'
import type { Connector } from '../../model/connector'
import type { CsObject, MvObject } from '../../model/objects'
import type { SyncRule } from '../../model/sync-rule'
import { ObjectStore } from '../../store/object-store'

/** The AD connector. */
export const AD = connector({
  id: 'a0000000-0000-4000-8000-00000000000a',
  name: 'contoso.com',
  partitions: ['DC=contoso,DC=com'],
  selected: [
    'objectGUID',
    'adminDescription',
    'cn',
    'department',
    'displayName',
    'extensionAttribute2',
    'isCriticalSystemObject',
    'mailNickname',
    'title',
  ],
})

/** The Entra ID connector. */
export const AAD = aadConnector([
  'sourceAnchor',
  'accountEnabled',
  'department',
  'displayName',
  'mailNickname',
  'title',
])

/** The rules, by short name. */
export const RULES = {
  join: rule({
    id: '10000000-0000-4000-8000-000000000001',
    name: 'In from AD - User Join',
    connector: AD,
    precedence: 100,
    link: 'Provision',
    scope: [['adminDescription NOTSTARTSWITH User_']],
    join: [[['objectGUID', 'sourceAnchor']]],
    flows: [
      flow.direct('sourceAnchor', 'objectGUID'),
      flow.constant('sourceObjectType', 'User'),
      flow.expression('cloudFiltered', 'IIF(IsPresent([isCriticalSystemObject]),True,NULL)'),
    ],
  }),
  hr: rule({
    id: '10000000-0000-4000-8000-000000000002',
    name: 'Contoso - In from AD - User Department from HR',
    connector: AD,
    precedence: 50,
    scope: [['extensionAttribute2 ISNOTNULL']],
    flows: [flow.expression('department', 'Trim([extensionAttribute2])')],
  }),
  common: rule({
    id: '10000000-0000-4000-8000-000000000003',
    name: 'In from AD - User Common',
    connector: AD,
    precedence: 106,
    scope: [['adminDescription NOTSTARTSWITH User_']],
    flows: [
      flow.direct('department', 'department'),
      flow.direct('title', 'title'),
      flow.expression('displayName', 'IIF(IsNullOrEmpty([displayName]),[cn],[displayName])'),
      flow.direct('mailNickname', 'mailNickname'),
      flow.constant('accountEnabled', 'True'),
    ],
  }),
  outJoin: rule({
    id: '10000000-0000-4000-8000-000000000004',
    name: 'Out to AAD - User Join',
    direction: 'Outbound',
    connector: AAD,
    precedence: 120,
    link: 'Provision',
    scope: [['cloudFiltered NOTEQUAL True', 'sourceAnchor ISNOTNULL']],
    join: [[['sourceAnchor', 'sourceAnchor']]],
    flows: [flow.direct('sourceAnchor', 'sourceAnchor'), flow.direct('accountEnabled', 'accountEnabled')],
  }),
  outIdentity: rule({
    id: '10000000-0000-4000-8000-000000000005',
    name: 'Out to AAD - User Identity',
    direction: 'Outbound',
    connector: AAD,
    precedence: 121,
    scope: [['sourceObjectType EQUAL User']],
    flows: [
      flow.direct('displayName', 'displayName'),
      flow.direct('department', 'department'),
      flow.direct('title', 'title'),
    ],
  }),
  outExchange: rule({
    id: '10000000-0000-4000-8000-000000000006',
    name: 'Out to AAD - User ExchangeOnline',
    direction: 'Outbound',
    connector: AAD,
    precedence: 122,
    scope: [['cloudMastered NOTEQUAL True']],
    flows: [flow.direct('mailNickname', 'mailNickname')],
  }),
} satisfies Readonly<Record<string, SyncRule>>

/** One user: its AD values, and whether it is already in Entra ID. */
interface UserSpec {
  readonly key: string
  readonly dn: string
  readonly ad: AttributeSpec
  readonly mv: AttributeSpec
  readonly inEntra: boolean
}

/** The users, with the metaverse values the rules compute and (when exported) the same values in Entra ID. */
export const USERS: readonly UserSpec[] = [
  {
    key: 'ada',
    dn: 'CN=Ada Lovelace,OU=Research,DC=contoso,DC=com',
    ad: {
      objectGUID: 'AAAAAAAAAAAAAAAAAAAAAQ==',
      cn: 'Ada Lovelace',
      displayName: 'Ada Lovelace',
      department: 'Research',
      extensionAttribute2: ' Analytical Engines ',
      title: 'Countess',
      mailNickname: 'ada',
    },
    mv: {
      sourceAnchor: 'AAAAAAAAAAAAAAAAAAAAAQ==',
      sourceObjectType: 'User',
      displayName: 'Ada Lovelace',
      department: 'Analytical Engines',
      title: 'Countess',
      mailNickname: 'ada',
      accountEnabled: 'True',
    },
    inEntra: true,
  },
  {
    key: 'grace',
    dn: 'CN=Grace Hopper,OU=Navy,DC=contoso,DC=com',
    ad: {
      objectGUID: 'AAAAAAAAAAAAAAAAAAAAAg==',
      cn: 'Grace Hopper',
      department: 'Navy',
      title: 'Rear Admiral',
    },
    mv: {
      sourceAnchor: 'AAAAAAAAAAAAAAAAAAAAAg==',
      sourceObjectType: 'User',
      displayName: 'Grace Hopper',
      department: 'Navy',
      title: 'Rear Admiral',
      accountEnabled: 'True',
    },
    inEntra: true,
  },
  {
    key: 'alan',
    dn: 'CN=Alan Turing,OU=Research,DC=contoso,DC=com',
    ad: {
      objectGUID: 'AAAAAAAAAAAAAAAAAAAAAw==',
      cn: 'Alan Turing',
      displayName: 'Alan Turing',
      department: 'Mathematics',
      extensionAttribute2: 'Cryptanalysis',
      mailNickname: 'alan',
    },
    mv: {
      sourceAnchor: 'AAAAAAAAAAAAAAAAAAAAAw==',
      sourceObjectType: 'User',
      displayName: 'Alan Turing',
      department: 'Cryptanalysis',
      mailNickname: 'alan',
      accountEnabled: 'True',
    },
    inEntra: true,
  },
  {
    key: 'edsger',
    dn: 'CN=Edsger Dijkstra,OU=Staging,DC=contoso,DC=com',
    ad: {
      objectGUID: 'AAAAAAAAAAAAAAAAAAAABA==',
      cn: 'Edsger Dijkstra',
      displayName: 'Edsger Dijkstra',
      department: 'Computing',
    },
    mv: {
      sourceAnchor: 'AAAAAAAAAAAAAAAAAAAABA==',
      sourceObjectType: 'User',
      displayName: 'Edsger Dijkstra',
      department: 'Computing',
      accountEnabled: 'True',
    },
    inEntra: false,
  },
]

/** Attributes the outbound rules write, as Entra ID holds them for a user in sync. */
function entraValues(mv: AttributeSpec): AttributeSpec {
  const exported: Record<string, string | readonly string[]> = {}
  for (const name of [
    'sourceAnchor',
    'accountEnabled',
    'displayName',
    'department',
    'title',
    'mailNickname',
  ]) {
    const value = mv[name]
    if (value !== undefined) exported[name] = value
  }
  return exported
}

/** What a test changes in the world. */
export interface WorldOptions {
  readonly name?: string
  /** The rules (all of RULES by default). */
  readonly rules?: readonly SyncRule[]
  readonly connectors?: readonly Connector[]
  /** False: configuration only (no connector spaces, no metaverse). */
  readonly objects?: boolean
  /** Users left out. */
  readonly without?: readonly string[]
  /** AD values replaced per user key (metaverse and Entra ID values stay as given). */
  readonly adChanges?: Readonly<Record<string, AttributeSpec>>
  /** More connector-space objects (a disconnector, ...). */
  readonly extraCs?: readonly CsObject[]
}

/** The objects of the world: each user's AD object, metaverse object and (when in Entra ID) Entra ID object. */
export function worldObjects(options: WorldOptions = {}): {
  readonly cs: CsObject[]
  readonly mv: MvObject[]
} {
  const adConnector = options.connectors?.find((candidate) => candidate.type === 'AD') ?? AD
  const cs: CsObject[] = []
  const mv: MvObject[] = []
  USERS.forEach((user, position) => {
    if (options.without?.includes(user.key)) return
    const number = String(position + 1).padStart(12, '0')
    const mvId = `20000000-0000-4000-8000-${number}`
    const ad = csObject({
      id: `30000000-0000-4000-8000-${number}`,
      connector: adConnector,
      dn: user.dn,
      attrs: { ...user.ad, ...options.adChanges?.[user.key] },
      mv: mvId,
    })
    const aad = user.inEntra
      ? csObject({
          id: `40000000-0000-4000-8000-${number}`,
          connector: AAD,
          dn: `CN={${user.key}}`,
          attrs: entraValues(user.mv),
          mv: mvId,
        })
      : null
    const linked = aad ? [ad, aad] : [ad]
    cs.push(...linked)
    mv.push({
      ...mvObject({ id: mvId, attrs: user.mv }),
      connections: linked.map((object) => ({
        csId: object.id,
        csDn: object.dn,
        connectorId: object.connectorId,
        connectorName: object.connectorName,
        lineageId: null,
        lineageType: 'Join',
        lineageTime: null,
      })),
    })
  })
  return { cs, mv }
}

/** The world as a loaded snapshot. */
export function world(options: WorldOptions = {}): LoadedSnapshot {
  const connectors = options.connectors ?? [AD, AAD]
  const assembled = assembleConfiguration(options.rules ?? Object.values(RULES), connectors, null)
  const store = new ObjectStore()
  if (options.objects ?? true) {
    const { cs, mv } = worldObjects(options)
    for (const object of [...cs, ...(options.extraCs ?? [])]) store.addCsObject(object)
    for (const object of mv) store.addMvObject(object)
  }
  store.finish()
  return {
    name: options.name ?? 'world',
    configuration: assembled.configuration,
    objects: store,
    issues: [],
    fileKinds: new Map(),
    manifest: null,
  }
}

/** The rules with one replaced (by id). */
export function withRule(
  replacement: SyncRule,
  rules: readonly SyncRule[] = Object.values(RULES),
): SyncRule[] {
  return rules.map((candidate) => (candidate.id === replacement.id ? replacement : candidate))
}
