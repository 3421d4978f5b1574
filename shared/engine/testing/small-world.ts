/**
 * A small Contoso-like snapshot for engine tests: one AD forest, Entra ID, and a handful of rules that
 * mirror the default ones (join, common, Exchange, outbound join and Exchange Online).
 */
import type { Connector } from '../../model/connector'
import type { AttributeType, CsObject, MvObject } from '../../model/objects'
import type { SyncRule } from '../../model/sync-rule'
import {
  aadConnector,
  type AttributeSpec,
  connector,
  csObject,
  flow,
  mvObject,
  rule,
  type RuleSpec,
  type Scenario,
  scenario,
} from './scenario'

/** The AD connector of the small world. */
export const AD = connector({
  name: 'contoso.com',
  partitions: ['DC=contoso,DC=com'],
  selected: [
    'objectGUID',
    'adminDescription',
    'mailNickname',
    'extensionAttribute1',
    'extensionAttribute2',
    'department',
    'title',
    'givenName',
    'pager',
    'employeeType',
    'sAMAccountName',
    'msExchHideFromAddressLists',
  ],
})

/** The Entra ID connector of the small world. */
export const AAD = aadConnector([
  'sourceAnchor',
  'extensionAttribute1',
  'givenName',
  'title',
  'accountEnabled',
])

/** The rules of the small world, by short name. */
export const RULES = {
  join: rule({
    name: 'In from AD - User Join',
    connector: AD,
    precedence: 100,
    link: 'Provision',
    scope: [['adminDescription NOTSTARTSWITH User_']],
    join: [[['objectGUID', 'sourceAnchor']]],
    flows: [
      flow.direct('sourceAnchor', 'objectGUID'),
      flow.constant('sourceObjectType', 'User'),
      flow.direct('employeeType', 'employeeType', { applyOnce: true }),
    ],
  }),
  fromExchange: rule({
    name: 'In from AD - User Common from Exchange',
    connector: AD,
    precedence: 104,
    scope: [['mailNickname ISNOTNULL']],
    flows: [flow.direct('extensionAttribute1', 'extensionAttribute1')],
  }),
  common: rule({
    name: 'In from AD - User Common',
    connector: AD,
    precedence: 106,
    scope: [['adminDescription NOTSTARTSWITH User_']],
    flows: [
      flow.direct('extensionAttribute1', 'extensionAttribute1'),
      flow.direct('department', 'department'),
      flow.direct('givenName', 'givenName'),
      flow.direct('title', 'title'),
      flow.direct('accountName', 'sAMAccountName'),
      flow.direct('info', 'info'),
      flow.constant('accountEnabled', 'True'),
    ],
  }),
  exchange: rule({
    name: 'In from AD - User Exchange',
    connector: AD,
    precedence: 108,
    scope: [['mailNickname ISNOTNULL']],
    flows: [
      flow.direct('extensionAttribute1', 'extensionAttribute1'),
      flow.direct('mailNickname', 'mailNickname'),
      flow.direct('msExchHideFromAddressLists', 'msExchHideFromAddressLists'),
    ],
  }),
  legacy: rule({
    name: 'In from AD - User Legacy',
    connector: AD,
    precedence: 110,
    disabled: true,
    flows: [flow.direct('extensionAttribute2', 'extensionAttribute2')],
  }),
  outJoin: rule({
    name: 'Out to AAD - User Join',
    direction: 'Outbound',
    connector: AAD,
    precedence: 123,
    link: 'Provision',
    scope: [['cloudFiltered NOTEQUAL True', 'sourceAnchor ISNOTNULL']],
    join: [[['sourceAnchor', 'sourceAnchor']]],
    flows: [
      flow.direct('sourceAnchor', 'sourceAnchor'),
      flow.direct('givenName', 'givenName'),
      flow.direct('accountEnabled', 'accountEnabled'),
    ],
  }),
  outExchange: rule({
    name: 'Out to AAD - User ExchangeOnline',
    direction: 'Outbound',
    connector: AAD,
    precedence: 125,
    scope: [['cloudMastered NOTEQUAL True']],
    flows: [flow.direct('extensionAttribute1', 'extensionAttribute1'), flow.direct('title', 'title')],
  }),
} satisfies Readonly<Record<string, SyncRule>>

/** Ids used by the small world's objects. */
export const IDS = {
  mv: '11111111-1111-4111-8111-111111111111',
  adUser: '22222222-2222-4222-8222-222222222222',
  aadUser: '33333333-3333-4333-8333-333333333333',
} as const

/** The AD user's DN. */
export const ADA_DN = 'CN=Ada Lovelace,OU=Users,DC=contoso,DC=com'

