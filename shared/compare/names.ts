import { rdnComparisonKey, splitDn } from '../text/dn'

/**
 * Name keys for comparison. Directory names (connectors, rules, attributes, object types) compare
 * case-insensitively, as the sync engine does, so a difference in case alone is never a difference.
 */

/** The comparison key of a name: trimmed and lower-cased. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase()
}

/** True when two names are the same but for case and surrounding spaces. */
export function sameName(left: string, right: string): boolean {
  return nameKey(left) === nameKey(right)
}

/**
 * The comparison key of a DN, RDN by RDN as the directory compares them (shared/text/dn): case, spaces around
 * separators and escapes do not count (`OU=Sales\2C EMEA, DC=x` and `ou=sales\, emea,dc=x` are one container).
 */
export function dnKey(dn: string): string {
  // A separator no unescaped value holds: 'OU=a\,b=c' (one RDN) and 'OU=a,b=c' (two) get different keys.
  return splitDn(dn).map(rdnComparisonKey).join('\u0000')
}

/** Names in `after` not in `before`, and in `before` not in `after`, by key, each in its own spelling and sorted. */
export function setChanges(
  before: readonly string[],
  after: readonly string[],
  key: (name: string) => string = nameKey,
): { readonly added: readonly string[]; readonly removed: readonly string[] } {
  const beforeKeys = new Set(before.map(key))
  const afterKeys = new Set(after.map(key))
  const unique = (names: readonly string[]): string[] => {
    const seen = new Set<string>()
    return names.filter((name) => {
      const k = key(name)
      if (seen.has(k)) return false
      seen.add(k)
      return true
    })
  }
  const byName = (left: string, right: string): number => left.localeCompare(right)
  return {
    added: unique(after)
      .filter((name) => !beforeKeys.has(key(name)))
      .sort(byName),
    removed: unique(before)
      .filter((name) => !afterKeys.has(key(name)))
      .sort(byName),
  }
}
