import { type DirectorySchema, type SchemaAttribute, syntaxFromOid } from '../../model/schema'
import { child, childText, children, type XmlElement } from '../../xml/element-tree'

/**
 * Reads a DSML `<schema>` element (connector or metaverse) into a schema with names resolved.
 *
 * Both styles seen in real exports are handled: prefixed `dsml:` elements with ids equal to names
 * (AAD connector, MV.xml) and a default namespace with opaque ids such as `Asy` (AD connector), so
 * class references are resolved through the attribute-type ids, never read as names.
 */
export function parseDsmlSchema(schema: XmlElement | undefined): DirectorySchema {
  const directory = schema ? findDirectorySchema(schema) : undefined
  if (!directory) return { classes: [], attributes: [] }
  const nameById = new Map<string, string>()
  const attributes: SchemaAttribute[] = []
  for (const type of children(directory, 'attribute-type')) {
    const name = childText(type, 'name') || type.attributes.get('id') || ''
    if (!name) continue
    const id = type.attributes.get('id')
    if (id) nameById.set(id, name)
    const syntaxOid = childText(type, 'syntax')
    attributes.push({
      name,
      syntax: syntaxFromOid(syntaxOid),
      syntaxOid,
      multiValued: type.attributes.get('single-value')?.toLowerCase() !== 'true',
      indexable: type.attributes.get('indexable')?.toLowerCase() === 'true',
    })
  }
  const classes = children(directory, 'class').map((element) => ({
    name: childText(element, 'name') || element.attributes.get('id') || '',
    attributes: children(element, 'attribute')
      .map((reference) => {
        const ref = (reference.attributes.get('ref') ?? '').replace(/^#/, '')
        return nameById.get(ref) ?? ref
      })
      .filter((name) => name.length > 0),
  }))
  attributes.sort((a, b) => a.name.localeCompare(b.name))
  return { classes, attributes }
}

function findDirectorySchema(schema: XmlElement): XmlElement | undefined {
  const dsml = child(schema, 'dsml')
  return dsml ? child(dsml, 'directory-schema') : child(schema, 'directory-schema')
}