/** What a test changes in the small world. */
export interface WorldOptions {
  /** Attributes of the AD user (replace the defaults entirely when given). */
  readonly ad?: AttributeSpec
  /** Attributes of the MV object. */
  readonly mv?: AttributeSpec | null
  readonly mvTypes?: Readonly<Record<string, AttributeType>>
  /** Attributes of the Entra ID object; null for none. */
  readonly aad?: AttributeSpec | null
  readonly aadPendingExport?: AttributeSpec
  readonly aadExportError?: string
  /** False makes the AD user a disconnector. */
  readonly adLinked?: boolean
  /** Extra rules, e.g. a custom rule with a lower precedence number. */
  readonly extraRules?: readonly SyncRule[]
  /** Rules replaced by short name. */
  readonly replace?: Partial<Record<keyof typeof RULES, SyncRule | null>>
  readonly connectors?: readonly Connector[]
}

/** The default AD user's attributes. */
export const ADA: AttributeSpec = {
  objectGUID: 'qrvM3e7/ABEiM0RVZneImQ==',
  mailNickname: 'ada',
  extensionAttribute1: 'blue',
  givenName: 'Ada',
  title: 'Countess',
  sAMAccountName: 'ada',
  pager: '555-0100',
}

/** The default MV object's attributes, consistent with the rules. */
export const ADA_MV: AttributeSpec = {
  sourceAnchor: 'qrvM3e7/ABEiM0RVZneImQ==',
  sourceObjectType: 'User',
  extensionAttribute1: 'blue',
  givenName: 'Ada',
  title: 'Countess',
  accountName: 'ada',
  mailNickname: 'ada',
  accountEnabled: 'True',
}

/** The default Entra ID object's attributes, in sync with the MV. */
export const ADA_AAD: AttributeSpec = {
  sourceAnchor: 'qrvM3e7/ABEiM0RVZneImQ==',
  extensionAttribute1: 'blue',
  givenName: 'Ada',
  title: 'Countess',
  accountEnabled: 'True',
}

/** Builds the small world with the AD user, its MV object and its Entra ID object. */
export function smallWorld(options: WorldOptions = {}): Scenario & {
  readonly adUser: CsObject
  readonly mvUser: MvObject | null
  readonly aadUser: CsObject | null
} {
  const linked = options.adLinked ?? true
  const adUser = csObject({
    id: IDS.adUser,
    connector: AD,
    dn: ADA_DN,
    attrs: options.ad ?? ADA,
    ...(linked ? { mv: IDS.mv } : {}),
  })
  const mvAttributes = options.mv === undefined ? ADA_MV : options.mv
  const mvUser =
    mvAttributes === null
      ? null
      : mvObject({ id: IDS.mv, attrs: mvAttributes, ...(options.mvTypes ? { types: options.mvTypes } : {}) })
  const aadAttributes = options.aad === undefined ? ADA_AAD : options.aad
  const aadUser =
    aadAttributes === null
      ? null
      : csObject({
          id: IDS.aadUser,
          connector: AAD,
          dn: 'CN={71726263}',
          attrs: aadAttributes,
          mv: IDS.mv,
          ...(options.aadPendingExport ? { pendingExport: options.aadPendingExport } : {}),
          ...(options.aadExportError ? { exportError: options.aadExportError } : {}),
        })
  const replaced = Object.entries(RULES).flatMap(([name, original]) => {
    const replacement = options.replace?.[name as keyof typeof RULES]
    if (replacement === null) return []
    return [replacement ?? original]
  })
  const built = scenario({
    connectors: options.connectors ?? [AD, AAD],
    rules: [...replaced, ...(options.extraRules ?? [])],
    cs: [adUser, ...(aadUser ? [aadUser] : [])],
    mv: mvUser ? [mvUser] : [],
  })
  return { ...built, adUser, mvUser: built.index.mvObject(IDS.mv), aadUser }
}

/** A copy of a small-world rule with changes. */
export function variant(base: SyncRule, changes: Partial<RuleSpec> & Pick<RuleSpec, 'name'>): SyncRule {
  const spec: RuleSpec = {
    name: changes.name,
    connector: changes.connector ?? (base.connectorId === AAD.id ? AAD : AD),
    precedence: changes.precedence ?? base.precedence,
    direction: changes.direction ?? base.direction,
    sourceType: changes.sourceType ?? base.sourceObjectType,
    targetType: changes.targetType ?? base.targetObjectType,
    link: changes.link ?? base.linkType,
    disabled: changes.disabled ?? base.disabled,
    flows: changes.flows ?? base.flows,
    ...(changes.scope ? { scope: changes.scope } : {}),
    ...(changes.join ? { join: changes.join } : {}),
  }
  const built = rule(spec)
  return {
    ...built,
    id: base.id,
    scopeGroups: changes.scope ? built.scopeGroups : base.scopeGroups,
    joinGroups: changes.join ? built.joinGroups : base.joinGroups,
  }
}
