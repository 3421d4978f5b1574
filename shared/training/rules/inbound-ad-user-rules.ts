/**
 * The out-of-box inbound rules for AD users, modelled on the default set: join and cloud filtering,
 * the enabled-account rule, the common attributes (the original, disabled because Contoso cloned it),
 * Exchange and Lync.
 */
import { firstOf, valuesOf } from '../attributes'
import {
  ACCOUNT_NAME,
  CN,
  DESCRIPTION,
  DISPLAY_NAME,
  DOMAIN_PARAMETERS,
  OBJECT_SID,
  OBJECT_SID_STRING,
  PROXY_ADDRESSES,
  PWD_LAST_SET,
  USER_PRINCIPAL_NAME,
  USER_SOURCE_ANCHOR,
  USER_SOURCE_OBJECT_TYPE,
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
import { clause, defineRule, type FlowSpec, joinOn, type RuleSpec } from './rule-spec'

const USER_JOIN_SCOPE = [
  [
    clause('isCriticalSystemObject', 'NOTEQUAL', 'TRUE'),
    clause('adminDescription', 'NOTSTARTSWITH', 'User_'),
  ],
]

/** Service and system accounts never go to Entra ID: the join rule marks them cloudFiltered. */
export const USER_CLOUD_FILTERED: FlowSpec = expression(
  'cloudFiltered',
  ['isCriticalSystemObject', 'sAMAccountName', 'mailNickname'],
  'IIF(IsPresent([isCriticalSystemObject]) || (IsPresent([sAMAccountName]) = False) || ([sAMAccountName] = "SUPPORT_388945a0") || (Left([mailNickname],14) = "SystemMailbox{") || (Left([sAMAccountName],4) = "AAD_") || (Left([sAMAccountName],5) = "MSOL_"),True,NULL)',
  (source) => {
    const account = firstOf(source, 'sAMAccountName')
    const nickname = firstOf(source, 'mailNickname') ?? ''
    const filtered =
      valuesOf(source, 'isCriticalSystemObject').length > 0 ||
      account === undefined ||
      account === 'SUPPORT_388945a0' ||
      nickname.startsWith('SystemMailbox{') ||
      account.startsWith('AAD_') ||
      account.startsWith('MSOL_')
    return filtered ? valueResult(['true']) : NULL_RESULT
  },
)

/** accountEnabled from bit 2 of userAccountControl. */
export const ACCOUNT_ENABLED: FlowSpec = expression(
  'accountEnabled',
  ['userAccountControl'],
  'IIF(BitAnd([userAccountControl],2)=0,True,False)',
  (source) => booleanResult((Number(firstOf(source, 'userAccountControl') ?? '0') & 2) === 0),
)

/** The mappings the original User Common and Contoso's clone share. */
export const COMMON_USER_MAPPINGS: readonly FlowSpec[] = [
  ACCOUNT_ENABLED,
  ACCOUNT_NAME,
  trimmed('c'),
  CN,
  trimmed('co'),
  trimmed('company'),
  direct('countryCode'),
  trimmed('department'),
  DESCRIPTION,
  DISPLAY_NAME,
  ...DOMAIN_PARAMETERS,
  ...Array.from({ length: 15 }, (_, index) => trimmed(`extensionAttribute${index + 1}`)),
  trimmed('givenName'),
  trimmed('homePhone'),
  trimmed('info'),
  trimmed('initials'),
  trimmed('l'),
  trimmed('mail'),
  direct('manager'),
  OBJECT_SID,
  OBJECT_SID_STRING,
  trimmed('physicalDeliveryOfficeName'),
  trimmed('postalCode'),
  PWD_LAST_SET,
  trimmed('sn'),
  USER_SOURCE_ANCHOR,
  USER_SOURCE_OBJECT_TYPE,
  trimmed('st'),
  trimmed('telephoneNumber'),
  trimmed('title'),
  USER_PRINCIPAL_NAME,
]

/** In from AD - User Join: projects users into the metaverse. */
export const IN_USER_JOIN: RuleSpec = defineRule({
  name: 'In from AD - User Join',
  description: '',
  immutableTag: 'Microsoft.InfromADUserJoin.003',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'user',
  targetObjectType: 'person',
  linkType: 'Provision',
  precedence: 100,
  scope: USER_JOIN_SCOPE,
  join: [
    [joinOn('objectSid', 'objectSid')],
    [joinOn('msExchMasterAccountSid', 'objectSid')],
    [joinOn('objectSid', 'msExchMasterAccountSid')],
  ],
  flows: [USER_CLOUD_FILTERED],
})

/** In from AD - User AccountEnabled: the enabled account's values win (it also drives password hash sync). */
export const IN_USER_ACCOUNT_ENABLED: RuleSpec = defineRule({
  name: 'In from AD - User AccountEnabled',
  description: '',
  immutableTag: 'Microsoft.InfromADUserAccountEnabled.004',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'user',
  targetObjectType: 'person',
  linkType: 'Join',
  precedence: 101,
  passwordSync: true,
  scope: [[clause('userAccountControl', 'ISBITNOTSET', '2')]],
  flows: [
    constant('accountEnabled', 'True'),
    CN,
    ...DOMAIN_PARAMETERS,
    OBJECT_SID,
    OBJECT_SID_STRING,
    PWD_LAST_SET,
    USER_SOURCE_ANCHOR,
    USER_PRINCIPAL_NAME,
  ],
})

/** In from AD - User Common from Exchange: identity values of mailbox users. */
export const IN_USER_COMMON_FROM_EXCHANGE: RuleSpec = defineRule({
  name: 'In from AD - User Common from Exchange',
  description: '',
  immutableTag: 'Microsoft.InfromADUserCommonfromExchange.004',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'user',
  targetObjectType: 'person',
  linkType: 'Join',
  precedence: 102,
  scope: [[clause('mailNickname', 'ISNOTNULL'), clause('adminDescription', 'NOTSTARTSWITH', 'User_')]],
  flows: [
    ACCOUNT_NAME,
    trimmed('c'),
    CN,
    trimmed('co'),
    trimmed('company'),
    direct('countryCode'),
    DISPLAY_NAME,
    trimmed('givenName'),
    trimmed('l'),
    trimmed('mail'),
    trimmed('postalCode'),
    trimmed('sn'),
    USER_SOURCE_OBJECT_TYPE,
    trimmed('st'),
  ],
})

/** In from AD - User Common: the original default rule, disabled after Contoso cloned it. */
export const IN_USER_COMMON: RuleSpec = defineRule({
  name: 'In from AD - User Common',
  description: '',
  immutableTag: 'Microsoft.InfromADUserCommon.004',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'user',
  targetObjectType: 'person',
  linkType: 'Join',
  precedence: 103,
  disabled: true,
  scope: [[clause('adminDescription', 'NOTSTARTSWITH', 'User_')]],
  flows: [
    ...COMMON_USER_MAPPINGS,
    trimmed('facsimileTelephoneNumber'),
    trimmed('mobile'),
    trimmed('preferredLanguage'),
    trimmed('streetAddress'),
  ],
})

/** In from AD - User Exchange: mailbox attributes, only for mail-enabled users. */
export const IN_USER_EXCHANGE: RuleSpec = defineRule({
  name: 'In from AD - User Exchange',
  description: '',
  immutableTag: 'Microsoft.InfromADUserExchange.003',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'user',
  targetObjectType: 'person',
  linkType: 'Join',
  precedence: 104,
  scope: [[clause('mailNickname', 'ISNOTNULL')]],
  flows: [
    ...Array.from({ length: 10 }, (_, index) => trimmed(`extensionAttribute${index + 1}`)),
    direct('legacyExchangeDN'),
    direct('mailNickname'),
    direct('msExchHideFromAddressLists'),
    direct('msExchMailboxGuid'),
    direct('msExchMasterAccountSid'),
    direct('msExchRecipientDisplayType'),
    direct('msExchRecipientTypeDetails'),
    PROXY_ADDRESSES,
    direct('targetAddress'),
  ],
})

/** In from AD - User Lync: Skype for Business attributes. */
export const IN_USER_LYNC: RuleSpec = defineRule({
  name: 'In from AD - User Lync',
  description: '',
  immutableTag: 'Microsoft.InfromADUserLync.004',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'user',
  targetObjectType: 'person',
  linkType: 'Join',
  precedence: 105,
  scope: [],
  flows: [
    direct('msRTCSIP-Line'),
    direct('msRTCSIP-OptionFlags'),
    direct('msRTCSIP-PrimaryUserAddress'),
    direct('msRTCSIP-UserEnabled'),
  ],
})
