/**
 * The XML of attribute values as csexport and the metaverse export write them: `<attr>` with
 * `<value>` children (binary in base64) and `<dn-attr>` with `<dn-value><dn>` for references.
 */
import { type Attributes, valuesOf } from '../attributes'
import { type AttributeDefinition, valueKind } from '../schema/attribute-definition'
import { xmlAttribute, xmlText } from '../xml-text'

/** How to write one space's attributes. */
export interface AttributeWriting {
  readonly schema: ReadonlyMap<string, AttributeDefinition>
  /** The DN (or id) a reference value (an object key) has in this space. */
  readonly reference: (key: string) => string
  /** Extra XML attributes on each value (metaverse lineage), or '' for none. */
  readonly valueAttributes?: (name: string) => string
}

const FALLBACK: AttributeDefinition = { name: '', syntax: 'string', multiValued: false, indexable: false }

/** Attribute names in the order exports list them: case-insensitive alphabetical. */
export function sortedNames(attributes: Attributes): string[] {
  return [...attributes.keys()].sort((left, right) => {
    const a = left.toLowerCase()
    const b = right.toLowerCase()
    return a < b ? -1 : a > b ? 1 : 0
  })
}

/** One attribute as `<attr>` or `<dn-attr>`, each value on its own line. */
export function attributeXml(
  name: string,
  values: readonly string[],
  writing: AttributeWriting,
  indent: string,
  operation: string | null = null,
  valueOperation: (value: string) => string | null = () => null,
): string {
  const definition = writing.schema.get(name) ?? FALLBACK
  const kind = valueKind(definition.syntax)
  const multi = definition.multiValued ? 'true' : 'false'
  const extra = writing.valueAttributes?.(name) ?? ''
  const op = operation === null ? '' : ` operation="${operation}"`
  const valueOp = (value: string): string => {
    const chosen = valueOperation(value)
    return chosen === null ? '' : ` operation="${chosen}"`
  }
  const safeName = xmlAttribute(name)
  if (kind === 'reference') {
    const lines = [`${indent}<dn-attr name="${safeName}" multivalued="${multi}"${op}>`]
    for (const value of values) {
      lines.push(
        `${indent}  <dn-value${valueOp(value)}${extra}><dn>${xmlText(writing.reference(value))}</dn></dn-value>`,
      )
    }
    lines.push(`${indent}</dn-attr>`)
    return lines.join('\n')
  }
  const encoding = kind === 'binary' ? ' encoding="base64"' : ''
  const lines = [`${indent}<attr name="${safeName}" type="${kind}" multivalued="${multi}"${op}>`]
  for (const value of values) {
    lines.push(`${indent}  <value${valueOp(value)}${encoding}${extra}>${xmlText(value)}</value>`)
  }
  lines.push(`${indent}</attr>`)
  return lines.join('\n')
}

/** A hologram `<entry>`: anchor, object classes and attributes. */
export function entryXml(
  entry: {
    readonly dn: string | null
    readonly anchor: string | null
    readonly objectClasses: readonly string[]
    readonly attributes: Attributes
  },
  writing: AttributeWriting,
  indent: string,
): string {
  const dn = entry.dn === null ? '' : ` dn="${xmlAttribute(entry.dn)}"`
  const lines = [`${indent}<entry${dn}>`]
  if (entry.anchor !== null) lines.push(`${indent}  <anchor encoding="base64">${entry.anchor}</anchor>`)
  const primary = entry.objectClasses[entry.objectClasses.length - 1]
  if (primary !== undefined)
    lines.push(`${indent}  <primary-objectclass>${xmlText(primary)}</primary-objectclass>`)
  if (entry.objectClasses.length > 1) {
    lines.push(`${indent}  <objectclass>`)
    for (const objectClass of entry.objectClasses)
      lines.push(`${indent}    <oc-value>${xmlText(objectClass)}</oc-value>`)
    lines.push(`${indent}  </objectclass>`)
  }
  for (const name of sortedNames(entry.attributes)) {
    const values = valuesOf(entry.attributes, name)
    if (values.length > 0) lines.push(attributeXml(name, values, writing, `${indent}  `))
  }
  lines.push(`${indent}</entry>`)
  return lines.join('\n')
}
