/** The people of the seeded cases, built from CASE_DEFINITIONS; the same for every seed. */
import { withValues } from '../attributes'
import { DEPARTMENTS, departmentNamed, officeNamed } from '../data/organization'
import { DOMAIN_FQDN, EXPORT_EPOCH_SECONDS, LAST_EXPORT_TIME, SERVER_NAME } from '../environment'
import { streamFor } from '../random'
import { asciiName } from '../data/person-names'
import {
  type CaseDefinition,
  CASE_DEFINITIONS,
  casePersonDn,
  DUPLICATE_UPN,
  SYNC_SERVICE_ACCOUNT,
} from '../training-cases'
import { type AdObject, type ExportFailure, IN_SYNC, type SyncHistory } from './ad-object'
import { objectIds } from './object-ids'
import {
  domainSid,
  filetime,
  personAttributes,
  UAC_ENABLED,
  UAC_ENABLED_NO_EXPIRY,
} from './person-attributes'
import { departmentHead, type PopulationShape } from './population-shape'
import { userKey } from './population-users'

/** The seed case objects draw from, whatever the snapshot's seed. */
export const CASE_SEED = 0x5eedca5e
/** Relative ids of case accounts start here (below the generated people's). */
export const FIRST_CASE_RID = 1100

/** Object key of a case's person. */
export function caseKey(id: string): string {
  return `case:${id}`
}

/** The failure Entra ID reports for Joana's duplicate userPrincipalName. */
export const DUPLICATE_UPN_FAILURE: ExportFailure = {
  name: 'AttributeValueMustBeUnique',
  code: '0x8023134a',
  message: `Entra ID refused the change: another object in the tenant already uses userPrincipalName ${DUPLICATE_UPN}. Change or remove one of the two values, then export again.`,
  retryCount: 3,
  firstOccurred: '2026-11-23 07:31:12.004',
  lastOccurred: LAST_EXPORT_TIME,
}

function historyOf(definition: CaseDefinition): SyncHistory {
  switch (definition.person.history) {
    case undefined:
      return IN_SYNC
    case 'stale':
      return { metaverseStale: true, importPending: false, export: 'exported', exportFailure: null }
    case 'import-pending':
      return { metaverseStale: true, importPending: true, export: 'exported', exportFailure: null }
    case 'pending':
      return { metaverseStale: false, importPending: false, export: 'pending', exportFailure: null }
    case 'failed':
      return {
        metaverseStale: false,
        importPending: false,
        export: 'failed',
        exportFailure: DUPLICATE_UPN_FAILURE,
      }
  }
}

function serviceAccountAttributes(objectGuid: string, rid: number): Map<string, readonly string[]> {
  return new Map<string, readonly string[]>([
    ['objectGUID', [objectGuid]],
    ['objectSid', [domainSid(rid)]],
    ['cn', [SYNC_SERVICE_ACCOUNT]],
    ['sAMAccountName', [SYNC_SERVICE_ACCOUNT]],
    ['displayName', ['On-Premises Directory Synchronization Service Account']],
    ['description', [`Reads the directory for the Entra Connect server ${SERVER_NAME}.`]],
    ['userPrincipalName', [`${SYNC_SERVICE_ACCOUNT}@${DOMAIN_FQDN}`]],
    ['userAccountControl', [UAC_ENABLED_NO_EXPIRY]],
    ['pwdLastSet', [filetime(EXPORT_EPOCH_SECONDS - 260 * 86_400)]],
  ])
}

/** The object of case `index` of CASE_DEFINITIONS. */
export function caseUser(shape: PopulationShape, index: number): AdObject | null {
  const definition = CASE_DEFINITIONS[index]
  if (!definition) return null
  const { person } = definition
  const key = caseKey(definition.id)
  const ids = objectIds(CASE_SEED, key)
  const rid = FIRST_CASE_RID + index
  const office = officeNamed(person.office)
  if (person.serviceAccount === true) {
    return {
      key,
      objectClass: 'user',
      dn: casePersonDn(person),
      attributes: serviceAccountAttributes(ids.objectGuid, rid),
      before: null,
      history: IN_SYNC,
      ids,
      cloud: { usageLocation: null },
    }
  }
  const department = departmentNamed(person.department)
  const head = departmentHead(shape, DEPARTMENTS.indexOf(department))
  const random = streamFor(CASE_SEED, 'case', definition.id)
  const generated = personAttributes(
    {
      name: {
        givenName: person.givenName,
        surname: person.surname,
        fullName: `${person.givenName} ${person.surname}`,
        accountName: `${asciiName(person.givenName)}.${asciiName(person.surname)}`,
      },
      department,
      office,
      homeWorker: false,
      title: person.title,
      manager: head === null ? null : userKey(head),
      rid,
      objectGuid: ids.objectGuid,
    },
    random,
    { mailbox: person.mailbox ?? true },
  )
  // Random extras that belong to other cases are taken out, so each case person shows one problem.
  const baseline = withValues(generated, [
    ['userAccountControl', [UAC_ENABLED]],
    ['telephoneNumber', [`${office.phonePrefix}0${String(100 + index)}`]],
    ['mobile', [`${office.mobilePrefix}${String(100 + index)}`]],
    ['division', ['Corporate']],
    ['employeeType', ['Employee']],
    ['preferredLanguage', [office.language]],
    ['description', []],
    ['extensionAttribute1', []],
    ['extensionAttribute2', []],
    ['employeeNumber', []],
    ['facsimileTelephoneNumber', []],
    ['msExchHideFromAddressLists', []],
  ])
  const attributes = withValues(baseline, person.set ?? [])
  return {
    key,
    objectClass: 'user',
    dn: casePersonDn(person),
    attributes,
    before: person.before ? withValues(attributes, person.before) : null,
    history: historyOf(definition),
    ids,
    cloud: { usageLocation: office.countryLetters },
  }
}
