/**
 * Unique names for generated people. The n-th person of a stream gets a distinct (first, last) pair
 * for the first 10,000 people (a seeded stride through all pairs); later rounds add a number, so
 * DNs, account names and addresses never collide whatever the size.
 */
import { asciiName, FIRST_NAMES, LAST_NAMES } from '../data/person-names'
import { mixSeed } from '../random'

/** A person's name and the account name derived from it. */
export interface PersonName {
  readonly givenName: string
  readonly surname: string
  /** `Ana Santos`, or `Ana Santos 2` from the second round on. */
  readonly fullName: string
  /** `ana.santos`, or `ana.santos2`: sAMAccountName, mail nickname and address local part. */
  readonly accountName: string
}

// Primes that share no factor with 100 x 100 pairs, so the stride visits every pair once per round.
const STRIDES = [7919, 6007, 4999, 3001, 2003, 1009, 9973, 8017]

/** The name of person `index` of a stream (`user`, `contact`) for a seed. */
export function personName(seed: number, stream: string, index: number): PersonName {
  const pairs = FIRST_NAMES.length * LAST_NAMES.length
  const mixed = mixSeed(seed, 'names', stream)
  const stride = STRIDES[mixed % STRIDES.length] ?? 1
  const offset = mixed % pairs
  const pair = (index * stride + offset) % pairs
  const round = Math.floor(index / pairs)
  const givenName = FIRST_NAMES[pair % FIRST_NAMES.length] ?? ''
  const surname = LAST_NAMES[Math.floor(pair / FIRST_NAMES.length)] ?? ''
  const suffix = round === 0 ? '' : String(round + 1)
  return {
    givenName,
    surname,
    fullName: suffix === '' ? `${givenName} ${surname}` : `${givenName} ${surname} ${suffix}`,
    accountName: `${asciiName(givenName)}.${asciiName(surname)}${suffix}`,
  }
}
