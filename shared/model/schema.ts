/** Attribute syntax, derived from the DSML syntax OID. */
export type AttributeSyntax = 'String' | 'Integer' | 'Boolean' | 'Binary' | 'Reference' | 'Unknown'

/** One attribute type of a DSML schema (connector or metaverse). */
export interface SchemaAttribute {
  readonly name: string
  readonly syntax: AttributeSyntax
  /** The raw syntax OID, kept for display. */
  readonly syntaxOid: string
  readonly multiValued: boolean
  /** Metaverse only: the attribute is indexable (ms-dsml:indexable). */
  readonly indexable: boolean
}

/** One object class of a DSML schema with the names of its attributes. */
export interface SchemaClass {
  readonly name: string
  readonly attributes: readonly string[]
}

/** A DSML directory schema, with attribute ids already resolved to names. */
export interface DirectorySchema {
  readonly classes: readonly SchemaClass[]
  readonly attributes: readonly SchemaAttribute[]
}

/** An empty schema (connector without `<schema>`). */
export const EMPTY_SCHEMA: DirectorySchema = { classes: [], attributes: [] }

/** Maps a DSML syntax OID to the attribute syntax the engine uses. */
export function syntaxFromOid(oid: string): AttributeSyntax {
  switch (oid.trim()) {
    case '1.3.6.1.4.1.1466.115.121.1.15':
    case '1.3.6.1.4.1.1466.115.121.1.26':
    case '1.3.6.1.4.1.1466.115.121.1.44':
    case '1.3.6.1.4.1.1466.115.121.1.38':
    case '1.3.6.1.4.1.1466.115.121.1.24':
    case '1.3.6.1.4.1.1466.115.121.1.53':
      return 'String'
    case '1.3.6.1.4.1.1466.115.121.1.27':
      return 'Integer'
    case '1.3.6.1.4.1.1466.115.121.1.7':
      return 'Boolean'
    case '1.3.6.1.4.1.1466.115.121.1.40':
    case '1.3.6.1.4.1.1466.115.121.1.5':
      return 'Binary'
    case '1.3.6.1.4.1.1466.115.121.1.12':
      return 'Reference'
    default:
      return 'Unknown'
  }
}
