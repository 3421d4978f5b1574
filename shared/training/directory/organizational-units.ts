/** The OUs under OU=Corp. AD imports them as connector-space objects that no rule projects (disconnectors). */
import { DEPARTMENTS } from '../data/organization'
import { CORP_OU } from '../environment'
import { type AdObject, IN_SYNC } from './ad-object'
import { CONTACTS_OU, departmentOu, GROUPS_OU, SERVICE_ACCOUNTS_OU, USERS_OU } from './layout'
import { objectIds } from './object-ids'

/** The DNs of the OUs, parents before children. */
export const ORGANIZATIONAL_UNITS: readonly string[] = [
  CORP_OU,
  USERS_OU,
  ...DEPARTMENTS.map((department) => departmentOu(department.name)),
  GROUPS_OU,
  CONTACTS_OU,
  SERVICE_ACCOUNTS_OU,
]

/** OU `index` of ORGANIZATIONAL_UNITS; its ids do not depend on the seed (the OUs are the same in every snapshot). */
export function organizationalUnit(index: number): AdObject {
  const key = `ou:${index}`
  const ids = objectIds(0, key)
  const dn = ORGANIZATIONAL_UNITS[index] ?? CORP_OU
  const name = /^OU=([^,]*)/.exec(dn)?.[1] ?? 'Corp'
  return {
    key,
    objectClass: 'organizationalUnit',
    dn,
    attributes: new Map([
      ['objectGUID', [ids.objectGuid]],
      ['description', [`Contoso ${name}`]],
    ]),
    before: null,
    history: IN_SYNC,
    ids,
    cloud: { usageLocation: null },
  }
}
