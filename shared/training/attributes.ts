/**
 * How the generator holds an object's attributes: values as text, as the model and the files keep
 * them (integers in decimal, booleans `true`/`false`, binary in base64). Reference values are object
 * keys (`user:12`), turned into a DN or an id only when a file is written, because the same manager
 * is a DN in Active Directory, an object id in the metaverse and another DN in Entra ID.
 */

/** Attribute values by attribute name (a Map: names are data). */
export type Attributes = ReadonlyMap<string, readonly string[]>

/** The values of an attribute; empty when absent. */
export function valuesOf(attributes: Attributes, name: string): readonly string[] {
  return attributes.get(name) ?? []
}

/** The first value of an attribute, undefined when absent. */
export function firstOf(attributes: Attributes, name: string): string | undefined {
  return attributes.get(name)?.[0]
}

/** True when the attribute has at least one value. */
export function isPresent(attributes: Attributes, name: string): boolean {
  return (attributes.get(name)?.length ?? 0) > 0
}

/** A copy of the attributes with some values replaced (an empty list removes the attribute). */
export function withValues(
  attributes: Attributes,
  changes: Iterable<readonly [string, readonly string[]]>,
): Attributes {
  const copy = new Map(attributes)
  for (const [name, values] of changes) {
    if (values.length === 0) copy.delete(name)
    else copy.set(name, values)
  }
  return copy
}

/** True when two value lists are equal, order included. */
export function sameList(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((value, index) => value === right[index])
}
