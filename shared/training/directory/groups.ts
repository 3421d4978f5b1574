/** Contoso's groups: one security group per department and project distribution lists. */
import { DEPARTMENTS, departmentAt } from '../data/organization'
import { DOMAIN_FQDN, DOMAIN_SID, TENANT_DOMAIN } from '../environment'
import { bytesToBase64, sidBytes } from '../identifiers'
import { type AdObject, IN_SYNC } from './ad-object'
import { cnDn, GROUPS_OU } from './layout'
import { objectIds } from './object-ids'
import { departmentHead, type PopulationShape } from './population-shape'
import { userKey } from './population-users'

/** The first relative id of groups, far above any generated person's. */
export const FIRST_GROUP_RID = 500_000_000
/** groupType of a global security group. */
export const GLOBAL_SECURITY_GROUP = '-2147483646'
/** groupType of a universal distribution list. */
export const UNIVERSAL_DISTRIBUTION_GROUP = '8'
/** groupType of a mail-enabled universal security group. */
export const UNIVERSAL_SECURITY_GROUP = '-2147483640'

const PROJECT_NAMES = [
  'Apollo',
  'Borealis',
  'Cascade',
  'Delta',
  'Everest',
  'Falcon',
  'Granite',
  'Horizon',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Nova',
  'Orion',
  'Pioneer',
  'Quartz',
  'Redwood',
  'Summit',
  'Tundra',
  'Unity',
  'Vertex',
  'Willow',
  'Xenon',
  'Yukon',
  'Zephyr',
]

/** Object key of group `index` (department groups first, then project lists). */
export function groupKey(index: number): string {
  return `group:${index}`
}

/** The number of groups of a population. */
export function groupCount(shape: PopulationShape): number {
  return shape.departmentGroups + shape.projectGroups
}

function groupName(index: number): { readonly cn: string; readonly account: string } {
  if (index < DEPARTMENTS.length) {
    const account = `SG-${departmentAt(index).name.replace(/\s+/g, '')}`
    return { cn: account, account }
  }
  const project = index - DEPARTMENTS.length
  const base = PROJECT_NAMES[project % PROJECT_NAMES.length] ?? 'Project'
  const round = Math.floor(project / PROJECT_NAMES.length)
  const suffix = round === 0 ? '' : String(round + 1)
  return {
    cn: suffix === '' ? `Project ${base}` : `Project ${base} ${suffix}`,
    account: `project-${base.toLowerCase()}${suffix}`,
  }
}

/** The DN of group `index`. */
export function groupDn(index: number): string {
  return cnDn(groupName(index).cn, GROUPS_OU)
}

/** The people in group `index`, as object keys. */
export function groupMembers(shape: PopulationShape, index: number): string[] {
  const members: string[] = []
  if (index < shape.departmentGroups) {
    const departments = DEPARTMENTS.length
    const first = (index - shape.rotation + departments) % departments
    for (let user = first; user < shape.users; user += departments) members.push(userKey(user))
  } else {
    const project = index - shape.departmentGroups
    for (let user = project; user < shape.users; user += shape.projectGroups) members.push(userKey(user))
  }
  return members
}

/** Group `index`. */
export function populationGroup(shape: PopulationShape, index: number): AdObject {
  const key = groupKey(index)
  const ids = objectIds(shape.seed, key)
  const { cn, account } = groupName(index)
  const members = groupMembers(shape, index)
  const attributes = new Map<string, readonly string[]>([
    ['objectGUID', [ids.objectGuid]],
    ['objectSid', [bytesToBase64(sidBytes(5, [...DOMAIN_SID, FIRST_GROUP_RID + index]))]],
    ['cn', [cn]],
    ['displayName', [cn]],
    ['sAMAccountName', [account]],
  ])
  if (members.length > 0) attributes.set('member', members)
  if (index < shape.departmentGroups) {
    const department = departmentAt(index).name
    attributes.set('groupType', [GLOBAL_SECURITY_GROUP])
    attributes.set('description', [`Everyone in ${department}`])
    const head = departmentHead(shape, index)
    if (head !== null) attributes.set('managedBy', [userKey(head)])
  } else {
    const address = `${account}@${DOMAIN_FQDN}`
    attributes.set('groupType', [index % 4 === 0 ? UNIVERSAL_SECURITY_GROUP : UNIVERSAL_DISTRIBUTION_GROUP])
    attributes.set('description', ['Project team mailing list'])
    attributes.set('mail', [address])
    attributes.set('mailNickname', [account])
    attributes.set('proxyAddresses', [`SMTP:${address}`, `smtp:${account}@${TENANT_DOMAIN}`])
    attributes.set('legacyExchangeDN', [
      `/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${account}`,
    ])
    const [owner] = members
    if (owner !== undefined) attributes.set('managedBy', [owner])
  }
  return {
    key,
    objectClass: 'group',
    dn: groupDn(index),
    attributes,
    before: null,
    history: IN_SYNC,
    ids,
    cloud: { usageLocation: null },
  }
}
