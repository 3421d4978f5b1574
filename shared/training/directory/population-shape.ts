/**
 * The size and seeded arrangement of a generated population: how many people, groups and contacts,
 * and which department each person belongs to. Everything else about an object is computed from its
 * index on demand, so objects can be generated one at a time in any order.
 */
import { DEPARTMENTS } from '../data/organization'
import { mixSeed } from '../random'

/** How a population is laid out. */
export interface PopulationShape {
  readonly seed: number
  readonly users: number
  /** Department groups: one per department. */
  readonly departmentGroups: number
  /** Project distribution lists. */
  readonly projectGroups: number
  readonly contacts: number
  /** Seeded rotation of the department order. */
  readonly rotation: number
}

/** People per project distribution list (on average). */
export const PEOPLE_PER_PROJECT = 40
/** People per partner contact. */
export const PEOPLE_PER_CONTACT = 25
/** Direct reports per manager. */
export const REPORTS_PER_MANAGER = 8

/** The shape of a population of `users` people for a seed. */
export function populationShape(seed: number, users: number): PopulationShape {
  return {
    seed,
    users,
    departmentGroups: DEPARTMENTS.length,
    projectGroups: Math.max(2, Math.ceil(users / PEOPLE_PER_PROJECT)),
    contacts: Math.max(3, Math.ceil(users / PEOPLE_PER_CONTACT)),
    rotation: mixSeed(seed, 'departments') % DEPARTMENTS.length,
  }
}

/** The department (index into DEPARTMENTS) of person `index`. */
export function departmentOf(shape: PopulationShape, index: number): number {
  return (index + shape.rotation) % DEPARTMENTS.length
}

/** The person heading a department, or null when the population is too small to have one. */
export function departmentHead(shape: PopulationShape, department: number): number | null {
  const head = (department - shape.rotation + DEPARTMENTS.length) % DEPARTMENTS.length
  return head < shape.users ? head : null
}

/**
 * The manager of person `index`: people are numbered department by department, position
 * `floor(index / departments)` in a tree of REPORTS_PER_MANAGER reports; department heads report to
 * person 0, who reports to nobody.
 */
export function managerOf(index: number): number | null {
  const departments = DEPARTMENTS.length
  const position = Math.floor(index / departments)
  if (position === 0) return index === 0 ? null : 0
  const managerPosition = Math.floor((position - 1) / REPORTS_PER_MANAGER)
  return managerPosition * departments + (index % departments)
}

/** True when person `index` has at least one report. */
export function hasReports(shape: PopulationShape, index: number): boolean {
  const departments = DEPARTMENTS.length
  const position = Math.floor(index / departments)
  if (index === 0) return shape.users > 1
  const firstReport = (position * REPORTS_PER_MANAGER + 1) * departments + (index % departments)
  return firstReport < shape.users
}
