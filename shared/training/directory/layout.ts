/** Where objects live in the Contoso domain, and how their DNs are written. */
import { CORP_OU } from '../environment'

/** Parent of the department OUs. */
export const USERS_OU = `OU=Users,${CORP_OU}`
/** Security groups and distribution lists. */
export const GROUPS_OU = `OU=Groups,${CORP_OU}`
/** Mail contacts of partner companies. */
export const CONTACTS_OU = `OU=Contacts,${CORP_OU}`
/** Service accounts (the sync service's own account lives here). */
export const SERVICE_ACCOUNTS_OU = `OU=Service Accounts,${CORP_OU}`

/** Accounts parked for deletion; the AD connector excludes this OU since the last full import. */
export const PARKED_OU = `OU=Parked Accounts,${CORP_OU}`

/** The containers the AD connector excludes under OU=Corp. */
export const EXCLUDED_CONTAINERS: readonly string[] = [PARKED_OU]

/** Escapes an RDN value (RFC 4514): `,` `+` `"` `\` `<` `>` `;` `=`, and a leading `#` or space. */
export function escapeRdnValue(value: string): string {
  let escaped = value.replace(/[,+"\\<>;=]/g, (character) => `\\${character}`)
  if (escaped.startsWith('#') || escaped.startsWith(' ')) escaped = `\\${escaped}`
  if (escaped.endsWith(' ')) escaped = `${escaped.slice(0, -1)}\\ `
  return escaped
}

/** `CN=<name>,<parent>`. */
export function cnDn(name: string, parent: string): string {
  return `CN=${escapeRdnValue(name)},${parent}`
}

/** The OU of a department. */
export function departmentOu(department: string): string {
  return `OU=${escapeRdnValue(department)},${USERS_OU}`
}
