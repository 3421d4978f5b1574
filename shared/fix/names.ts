/** Attribute, object-type and connector names compare case-insensitively, as the sync engine compares them. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/** The comparison key of a name. */
export function nameKey(name: string): string {
  return name.toLowerCase()
}
