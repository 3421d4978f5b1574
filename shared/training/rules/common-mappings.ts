/** Mappings shared by several default rules, with the expressions Microsoft documents for them. */
import { type Attributes, firstOf, isPresent, valuesOf } from '../attributes'
import { DOMAIN_FQDN, DOMAIN_NETBIOS } from '../environment'
import { base64ToBytes, utf8Hex } from '../identifiers'
import {
  booleanResult,
  direct,
  expression,
  IGNORE_RESULT,
  isNullOrEmpty,
  NULL_RESULT,
  parameter,
  trim,
  valueResult,
} from './flow-helpers'
import type { FlowSpec } from './rule-spec'

const FILETIME_TICKS_PER_SECOND = 10_000_000n
const FILETIME_UNIX_OFFSET_SECONDS = 11_644_473_600n

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

/** `CStr(FormatDateTime(DateFromNum(filetime),"yyyyMMddHHmmss.0Z"))` for a FILETIME in decimal. */
export function formatFiletime(filetime: string): string {
  const seconds = BigInt(filetime) / FILETIME_TICKS_PER_SECOND - FILETIME_UNIX_OFFSET_SECONDS
  const date = new Date(Number(seconds) * 1000)
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}.0Z`
  )
}

/** `StringFromSid` of a SID held in base64. */
export function sidStringOf(base64: string): string {
  const bytes = base64ToBytes(base64)
  const count = bytes[1] ?? 0
  let authority = 0
  for (let index = 2; index < 8; index++) authority = authority * 256 + (bytes[index] ?? 0)
  const parts: number[] = []
  for (let index = 0; index < count; index++) {
    const offset = 8 + index * 4
    const value =
      (bytes[offset] ?? 0) |
      ((bytes[offset + 1] ?? 0) << 8) |
      ((bytes[offset + 2] ?? 0) << 16) |
      ((bytes[offset + 3] ?? 0) << 24)
    parts.push(value >>> 0)
  }
  return `S-${bytes[0] ?? 1}-${authority}-${parts.join('-')}`
}

/** `cn` and the other values copied as they are. */
export const CN: FlowSpec = direct('cn')

/** `accountName <- sAMAccountName`. */
export const ACCOUNT_NAME: FlowSpec = direct('accountName', 'sAMAccountName')

/** `displayName`, falling back to `cn`. */
export const DISPLAY_NAME: FlowSpec = expression(
  'displayName',
  ['cn', 'displayName'],
  'IIF(IsNullOrEmpty([displayName]),[cn],[displayName])',
  (source) =>
    valueResult(
      isNullOrEmpty(source, 'displayName') ? valuesOf(source, 'cn') : valuesOf(source, 'displayName'),
    ),
)

/** `description`: the first value, trimmed and cut to 448 characters. */
export const DESCRIPTION: FlowSpec = expression(
  'description',
  ['description'],
  'IIF(IsNullOrEmpty([description]),NULL,Left(Trim(Item([description],1)),448))',
  (source) => {
    const first = firstOf(source, 'description')
    return first === undefined || first === '' ? NULL_RESULT : valueResult([trim(first).slice(0, 448)])
  },
)

/** The user sourceAnchor: the objectGUID in base64, except for linked mailboxes (their account lives elsewhere). */
export const USER_SOURCE_ANCHOR: FlowSpec = expression(
  'sourceAnchor',
  ['objectGUID'],
  'IIF(IsPresent([msExchRecipientTypeDetails]),IIF([msExchRecipientTypeDetails]=2,NULL,IIF(IsString([objectGUID]),CStr([objectGUID]),ConvertToBase64([objectGUID]))),IIF(IsString([objectGUID]),CStr([objectGUID]),ConvertToBase64([objectGUID])))',
  (source) => {
    if (firstOf(source, 'msExchRecipientTypeDetails') === '2') return NULL_RESULT
    return valueResult(valuesOf(source, 'objectGUID').slice(0, 1))
  },
)

/** userPrincipalName, else sAMAccountName@domain, else an error. */
export const USER_PRINCIPAL_NAME: FlowSpec = expression(
  'userPrincipalName',
  ['sAMAccountName', 'userPrincipalName'],
  'IIF(IsPresent([userPrincipalName]),[userPrincipalName], IIF(IsPresent([sAMAccountName]),([sAMAccountName]&"@"&%Domain.FQDN%),Error("AccountName is not present")))',
  (source) => {
    if (isPresent(source, 'userPrincipalName')) return valueResult(valuesOf(source, 'userPrincipalName'))
    const account = firstOf(source, 'sAMAccountName')
    if (account !== undefined) return valueResult([`${account}@${DOMAIN_FQDN}`])
    return { kind: 'error', message: 'AccountName is not present' }
  },
)

/** pwdLastSet as a generalized time. */
export const PWD_LAST_SET: FlowSpec = expression(
  'pwdLastSet',
  ['pwdLastSet'],
  'IIF(IsPresent([pwdLastSet]),CStr(FormatDateTime(DateFromNum([pwdLastSet]),"yyyyMMddHHmmss.0Z")),NULL)',
  (source) => {
    const filetime = firstOf(source, 'pwdLastSet')
    return filetime === undefined ? NULL_RESULT : valueResult([formatFiletime(filetime)])
  },
)

/** objectSid as it is. */
export const OBJECT_SID: FlowSpec = direct('objectSid')

/** objectSid as S-1-5-21-... text. */
export const OBJECT_SID_STRING: FlowSpec = expression(
  'objectSidString',
  ['objectSid'],
  'StringFromSid([objectSid])',
  (source) => valueResult(valuesOf(source, 'objectSid').map(sidStringOf)),
)

/** The domain and forest names from the connector's parameters. */
export const DOMAIN_PARAMETERS: readonly FlowSpec[] = [
  parameter('domainFQDN', 'Domain.FQDN', DOMAIN_FQDN),
  parameter('domainNetBios', 'Domain.Netbios', DOMAIN_NETBIOS),
  parameter('forestFQDN', 'Forest.FQDN', DOMAIN_FQDN),
  parameter('forestNetBios', 'Forest.Netbios', DOMAIN_NETBIOS),
]

/** sourceObjectType: `User`, except for linked mailboxes. */
export const USER_SOURCE_OBJECT_TYPE: FlowSpec = expression(
  'sourceObjectType',
  ['msExchRecipientTypeDetails'],
  'IIF(IsPresent([msExchRecipientTypeDetails]),IIF([msExchRecipientTypeDetails]=2,NULL,"User"),"User")',
  (source) => (firstOf(source, 'msExchRecipientTypeDetails') === '2' ? NULL_RESULT : valueResult(['User'])),
)

/** proxyAddresses as confirmed by import, trimmed and without duplicates. */
export const PROXY_ADDRESSES: FlowSpec = expression(
  'proxyAddresses',
  ['proxyAddresses'],
  'RemoveDuplicates(Trim(ImportedValue("proxyAddresses")))',
  (source) => valueResult([...new Set(valuesOf(source, 'proxyAddresses').map(trim))]),
)

/** sourceAnchor of groups and contacts: objectGUID in base64. */
export const GUID_SOURCE_ANCHOR: FlowSpec = expression(
  'sourceAnchor',
  ['objectGUID'],
  'ConvertToBase64([objectGUID])',
  (source) => valueResult(valuesOf(source, 'objectGUID').slice(0, 1)),
)

/** mailEnabled: the object has a mail address with an @. */
export const MAIL_ENABLED: FlowSpec = expression(
  'mailEnabled',
  ['mail'],
  'IIF(IsPresent([mail]) && (InStr([mail],"@") > 0),True,False)',
  (source) => booleanResult((firstOf(source, 'mail') ?? '').includes('@')),
)

/** The Entra ID DN of a synchronized object: `CN={` + UTF-8 hex of the sourceAnchor + `}`. */
export const AAD_DN: FlowSpec = expression(
  'dn',
  ['sourceAnchor'],
  '"CN={" & ConvertToUTF8Hex([sourceAnchor]) & "}"',
  (source) => valueResult(valuesOf(source, 'sourceAnchor').map((anchor) => `CN={${utf8Hex(anchor)}}`)),
)

/** The sourceAnchor sent to Entra ID; an error if it no longer matches what Entra ID holds. */
export const AAD_SOURCE_ANCHOR: FlowSpec = expression(
  'sourceAnchor',
  ['cloudAnchor', 'cloudSourceAnchor', 'sourceAnchor', 'sourceObjectType'],
  'IIF(IsPresent([cloudSourceAnchor]), IIF(Word([cloudAnchor],1,"_")=[sourceObjectType],IIF([cloudSourceAnchor] = [sourceAnchor],[sourceAnchor],Error("SourceAnchor attribute has changed.")),[sourceAnchor]),[sourceAnchor])',
  (source) => sentSourceAnchor(source, firstOf(source, 'sourceObjectType')),
)

/** The group version: no object-type check. */
export const AAD_GROUP_SOURCE_ANCHOR: FlowSpec = expression(
  'sourceAnchor',
  ['cloudSourceAnchor', 'sourceAnchor'],
  'IIF(IsPresent([cloudSourceAnchor]),IIF([cloudSourceAnchor] = [sourceAnchor],[sourceAnchor],Error("SourceAnchor attribute has changed.")),[sourceAnchor])',
  (source) => sentSourceAnchor(source, undefined),
)

function sentSourceAnchor(
  source: Attributes,
  objectType: string | undefined,
): ReturnType<FlowSpec['compute']> {
  const anchor = valuesOf(source, 'sourceAnchor')
  const cloud = firstOf(source, 'cloudSourceAnchor')
  if (cloud === undefined) return valueResult(anchor)
  const cloudType = (firstOf(source, 'cloudAnchor') ?? '').split('_')[0]
  if (objectType !== undefined && cloudType !== objectType) return valueResult(anchor)
  return cloud === anchor[0]
    ? valueResult(anchor)
    : { kind: 'error', message: 'SourceAnchor attribute has changed.' }
}

/** usageLocation back to Entra ID, unless the metaverse has none (then Entra ID keeps its own). */
export const AAD_USAGE_LOCATION: FlowSpec = expression(
  'usageLocation',
  ['usageLocation'],
  'IIF(IsNullOrEmpty([usageLocation]),IgnoreThisFlow,[usageLocation])',
  (source) =>
    isNullOrEmpty(source, 'usageLocation') ? IGNORE_RESULT : valueResult(valuesOf(source, 'usageLocation')),
)

/** cloudSourceAnchor: the sourceAnchor Entra ID confirmed. */
export const CLOUD_SOURCE_ANCHOR: FlowSpec = expression(
  'cloudSourceAnchor',
  ['sourceAnchor'],
  'ImportedValue("sourceAnchor")',
  (source) => valueResult(valuesOf(source, 'sourceAnchor')),
)

/** The raw objectGUID kept for group and contact joins. */
export function sourceAnchorBinary(): FlowSpec {
  return direct('sourceAnchorBinary', 'objectGUID')
}
