/**
 * An object index that keeps what it builds for the length of one computation. The store builds a fresh
 * object on every call, and one metaverse object's findings ask for the same objects many times (each
 * connected object's import flow reads the metaverse object and every other connected object); keeping them
 * also keeps the attribute bags cached per object. Not for long-lived use: it holds every object it returned.
 */
import type { CsObject, MvObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'

/** The value kept under `key`, built and kept the first time the key is asked for. */
export function remember<K, V>(cache: Map<K, V>, key: K, build: () => V): V {
  if (cache.has(key)) return cache.get(key) as V
  const value = build()
  cache.set(key, value)
  return value
}

/** The index with its object lookups remembered; counts and the metaverse source pass through. */
export function memoizedIndex(index: ObjectIndex): ObjectIndex {
  const csById = new Map<string, CsObject | null>()
  const mvById = new Map<string, MvObject | null>()
  const connected = new Map<string, readonly CsObject[]>()
  const byDn = new Map<string, CsObject | null>()
  const allByDn = new Map<string, readonly CsObject[]>()
  const dns = new Map<string, readonly { readonly connectorId: string | null; readonly dn: string }[]>()
  const connectedDns = index.connectedDns?.bind(index)
  return {
    ...(connectedDns
      ? { connectedDns: (mvObjectId: string) => remember(dns, mvObjectId, () => connectedDns(mvObjectId)) }
      : {}),
    metaverseSource: index.metaverseSource,
    csObject: (id) => remember(csById, id, () => index.csObject(id)),
    csObjectByDn: (connectorId, dn) =>
      remember(byDn, `${connectorId}\u0000${dn.toLowerCase()}`, () => index.csObjectByDn(connectorId, dn)),
    csObjectsByDn: (dn) => remember(allByDn, dn.toLowerCase(), () => index.csObjectsByDn(dn)),
    mvObject: (id) => remember(mvById, id, () => index.mvObject(id)),
    connectedCsObjects: (mvObjectId) =>
      remember(connected, mvObjectId, () => index.connectedCsObjects(mvObjectId)),
    csObjectCount: (connectorId) => index.csObjectCount(connectorId),
    mvObjectCount: () => index.mvObjectCount(),
  }
}
