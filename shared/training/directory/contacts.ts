/** Mail contacts for people at partner companies. */
import { departmentAt, DEPARTMENTS, PARTNERS } from '../data/organization'
import { streamFor } from '../random'
import { type AdObject, IN_SYNC } from './ad-object'
import { cnDn, CONTACTS_OU } from './layout'
import { personName } from './names'
import { objectIds } from './object-ids'
import type { PopulationShape } from './population-shape'

/** Object key of contact `index`. */
export function contactKey(index: number): string {
  return `contact:${index}`
}

/** Contact `index`. */
export function populationContact(shape: PopulationShape, index: number): AdObject {
  const key = contactKey(index)
  const random = streamFor(shape.seed, 'contact', index)
  const name = personName(shape.seed, 'contact', index)
  const partner = PARTNERS[index % PARTNERS.length] ?? { company: 'Fabrikam', domain: 'fabrikam.com' }
  const ids = objectIds(shape.seed, key)
  const cn = `${name.fullName} (${partner.company})`
  const address = `${name.accountName}@${partner.domain}`
  const attributes = new Map<string, readonly string[]>([
    ['objectGUID', [ids.objectGuid]],
    ['cn', [cn]],
    ['displayName', [cn]],
    ['givenName', [name.givenName]],
    ['sn', [name.surname]],
    ['company', [partner.company]],
    ['mail', [address]],
    ['mailNickname', [`${partner.domain.split('.')[0] ?? 'partner'}.${name.accountName}`]],
    ['proxyAddresses', [`SMTP:${address}`]],
    ['targetAddress', [`SMTP:${address}`]],
  ])
  const department = departmentAt(random.int(DEPARTMENTS.length))
  if (random.chance(0.5)) attributes.set('title', [random.pick(department.titles)])
  if (random.chance(0.2)) attributes.set('department', [department.name])
  if (random.chance(0.4))
    attributes.set('telephoneNumber', [`+1 555 01${String(random.int(100)).padStart(2, '0')}`])
  return {
    key,
    objectClass: 'contact',
    dn: cnDn(cn, CONTACTS_OU),
    attributes,
    before: null,
    history: IN_SYNC,
    ids,
    cloud: { usageLocation: null },
  }
}
