/** Deterministic ids per object: each object draws them from its own stream of the seed. */
import { bytesToBase64, randomGuid, randomGuidBytes } from '../identifiers'
import { streamFor } from '../random'
import type { ObjectIds } from './ad-object'

/** The ids of the object with this key. */
export function objectIds(seed: number, key: string): ObjectIds {
  const random = streamFor(seed, 'ids', key)
  return {
    objectGuid: bytesToBase64(randomGuidBytes(random)),
    adCsId: randomGuid(random),
    mvId: randomGuid(random),
    aadCsId: randomGuid(random),
    cloudObjectId: randomGuid(random),
  }
}
