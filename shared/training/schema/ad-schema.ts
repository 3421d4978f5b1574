/**
 * The AD connector's schema and attribute inclusion. The schema knows more attributes than the
 * connector selects: employeeID, for one, exists in AD but is not selected, which is one of the
 * seeded cases.
 */
import {
  type AttributeDefinition,
  byName,
  defineAttributes,
  extensionAttributes,
} from './attribute-definition'

/** Every AD attribute the snapshot's schema lists. */
export const AD_ATTRIBUTES: readonly AttributeDefinition[] = [
  ...defineAttributes('string', [
    'adminDescription',
    'c',
    'cn',
    'co',
    'company',
    'department',
    'displayName',
    'division',
    'employeeID',
    'employeeNumber',
    'employeeType',
    ...extensionAttributes(15),
    'facsimileTelephoneNumber',
    'givenName',
    'homePhone',
    'info',
    'initials',
    'ipPhone',
    'l',
    'mail',
    'mailNickname',
    'middleName',
    'mobile',
    'msRTCSIP-Line',
    'msRTCSIP-PrimaryUserAddress',
    'ou',
    'pager',
    'physicalDeliveryOfficeName',
    'postalCode',
    'preferredLanguage',
    'sAMAccountName',
    'sn',
    'st',
    'streetAddress',
    'targetAddress',
    'telephoneNumber',
    'title',
    'userPrincipalName',
    'wWWHomePage',
  ]),
  ...defineAttributes('string', ['description', 'otherTelephone', 'proxyAddresses'], { multiValued: true }),
  ...defineAttributes('exchangeDn', ['legacyExchangeDN']),
  ...defineAttributes('integer', [
    'countryCode',
    'groupType',
    'msExchRecipientDisplayType',
    'msRTCSIP-OptionFlags',
    'userAccountControl',
  ]),
  ...defineAttributes('largeInteger', [
    'accountExpires',
    'lastLogonTimestamp',
    'msExchRecipientTypeDetails',
    'pwdLastSet',
  ]),
  ...defineAttributes('boolean', [
    'isCriticalSystemObject',
    'msExchHideFromAddressLists',
    'msRTCSIP-UserEnabled',
  ]),
  ...defineAttributes('binary', [
    'msExchMailboxGuid',
    'msExchMasterAccountSid',
    'objectGUID',
    'objectSid',
    'thumbnailPhoto',
  ]),
  ...defineAttributes('binary', ['userCertificate'], { multiValued: true }),
  ...defineAttributes('dn', ['managedBy', 'manager']),
  ...defineAttributes('dn', ['member'], { multiValued: true }),
  ...defineAttributes('time', ['whenChanged', 'whenCreated']),
]

/** AD attributes by name. */
export const AD_ATTRIBUTE_BY_NAME = byName(AD_ATTRIBUTES)

const NOT_SELECTED = new Set([
  'employeeID',
  'lastLogonTimestamp',
  'ou',
  'otherTelephone',
  'whenChanged',
  'whenCreated',
])

/** The attribute inclusion list of the AD connector (sorted, as the wizard writes it). */
export const AD_SELECTED_ATTRIBUTES: readonly string[] = AD_ATTRIBUTES.map((attribute) => attribute.name)
  .filter((name) => !NOT_SELECTED.has(name))
  .sort((left, right) => left.toLowerCase().localeCompare(right.toLowerCase()))

const PERSON = ['cn', 'description', 'sn', 'telephoneNumber', 'objectGUID', 'adminDescription']
const ORGANIZATIONAL_PERSON = [
  ...PERSON,
  'c',
  'co',
  'company',
  'countryCode',
  'department',
  'division',
  'employeeID',
  'employeeNumber',
  'employeeType',
  'facsimileTelephoneNumber',
  'givenName',
  'homePhone',
  'info',
  'initials',
  'ipPhone',
  'l',
  'mail',
  'manager',
  'middleName',
  'mobile',
  'otherTelephone',
  'pager',
  'physicalDeliveryOfficeName',
  'postalCode',
  'preferredLanguage',
  'st',
  'streetAddress',
  'thumbnailPhoto',
  'title',
  'wWWHomePage',
]
const MAIL_RECIPIENT = [
  'displayName',
  ...extensionAttributes(15),
  'legacyExchangeDN',
  'mailNickname',
  'msExchHideFromAddressLists',
  'proxyAddresses',
  'targetAddress',
  'userCertificate',
]
const USER = [
  ...ORGANIZATIONAL_PERSON,
  ...MAIL_RECIPIENT,
  'accountExpires',
  'isCriticalSystemObject',
  'lastLogonTimestamp',
  'msExchMailboxGuid',
  'msExchMasterAccountSid',
  'msExchRecipientDisplayType',
  'msExchRecipientTypeDetails',
  'msRTCSIP-Line',
  'msRTCSIP-OptionFlags',
  'msRTCSIP-PrimaryUserAddress',
  'msRTCSIP-UserEnabled',
  'objectSid',
  'pwdLastSet',
  'sAMAccountName',
  'userAccountControl',
  'userPrincipalName',
  'whenChanged',
  'whenCreated',
]

/** The AD classes the schema lists, with their attributes. */
export const AD_CLASSES: readonly { readonly name: string; readonly attributes: readonly string[] }[] = [
  { name: 'user', attributes: USER },
  { name: 'inetOrgPerson', attributes: USER },
  { name: 'contact', attributes: [...ORGANIZATIONAL_PERSON, ...MAIL_RECIPIENT] },
  {
    name: 'group',
    attributes: [
      ...MAIL_RECIPIENT,
      'adminDescription',
      'cn',
      'description',
      'groupType',
      'info',
      'isCriticalSystemObject',
      'mail',
      'managedBy',
      'member',
      'objectGUID',
      'objectSid',
      'sAMAccountName',
    ],
  },
  { name: 'organizationalUnit', attributes: ['adminDescription', 'description', 'objectGUID', 'ou'] },
  { name: 'container', attributes: ['cn', 'description', 'objectGUID'] },
  {
    name: 'computer',
    attributes: [
      'cn',
      'description',
      'displayName',
      'objectGUID',
      'objectSid',
      'sAMAccountName',
      'userAccountControl',
    ],
  },
]

/** The object classes the AD partition imports (partition filter). */
export const AD_PARTITION_CLASSES: readonly string[] = [
  'computer',
  'contact',
  'container',
  'domainDNS',
  'group',
  'inetOrgPerson',
  'organizationalUnit',
  'user',
]
