/** The AD attributes of a person (user account), drawn from a profile and a random stream. */
import { DESCRIPTIONS, DIVISIONS, type Department, HOME_OFFICE, type Office } from '../data/organization'
import { DOMAIN_FQDN, DOMAIN_SID, EXPORT_EPOCH_SECONDS, ROUTING_DOMAIN, TENANT_DOMAIN } from '../environment'
import { bytesToBase64, sidBytes } from '../identifiers'
import type { Random } from '../random'
import type { PersonName } from './names'

/** Where, what and who a person is; the rest is drawn at random. */
export interface PersonProfile {
  readonly name: PersonName
  readonly department: Department
  readonly office: Office
  readonly homeWorker: boolean
  readonly title: string
  /** Object key of the manager, null for none. */
  readonly manager: string | null
  /** Relative id of the account in the domain (the last part of objectSid). */
  readonly rid: number
  /** objectGUID in base64. */
  readonly objectGuid: string
}

/** AD `userAccountControl` values: enabled, enabled with a non-expiring password, disabled. */
export const UAC_ENABLED = '512'
/** Enabled, password never expires. */
export const UAC_ENABLED_NO_EXPIRY = '66048'
/** Disabled account. */
export const UAC_DISABLED = '514'
/** `msExchRecipientTypeDetails` of a mailbox moved to Exchange Online (remote mailbox). */
export const REMOTE_MAILBOX = '2147483648'
/** `msExchRecipientTypeDetails` of a mailbox still on premises. */
export const USER_MAILBOX = '1'
/** `msExchRecipientTypeDetails` of a linked mailbox, whose account lives in another forest. */
export const LINKED_MAILBOX = '2'
/** accountExpires of an account that never expires. */
export const NEVER_EXPIRES = '9223372036854775807'

const HOME_STREETS = [
  'Willow Lane',
  'Station Road',
  'Rua das Flores',
  'Lindenstraße',
  'Maple Avenue',
  'Harbour Street',
]
const INFO_NOTES = ['Prefers Teams over email', 'Works from the Lisbon hub on Fridays', 'First aid officer']
const FILETIME_UNIX_OFFSET_SECONDS = 11_644_473_600n

/** A FILETIME (100 ns ticks since 1601) in decimal for seconds since 1970. */
export function filetime(unixSeconds: number): string {
  return ((BigInt(Math.floor(unixSeconds)) + FILETIME_UNIX_OFFSET_SECONDS) * 10_000_000n).toString()
}

function digits(random: Random, count: number): string {
  let text = ''
  for (let index = 0; index < count; index++) text += String(random.int(10))
  return text
}

/** objectSid (base64) of an account of the Contoso domain. */
export function domainSid(rid: number): string {
  return bytesToBase64(sidBytes(5, [...DOMAIN_SID, rid]))
}

