/**
 * The whole generated directory: OUs, the seeded case people, the generated people, groups and
 * contacts. Objects are produced one at a time, in the order the connector space lists them, so
 * even hundreds of thousands of people never sit in memory together.
 */
import { utf8Hex } from '../identifiers'
import { CASE_DEFINITIONS, casePersonDn } from '../training-cases'
import type { AdObject, ObjectIds } from './ad-object'
import { CASE_SEED, caseKey, caseUser } from './case-users'
import { populationContact } from './contacts'
import { groupCount, groupDn, populationGroup } from './groups'
import { organizationalUnit, ORGANIZATIONAL_UNITS } from './organizational-units'
import { objectIds } from './object-ids'
import { populationShape, type PopulationShape } from './population-shape'
import { populationUser, userDn } from './population-users'

/** How many objects of each kind the directory holds. */
export interface DirectoryCounts {
  readonly organizationalUnits: number
  readonly cases: number
  readonly users: number
  readonly groups: number
  readonly contacts: number
}

/** The generated directory for one seed and size. */
export interface TrainingDirectory {
  readonly shape: PopulationShape
  readonly counts: DirectoryCounts
  /** Every AD object, in connector-space order, generated on demand. */
  adObjects(): Generator<AdObject>
  /** The AD DN of the object with this key. */
  adDn(key: string): string
  /** The Entra ID DN of the synchronized object with this key. */
  aadDn(key: string): string
  /** The ids of the object with this key. */
  ids(key: string): ObjectIds
}

function indexOf(key: string): number {
  return Number(key.slice(key.indexOf(':') + 1))
}

/** The directory of `users` generated people (plus the case people) for a seed. */
export function trainingDirectory(seed: number, users: number): TrainingDirectory {
  const shape = populationShape(seed, users)
  const caseDns = new Map(
    CASE_DEFINITIONS.map((definition) => [caseKey(definition.id), casePersonDn(definition.person)]),
  )
  const ids = (key: string): ObjectIds =>
    objectIds(key.startsWith('case:') ? CASE_SEED : key.startsWith('ou:') ? 0 : seed, key)
  return {
    shape,
    counts: {
      organizationalUnits: ORGANIZATIONAL_UNITS.length,
      cases: CASE_DEFINITIONS.length,
      users,
      groups: groupCount(shape),
      contacts: shape.contacts,
    },
    adObjects: function* () {
      for (let index = 0; index < ORGANIZATIONAL_UNITS.length; index++) yield organizationalUnit(index)
      for (let index = 0; index < CASE_DEFINITIONS.length; index++) {
        const object = caseUser(shape, index)
        if (object) yield object
      }
      for (let index = 0; index < users; index++) yield populationUser(shape, index)
      for (let index = 0; index < groupCount(shape); index++) yield populationGroup(shape, index)
      for (let index = 0; index < shape.contacts; index++) yield populationContact(shape, index)
    },
    adDn: (key) => {
      if (key.startsWith('user:')) return userDn(shape, indexOf(key))
      if (key.startsWith('group:')) return groupDn(indexOf(key))
      if (key.startsWith('contact:')) return populationContact(shape, indexOf(key)).dn
      return caseDns.get(key) ?? key
    },
    aadDn: (key) => `CN={${utf8Hex(ids(key).objectGuid)}}`,
    ids,
  }
}
