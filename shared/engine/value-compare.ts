import type { AttributeType } from '../model/objects'

/**
 * True when two value lists hold the same values in any order.
 *
 * Booleans compare case-insensitively because exports write both `True` and `true`; other types
 * compare exactly, as the directory stores them.
 */
export function sameValues(
  left: readonly string[],
  right: readonly string[],
  type: AttributeType | null = null,
): boolean {
  if (left.length !== right.length) return false
  const normalize = (value: string): string =>
    type === 'Boolean' || isBooleanText(value) ? value.toLowerCase() : value
  const counts = new Map<string, number>()
  for (const value of left) {
    const key = normalize(value)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  for (const value of right) {
    const key = normalize(value)
    const count = counts.get(key) ?? 0
    if (count === 0) return false
    counts.set(key, count - 1)
  }
  return true
}

function isBooleanText(value: string): boolean {
  const lower = value.toLowerCase()
  return lower === 'true' || lower === 'false'
}

/** Renders values for a one-sentence message: `no value`, `"a"`, or `"a", "b"` (at most three, then a count). */
export function describeValues(values: readonly string[]): string {
  if (values.length === 0) return 'no value'
  const shown = values.slice(0, 3).map((value) => `"${shorten(value)}"`)
  const more = values.length > 3 ? ` and ${values.length - 3} more` : ''
  return `${shown.join(', ')}${more}`
}

function shorten(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value
}