/** The attributes of a person's account, mailbox included or not. */
export function personAttributes(
  profile: PersonProfile,
  random: Random,
  options: { readonly mailbox: boolean },
): Map<string, readonly string[]> {
  const { name, office } = profile
  const attributes = new Map<string, readonly string[]>()
  const set = (attribute: string, ...values: string[]): void => {
    attributes.set(attribute, values)
  }
  set('objectGUID', profile.objectGuid)
  set('objectSid', domainSid(profile.rid))
  set('cn', name.fullName)
  set('displayName', name.fullName)
  set('givenName', name.givenName)
  set('sn', name.surname)
  set('sAMAccountName', name.accountName)
  set('userPrincipalName', `${name.accountName}@${DOMAIN_FQDN}`)
  const accountControl = random.next()
  set(
    'userAccountControl',
    accountControl < 0.9 ? UAC_ENABLED : accountControl < 0.96 ? UAC_ENABLED_NO_EXPIRY : UAC_DISABLED,
  )
  set('pwdLastSet', filetime(EXPORT_EPOCH_SECONDS - random.int(180 * 86_400)))
  set(
    'accountExpires',
    random.chance(0.95) ? NEVER_EXPIRES : filetime(EXPORT_EPOCH_SECONDS + (30 + random.int(400)) * 86_400),
  )
  set('department', profile.department.name)
  set('title', profile.title)
  set('company', 'Contoso Ltd.')
  if (random.chance(0.8)) set('division', random.pick(DIVISIONS))
  const employment = random.next()
  set('employeeType', employment < 0.85 ? 'Employee' : employment < 0.95 ? 'Contractor' : 'Intern')
  set('physicalDeliveryOfficeName', profile.homeWorker ? HOME_OFFICE : office.name)
  set(
    'streetAddress',
    profile.homeWorker ? `${random.between(2, 180)} ${random.pick(HOME_STREETS)}` : office.street,
  )
  set('postalCode', office.postalCode)
  set('l', office.city)
  set('st', office.state)
  set('c', office.countryLetters)
  set('co', office.country)
  set('countryCode', String(office.countryNumber))
  if (random.chance(0.9)) set('preferredLanguage', office.language)
  if (random.chance(0.85)) set('telephoneNumber', `${office.phonePrefix}${digits(random, 4)}`)
  const mobile = random.next()
  if (mobile < 0.7) set('mobile', `${office.mobilePrefix}${digits(random, 3)}`)
  else if (mobile < 0.76) set('mobile', `${office.localMobilePrefix}${digits(random, 3)}`)
  if (random.chance(0.08)) set('facsimileTelephoneNumber', `${office.phonePrefix}${digits(random, 4)}`)
  if (random.chance(0.05)) set('homePhone', `${office.phonePrefix}${digits(random, 4)}`)
  if (profile.manager !== null) set('manager', profile.manager)
  if (random.chance(0.1)) set('description', random.pick(DESCRIPTIONS))
  if (random.chance(0.2)) set('initials', name.givenName.charAt(0))
  if (random.chance(0.05)) set('info', random.pick(INFO_NOTES))
  if (random.chance(0.01)) set('extensionAttribute1', 'Leaver')
  if (random.chance(0.06)) set('extensionAttribute2', random.pick(profile.department.hrTeams))
  if (random.chance(0.6)) set('extensionAttribute3', `CC-${1000 + random.int(9000)}`)
  if (random.chance(0.5)) set('extensionAttribute4', office.name.slice(0, 3).toUpperCase())
  if (random.chance(0.03)) set('employeeNumber', `BADGE-${10000 + random.int(90000)}`)
  if (random.chance(0.4)) {
    set('msRTCSIP-PrimaryUserAddress', `sip:${name.accountName}@${DOMAIN_FQDN}`)
    set('msRTCSIP-UserEnabled', 'true')
    set('msRTCSIP-OptionFlags', '257')
    if (random.chance(0.3))
      set('msRTCSIP-Line', `tel:${office.phonePrefix.replace(/\s/g, '')}${digits(random, 4)}`)
  }
  if (options.mailbox) addMailbox(attributes, name, random)
  return attributes
}

/** Adds the Exchange attributes of a mailbox (on premises or moved to Exchange Online). */
export function addMailbox(
  attributes: Map<string, readonly string[]>,
  name: PersonName,
  random: Random,
): void {
  const remote = random.chance(0.75)
  const address = `${name.accountName}@${DOMAIN_FQDN}`
  attributes.set('mail', [address])
  attributes.set('mailNickname', [name.accountName])
  attributes.set('proxyAddresses', [
    `SMTP:${address}`,
    `smtp:${name.accountName}@${TENANT_DOMAIN}`,
    `smtp:${name.accountName}@${ROUTING_DOMAIN}`,
  ])
  attributes.set('msExchRecipientTypeDetails', [remote ? REMOTE_MAILBOX : USER_MAILBOX])
  attributes.set('msExchRecipientDisplayType', [remote ? '-2147483642' : '1073741824'])
  attributes.set('msExchMailboxGuid', [bytesToBase64(random.bytes(16))])
  attributes.set('legacyExchangeDN', [
    `/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${digits(random, 8)}-${name.accountName}`,
  ])
  if (remote) attributes.set('targetAddress', [`SMTP:${name.accountName}@${ROUTING_DOMAIN}`])
  if (random.chance(0.01)) attributes.set('msExchHideFromAddressLists', ['true'])
}
