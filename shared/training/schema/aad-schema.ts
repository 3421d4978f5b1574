/** The Entra ID connector's schema and attribute inclusion (a subset of the real connector's). */
import {
  type AttributeDefinition,
  byName,
  defineAttributes,
  extensionAttributes,
} from './attribute-definition'

/** Every Entra ID attribute the snapshot's schema lists. */
export const AAD_ATTRIBUTES: readonly AttributeDefinition[] = [
  ...defineAttributes('string', [
    'alias',
    'city',
    'cloudAnchor',
    'commonName',
    'company',
    'country',
    'countryLetterCode',
    'department',
    'description',
    'deviceId',
    'deviceOSType',
    'displayName',
    'dnsDomainName',
    'employeeId',
    ...extensionAttributes(15),
    'facsimileTelephoneNumber',
    'givenName',
    'info',
    'lastPasswordChangeTimestamp',
    'mail',
    'mobile',
    'netBiosName',
    'onPremisesSamAccountName',
    'onPremisesUserPrincipalName',
    'physicalDeliveryOfficeName',
    'postalCode',
    'preferredLanguage',
    'sourceAnchor',
    'state',
    'streetAddress',
    'surname',
    'targetAddress',
    'telephoneNumber',
    'title',
    'usageLocation',
    'userPrincipalName',
  ]),
  ...defineAttributes('string', ['proxyAddresses'], { multiValued: true }),
  ...defineAttributes('boolean', [
    'accountEnabled',
    'cloudMastered',
    'msExchHideFromAddressLists',
    'securityEnabled',
  ]),
  ...defineAttributes('binary', ['onPremiseSecurityIdentifier', 'thumbnailPhoto']),
  ...defineAttributes('dn', ['managedBy', 'manager']),
  ...defineAttributes('dn', ['member'], { multiValued: true }),
]

/** Entra ID attributes by name. */
export const AAD_ATTRIBUTE_BY_NAME = byName(AAD_ATTRIBUTES)

const NOT_SELECTED = new Set(['deviceId', 'deviceOSType', 'employeeId', 'info'])

/** The attribute inclusion list of the Entra ID connector. */
export const AAD_SELECTED_ATTRIBUTES: readonly string[] = AAD_ATTRIBUTES.map((attribute) => attribute.name)
  .filter((name) => !NOT_SELECTED.has(name))
  .sort((left, right) => left.toLowerCase().localeCompare(right.toLowerCase()))

const RECIPIENT = [
  'alias',
  'cloudAnchor',
  'cloudMastered',
  'company',
  'department',
  'description',
  'displayName',
  ...extensionAttributes(15),
  'givenName',
  'info',
  'mail',
  'proxyAddresses',
  'sourceAnchor',
  'surname',
  'targetAddress',
  'title',
]

/** The Entra ID classes, with their attributes. */
export const AAD_CLASSES: readonly { readonly name: string; readonly attributes: readonly string[] }[] = [
  {
    name: 'contact',
    attributes: [...RECIPIENT, 'city', 'country', 'countryLetterCode', 'mobile', 'telephoneNumber'],
  },
  {
    name: 'device',
    attributes: ['accountEnabled', 'cloudAnchor', 'deviceId', 'deviceOSType', 'displayName', 'sourceAnchor'],
  },
  {
    name: 'group',
    attributes: [
      'alias',
      'cloudAnchor',
      'cloudMastered',
      'commonName',
      'description',
      'displayName',
      'mail',
      'managedBy',
      'member',
      'onPremiseSecurityIdentifier',
      'proxyAddresses',
      'securityEnabled',
      'sourceAnchor',
    ],
  },
  {
    name: 'user',
    attributes: [
      ...RECIPIENT,
      'accountEnabled',
      'city',
      'commonName',
      'country',
      'countryLetterCode',
      'dnsDomainName',
      'employeeId',
      'facsimileTelephoneNumber',
      'lastPasswordChangeTimestamp',
      'manager',
      'mobile',
      'msExchHideFromAddressLists',
      'netBiosName',
      'onPremiseSecurityIdentifier',
      'onPremisesSamAccountName',
      'onPremisesUserPrincipalName',
      'physicalDeliveryOfficeName',
      'postalCode',
      'preferredLanguage',
      'state',
      'streetAddress',
      'telephoneNumber',
      'thumbnailPhoto',
      'usageLocation',
      'userPrincipalName',
    ],
  },
]
