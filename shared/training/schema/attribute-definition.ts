/** Attribute definitions shared by the three schemas the snapshot publishes (AD, metaverse, Entra ID). */

/** The attribute syntaxes the snapshot uses, as AD and the sync engine name them. */
export type Syntax =
  'string' | 'integer' | 'largeInteger' | 'boolean' | 'binary' | 'dn' | 'time' | 'exchangeDn'

/** One attribute type of a schema. */
export interface AttributeDefinition {
  readonly name: string
  readonly syntax: Syntax
  readonly multiValued: boolean
  /** Metaverse: the attribute is indexed (join targets, lookups). */
  readonly indexable: boolean
}

/** How csexport and the metaverse export type a value: `reference` values are written as `dn-attr`. */
export type ValueKind = 'string' | 'integer' | 'boolean' | 'binary' | 'reference'

/** The DSML syntax OID of each syntax. */
export const SYNTAX_OIDS: Readonly<Record<Syntax, string>> = {
  string: '1.3.6.1.4.1.1466.115.121.1.15',
  integer: '1.3.6.1.4.1.1466.115.121.1.27',
  largeInteger: '1.2.840.113556.1.4.906',
  boolean: '1.3.6.1.4.1.1466.115.121.1.7',
  binary: '1.3.6.1.4.1.1466.115.121.1.40',
  dn: '1.3.6.1.4.1.1466.115.121.1.12',
  time: '1.3.6.1.4.1.1466.115.121.1.24',
  exchangeDn: '1.2.840.113556.1.4.905',
}

/** The value kind of a syntax. */
export function valueKind(syntax: Syntax): ValueKind {
  switch (syntax) {
    case 'string':
    case 'time':
    case 'exchangeDn':
      return 'string'
    case 'integer':
    case 'largeInteger':
      return 'integer'
    case 'boolean':
      return 'boolean'
    case 'binary':
      return 'binary'
    case 'dn':
      return 'reference'
  }
}

/** Options of `defineAttributes`. */
export interface DefineOptions {
  readonly multiValued?: boolean
  readonly indexable?: boolean
}

/** Definitions for several names with one syntax. */
export function defineAttributes(
  syntax: Syntax,
  names: readonly string[],
  options: DefineOptions = {},
): AttributeDefinition[] {
  return names.map((name) => ({
    name,
    syntax,
    multiValued: options.multiValued ?? false,
    indexable: options.indexable ?? false,
  }))
}

/** A lookup by name over definitions (names are data: a Map, never a plain object). */
export function byName(
  definitions: readonly AttributeDefinition[],
): ReadonlyMap<string, AttributeDefinition> {
  return new Map(definitions.map((definition) => [definition.name, definition]))
}

/** `extensionAttribute1` ... `extensionAttribute<count>`. */
export function extensionAttributes(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `extensionAttribute${index + 1}`)
}
