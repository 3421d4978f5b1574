/** The metaverse schema: every attribute the rules read or write, plus the usual extras of a real one. */
import {
  type AttributeDefinition,
  byName,
  defineAttributes,
  extensionAttributes,
} from './attribute-definition'

/** Every metaverse attribute the snapshot's schema lists. */
export const MV_ATTRIBUTES: readonly AttributeDefinition[] = [
  ...defineAttributes('string', [
    'c',
    'cn',
    'co',
    'company',
    'contributingConnectorUser',
    'department',
    'description',
    'deviceId',
    'deviceOSType',
    'displayName',
    'division',
    'domainFQDN',
    'domainNetBios',
    'employeeType',
    ...extensionAttributes(15),
    'facsimileTelephoneNumber',
    'forestFQDN',
    'forestNetBios',
    'givenName',
    'homePhone',
    'info',
    'initials',
    'l',
    'legacyExchangeDN',
    'mailNickname',
    'mobile',
    'msRTCSIP-Line',
    'msRTCSIP-PrimaryUserAddress',
    'objectSidString',
    'physicalDeliveryOfficeName',
    'postalCode',
    'preferredLanguage',
    'pwdLastSet',
    'sn',
    'sourceObjectType',
    'st',
    'streetAddress',
    'targetAddress',
    'telephoneNumber',
    'title',
    'usageLocation',
  ]),
  ...defineAttributes(
    'string',
    [
      'accountName',
      'cloudAnchor',
      'cloudSourceAnchor',
      'employeeID',
      'mail',
      'sourceAnchor',
      'userPrincipalName',
    ],
    { indexable: true },
  ),
  ...defineAttributes('string', ['proxyAddresses'], { multiValued: true, indexable: true }),
  ...defineAttributes('integer', [
    'countryCode',
    'memberCount',
    'msExchRecipientDisplayType',
    'msExchRecipientTypeDetails',
    'msRTCSIP-OptionFlags',
  ]),
  ...defineAttributes('boolean', [
    'accountEnabled',
    'cloudFiltered',
    'cloudMastered',
    'mailEnabled',
    'msExchHideFromAddressLists',
    'msRTCSIP-UserEnabled',
    'securityEnabled',
  ]),
  ...defineAttributes('binary', ['msExchMailboxGuid']),
  ...defineAttributes('binary', ['msExchMasterAccountSid', 'objectSid', 'sourceAnchorBinary'], {
    indexable: true,
  }),
  ...defineAttributes('dn', ['managedBy', 'manager']),
  ...defineAttributes('dn', ['member'], { multiValued: true }),
]

/** Metaverse attributes by name. */
export const MV_ATTRIBUTE_BY_NAME = byName(MV_ATTRIBUTES)

const GROUP_OR_DEVICE_ONLY = new Set([
  'deviceId',
  'deviceOSType',
  'member',
  'memberCount',
  'managedBy',
  'securityEnabled',
])
const GROUP = [
  'cloudAnchor',
  'cloudFiltered',
  'cloudMastered',
  'cloudSourceAnchor',
  'cn',
  'description',
  'displayName',
  ...extensionAttributes(15),
  'legacyExchangeDN',
  'mail',
  'mailEnabled',
  'mailNickname',
  'managedBy',
  'member',
  'memberCount',
  'objectSid',
  'objectSidString',
  'proxyAddresses',
  'securityEnabled',
  'sourceAnchor',
  'sourceAnchorBinary',
]

/** The metaverse classes with their attributes. */
export const MV_CLASSES: readonly { readonly name: string; readonly attributes: readonly string[] }[] = [
  {
    name: 'person',
    attributes: MV_ATTRIBUTES.map((attribute) => attribute.name).filter(
      (name) => !GROUP_OR_DEVICE_ONLY.has(name),
    ),
  },
  { name: 'group', attributes: GROUP },
  {
    name: 'device',
    attributes: [
      'accountEnabled',
      'cloudAnchor',
      'cloudFiltered',
      'deviceId',
      'deviceOSType',
      'displayName',
      'sourceAnchor',
    ],
  },
]
