/** The out-of-box outbound rules to Entra ID for users, contacts and groups. */
import { firstOf } from '../attributes'
import { AAD_DN, AAD_GROUP_SOURCE_ANCHOR, AAD_SOURCE_ANCHOR, AAD_USAGE_LOCATION } from './common-mappings'
import { direct, expression, IGNORE_RESULT } from './flow-helpers'
import { clause, defineRule, joinOn, type RuleSpec } from './rule-spec'

/** Groups above this member count are not synchronized (the default rules' limit). */
export const MAX_GROUP_MEMBERS = 50_000

const SOURCE_ANCHOR_JOIN = [[joinOn('sourceAnchor', 'sourceAnchor')]]
const USER_SCOPE = [
  [clause('sourceObjectType', 'EQUAL', 'User'), clause('cloudMastered', 'NOTEQUAL', 'True')],
]

/** Out to AAD - User Join: provisions users (the filters here decide who reaches Entra ID at all). */
export const OUT_USER_JOIN: RuleSpec = defineRule({
  name: 'Out to AAD - User Join',
  description: '',
  immutableTag: 'Microsoft.OuttoAADUserJoin.006',
  direction: 'Outbound',
  connector: 'aad',
  sourceObjectType: 'person',
  targetObjectType: 'user',
  linkType: 'Provision',
  precedence: 114,
  passwordSync: true,
  scope: [
    [
      clause('sourceObjectType', 'EQUAL', 'User'),
      clause('cloudMastered', 'NOTEQUAL', 'True'),
      clause('cloudFiltered', 'NOTEQUAL', 'True'),
      clause('sourceAnchor', 'ISNOTNULL'),
      clause('accountEnabled', 'ISNOTNULL'),
    ],
  ],
  join: SOURCE_ANCHOR_JOIN,
  flows: [
    direct('accountEnabled'),
    direct('commonName', 'cn'),
    direct('dnsDomainName', 'domainFQDN'),
    direct('lastPasswordChangeTimestamp', 'pwdLastSet'),
    direct('netBiosName', 'domainNetBios'),
    direct('onPremisesSamAccountName', 'accountName'),
    direct('onPremiseSecurityIdentifier', 'objectSid'),
    AAD_DN,
    AAD_SOURCE_ANCHOR,
    AAD_USAGE_LOCATION,
  ],
})

/** Out to AAD - User Identity: names and sign-in identity. */
export const OUT_USER_IDENTITY: RuleSpec = defineRule({
  name: 'Out to AAD - User Identity',
  description: '',
  immutableTag: 'Microsoft.OuttoAADUserIdentity.005',
  direction: 'Outbound',
  connector: 'aad',
  sourceObjectType: 'person',
  targetObjectType: 'user',
  linkType: 'Join',
  precedence: 115,
  scope: USER_SCOPE,
  flows: [
    direct('accountEnabled'),
    direct('alias', 'mailNickname'),
    direct('displayName'),
    direct('givenName'),
    direct('mail'),
    direct('proxyAddresses'),
    direct('surname', 'sn'),
    direct('userPrincipalName'),
  ],
})

/** Out to AAD - User ExchangeOnline: address book and organization values. */
export const OUT_USER_EXCHANGE_ONLINE: RuleSpec = defineRule({
  name: 'Out to AAD - User ExchangeOnline',
  description: '',
  immutableTag: 'Microsoft.OuttoAADUserExchangeOnline.004',
  direction: 'Outbound',
  connector: 'aad',
  sourceObjectType: 'person',
  targetObjectType: 'user',
  linkType: 'Join',
  precedence: 116,
  scope: USER_SCOPE,
  flows: [
    direct('city', 'l'),
    direct('company'),
    direct('country', 'co'),
    direct('countryLetterCode', 'c'),
    direct('department'),
    direct('description'),
    ...Array.from({ length: 15 }, (_, index) => direct(`extensionAttribute${index + 1}`)),
    direct('facsimileTelephoneNumber'),
    direct('manager'),
    direct('mobile'),
    direct('msExchHideFromAddressLists'),
    direct('physicalDeliveryOfficeName'),
    direct('postalCode'),
    direct('preferredLanguage'),
    direct('state', 'st'),
    direct('streetAddress'),
    direct('targetAddress'),
    direct('telephoneNumber'),
    direct('title'),
  ],
})

