/**
 * Folds text for comparison: case-insensitive, accent-sensitive, like the Service Manager's default
 * collation (Latin1_General_CI_AS). Every comparison in the store and in search goes through it, so
 * that index lookups, scans and per-object checks agree.
 */
export function foldCase(text: string): string {
  return text.toLowerCase()
}

/** How a search value is compared with an attribute value. */
export type TextMatch = 'equals' | 'starts-with' | 'ends-with' | 'contains'

/** Whether a folded value matches a folded needle. */
export function matchesFolded(value: string, needle: string, match: TextMatch): boolean {
  switch (match) {
    case 'equals':
      return value === needle
    case 'starts-with':
      return value.startsWith(needle)
    case 'ends-with':
      return value.endsWith(needle)
    case 'contains':
      return value.includes(needle)
  }
}
