/** The out-of-box inbound rules for AD groups and contacts. */
import { firstOf, isPresent, valuesOf } from '../attributes'
import {
  CN,
  DESCRIPTION,
  DISPLAY_NAME,
  GUID_SOURCE_ANCHOR,
  MAIL_ENABLED,
  OBJECT_SID,
  OBJECT_SID_STRING,
  PROXY_ADDRESSES,
  sourceAnchorBinary,
} from './common-mappings'
import {
  booleanResult,
  constant,
  direct,
  expression,
  NULL_RESULT,
  trimmed,
  valueResult,
} from './flow-helpers'
import { clause, defineRule, joinOn, type RuleSpec } from './rule-spec'

const GROUP_SCOPE = [
  [
    clause('isCriticalSystemObject', 'NOTEQUAL', 'True'),
    clause('adminDescription', 'NOTSTARTSWITH', 'Group_'),
  ],
]

/** In from AD - Group Join: projects groups, joining on the objectGUID. */
export const IN_GROUP_JOIN: RuleSpec = defineRule({
  name: 'In from AD - Group Join',
  description: '',
  immutableTag: 'Microsoft.InfromADGroupJoin.003',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'group',
  targetObjectType: 'group',
  linkType: 'Provision',
  precedence: 106,
  scope: GROUP_SCOPE,
  join: [[joinOn('objectGUID', 'sourceAnchorBinary')]],
  flows: [
    expression(
      'cloudFiltered',
      ['isCriticalSystemObject', 'sAMAccountName'],
      'IIF(IsPresent([isCriticalSystemObject]) || ([sAMAccountName] = "MSOL_AD_Sync_RichCoexistence"),True,NULL)',
      (source) =>
        isPresent(source, 'isCriticalSystemObject') ||
        firstOf(source, 'sAMAccountName') === 'MSOL_AD_Sync_RichCoexistence'
          ? valueResult(['true'])
          : NULL_RESULT,
    ),
    MAIL_ENABLED,
  ],
})

/** In from AD - Group Exchange: distribution list attributes. */
export const IN_GROUP_EXCHANGE: RuleSpec = defineRule({
  name: 'In from AD - Group Exchange',
  description: '',
  immutableTag: 'Microsoft.InfromADGroupExchange.004',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'group',
  targetObjectType: 'group',
  linkType: 'Join',
  precedence: 107,
  scope: GROUP_SCOPE,
  flows: [
    ...Array.from({ length: 5 }, (_, index) => trimmed(`extensionAttribute${index + 1}`)),
    direct('legacyExchangeDN'),
    direct('mailNickname'),
  ],
})

/** In from AD - Group Common: identity, members and the security flag. */
export const IN_GROUP_COMMON: RuleSpec = defineRule({
  name: 'In from AD - Group Common',
  description: '',
  immutableTag: 'Microsoft.InfromADGroupCommon.004',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'group',
  targetObjectType: 'group',
  linkType: 'Join',
  precedence: 108,
  scope: GROUP_SCOPE,
  flows: [
    CN,
    DESCRIPTION,
    DISPLAY_NAME,
    trimmed('mail'),
    direct('managedBy'),
    direct('member'),
    expression('memberCount', ['member'], 'ValueCount("member")', (source) =>
      valueResult([String(valuesOf(source, 'member').length)]),
    ),
    OBJECT_SID,
    OBJECT_SID_STRING,
    PROXY_ADDRESSES,
    expression('securityEnabled', ['groupType'], 'CBool(BitAnd([groupType],-2147483648))', (source) =>
      booleanResult((Number(firstOf(source, 'groupType') ?? '0') & -2147483648) !== 0),
    ),
    GUID_SOURCE_ANCHOR,
    sourceAnchorBinary(),
  ],
})

/** In from AD - Contact Join: projects mail contacts, joining on mail. */
export const IN_CONTACT_JOIN: RuleSpec = defineRule({
  name: 'In from AD - Contact Join',
  description: '',
  immutableTag: 'Microsoft.InfromADContactJoin.003',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'contact',
  targetObjectType: 'person',
  linkType: 'Provision',
  precedence: 109,
  scope: [],
  join: [[joinOn('mail', 'mail')]],
  flows: [
    expression(
      'cloudFiltered',
      ['displayName', 'isCriticalSystemObject'],
      'IIF(IsPresent([isCriticalSystemObject]) || (InStr([displayName],"(MSOL)") > 0),True,NULL)',
      (source) =>
        isPresent(source, 'isCriticalSystemObject') ||
        (firstOf(source, 'displayName') ?? '').includes('(MSOL)')
          ? valueResult(['true'])
          : NULL_RESULT,
    ),
    MAIL_ENABLED,
  ],
})

/** In from AD - Contact Common: the contact's identity and address-book values. */
export const IN_CONTACT_COMMON: RuleSpec = defineRule({
  name: 'In from AD - Contact Common',
  description: '',
  immutableTag: 'Microsoft.InfromADContactCommon.004',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'contact',
  targetObjectType: 'person',
  linkType: 'Join',
  precedence: 110,
  scope: [],
  flows: [
    CN,
    trimmed('company'),
    trimmed('department'),
    DESCRIPTION,
    DISPLAY_NAME,
    trimmed('givenName'),
    trimmed('mail'),
    expression(
      'mailNickname',
      ['cn', 'mailNickname'],
      'IIF(IsPresent([mailNickname]),[mailNickname],[cn])',
      (source) =>
        valueResult(
          isPresent(source, 'mailNickname') ? valuesOf(source, 'mailNickname') : valuesOf(source, 'cn'),
        ),
    ),
    PROXY_ADDRESSES,
    trimmed('sn'),
    GUID_SOURCE_ANCHOR,
    sourceAnchorBinary(),
    constant('sourceObjectType', 'Contact'),
    direct('targetAddress'),
    trimmed('telephoneNumber'),
    trimmed('title'),
  ],
})