/** Out to AAD - Contact Join: provisions mail-enabled contacts. */
export const OUT_CONTACT_JOIN: RuleSpec = defineRule({
  name: 'Out to AAD - Contact Join',
  description: '',
  immutableTag: 'Microsoft.OuttoAADContactJoin.003',
  direction: 'Outbound',
  connector: 'aad',
  sourceObjectType: 'person',
  targetObjectType: 'contact',
  linkType: 'Provision',
  precedence: 117,
  scope: [
    [
      clause('sourceObjectType', 'EQUAL', 'Contact'),
      clause('cloudFiltered', 'NOTEQUAL', 'True'),
      clause('mailEnabled', 'EQUAL', 'True'),
    ],
  ],
  join: SOURCE_ANCHOR_JOIN,
  flows: [AAD_SOURCE_ANCHOR, AAD_DN],
})

/** Out to AAD - Contact Identity. */
export const OUT_CONTACT_IDENTITY: RuleSpec = defineRule({
  name: 'Out to AAD - Contact Identity',
  description: '',
  immutableTag: 'Microsoft.OuttoAADContactIdentity.003',
  direction: 'Outbound',
  connector: 'aad',
  sourceObjectType: 'person',
  targetObjectType: 'contact',
  linkType: 'Join',
  precedence: 118,
  scope: [[clause('sourceObjectType', 'EQUAL', 'Contact')]],
  flows: [
    direct('alias', 'mailNickname'),
    direct('company'),
    direct('department'),
    direct('displayName'),
    direct('givenName'),
    direct('mail'),
    direct('proxyAddresses'),
    direct('surname', 'sn'),
    direct('targetAddress'),
    direct('title'),
  ],
})

const GROUP_BASE = [
  clause('cloudFiltered', 'NOTEQUAL', 'True'),
  clause('sourceAnchor', 'ISNOTNULL'),
  clause('cloudMastered', 'NOTEQUAL', 'True'),
]

/** Out to AAD - Group Join: provisions security and mail-enabled groups below the member limit. */
export const OUT_GROUP_JOIN: RuleSpec = defineRule({
  name: 'Out to AAD - Group Join',
  description: '',
  immutableTag: 'Microsoft.OuttoAADGroupJoin.006',
  direction: 'Outbound',
  connector: 'aad',
  sourceObjectType: 'group',
  targetObjectType: 'group',
  linkType: 'Provision',
  precedence: 119,
  scope: [
    [
      ...GROUP_BASE,
      clause('securityEnabled', 'EQUAL', 'True'),
      clause('memberCount', 'LESSTHAN', String(MAX_GROUP_MEMBERS)),
    ],
    [
      ...GROUP_BASE,
      clause('mailEnabled', 'EQUAL', 'True'),
      clause('memberCount', 'LESSTHAN', String(MAX_GROUP_MEMBERS)),
    ],
  ],
  join: SOURCE_ANCHOR_JOIN,
  flows: [
    direct('commonName', 'cn'),
    AAD_DN,
    expression(
      'member',
      ['memberCount'],
      `IIF(([memberCount]> ${MAX_GROUP_MEMBERS}),Error("Maximum Group member count exceeded"),IgnoreThisFlow)`,
      (source) =>
        Number(firstOf(source, 'memberCount') ?? '0') > MAX_GROUP_MEMBERS
          ? { kind: 'error', message: 'Maximum Group member count exceeded' }
          : IGNORE_RESULT,
    ),
    direct('onPremiseSecurityIdentifier', 'objectSid'),
    AAD_GROUP_SOURCE_ANCHOR,
    direct('securityEnabled'),
  ],
})

/** Out to AAD - Group Identity: names, mail and members. */
export const OUT_GROUP_IDENTITY: RuleSpec = defineRule({
  name: 'Out to AAD - Group Identity',
  description: '',
  immutableTag: 'Microsoft.OuttoAADGroupIdentity.004',
  direction: 'Outbound',
  connector: 'aad',
  sourceObjectType: 'group',
  targetObjectType: 'group',
  linkType: 'Join',
  precedence: 120,
  scope: [[clause('sourceAnchor', 'ISNOTNULL'), clause('cloudMastered', 'NOTEQUAL', 'True')]],
  flows: [
    direct('alias', 'mailNickname'),
    direct('displayName'),
    direct('mail'),
    direct('managedBy'),
    direct('member'),
    direct('proxyAddresses'),
  ],
})
