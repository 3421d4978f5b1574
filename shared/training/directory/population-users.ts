/** The generated people of Contoso (everyone except the seeded cases). */
import {
  type Department,
  departmentAt,
  DEPARTMENTS,
  HEAD_OFFICE,
  OFFICES,
  type Office,
} from '../data/organization'
import { streamFor } from '../random'
import { type AdObject, IN_SYNC } from './ad-object'
import { cnDn, departmentOu } from './layout'
import { personName } from './names'
import { objectIds } from './object-ids'
import { personAttributes } from './person-attributes'
import { departmentOf, hasReports, managerOf, type PopulationShape } from './population-shape'

/** The first relative id of generated accounts (lower ones are the domain's built-in accounts). */
export const FIRST_USER_RID = 1200
/** Share of people who have a mailbox. */
export const MAILBOX_SHARE = 0.88

// Offices weighted by head count: the head office is the largest.
const OFFICE_WEIGHTS = [0.35, 0.2, 0.15, 0.12, 0.1, 0.08]

/** Object key of generated person `index`. */
export function userKey(index: number): string {
  return `user:${index}`
}

function department(shape: PopulationShape, index: number): Department {
  return departmentAt(departmentOf(shape, index))
}

/** The DN of generated person `index` (cheap: used to write references to them). */
export function userDn(shape: PopulationShape, index: number): string {
  return cnDn(personName(shape.seed, 'user', index).fullName, departmentOu(department(shape, index).name))
}

function pickOffice(value: number): Office {
  let total = 0
  for (let index = 0; index < OFFICES.length; index++) {
    total += OFFICE_WEIGHTS[index] ?? 0
    if (value < total) return OFFICES[index] ?? HEAD_OFFICE
  }
  return HEAD_OFFICE
}

function titleOf(shape: PopulationShape, index: number, dept: Department, pick: number): string {
  if (index === 0) return 'Chief Executive Officer'
  if (index < DEPARTMENTS.length) return `Head of ${dept.name}`
  if (hasReports(shape, index)) return `${dept.name} Team Lead`
  return dept.titles[Math.floor(pick * dept.titles.length)] ?? dept.titles[0] ?? 'Employee'
}

/** Generated person `index`. */
export function populationUser(shape: PopulationShape, index: number): AdObject {
  const key = userKey(index)
  const random = streamFor(shape.seed, 'user', index)
  const name = personName(shape.seed, 'user', index)
  const dept = department(shape, index)
  const office = pickOffice(random.next())
  const homeWorker = random.chance(0.03)
  const manager = managerOf(index)
  const ids = objectIds(shape.seed, key)
  const attributes = personAttributes(
    {
      name,
      department: dept,
      office,
      homeWorker,
      title: titleOf(shape, index, dept, random.next()),
      manager: manager === null ? null : userKey(manager),
      rid: FIRST_USER_RID + index,
      objectGuid: ids.objectGuid,
    },
    random,
    { mailbox: random.chance(MAILBOX_SHARE) },
  )
  return {
    key,
    objectClass: 'user',
    dn: cnDn(name.fullName, departmentOu(dept.name)),
    attributes,
    before: null,
    history: IN_SYNC,
    ids,
    cloud: { usageLocation: random.chance(0.85) ? office.countryLetters : null },
  }
}
