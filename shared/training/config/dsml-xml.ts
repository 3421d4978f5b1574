/**
 * DSML schemas in the two styles real exports use: prefixed `dsml:` elements whose ids are the
 * attribute names (metaverse, Entra ID connector), and the AD connector's default namespace with
 * short opaque ids (`A1c`) that classes reference.
 */
import { type AttributeDefinition, SYNTAX_OIDS } from '../schema/attribute-definition'
import { xmlAttribute, xmlText } from '../xml-text'

/** A schema class: its name and attribute names. */
export interface SchemaClass {
  readonly name: string
  readonly attributes: readonly string[]
}

/** The prefixed style (MV.xml, Entra ID connector), indented for a `<schema>` at `indent`. */
export function prefixedDsml(
  classes: readonly SchemaClass[],
  attributes: readonly AttributeDefinition[],
  options: { readonly indent: string; readonly indexable: boolean },
): string {
  const pad = options.indent
  const lines = [
    `${pad}<dsml:dsml xmlns:ms-dsml="http://www.microsoft.com/MMS/DSML" xmlns:dsml="http://www.dsml.org/DSML">`,
    `${pad}  <dsml:directory-schema ms-dsml:no-objectclass-validation="true">`,
  ]
  for (const schemaClass of classes) {
    lines.push(`${pad}    <dsml:class id="${xmlAttribute(schemaClass.name)}" type="structural">`)
    lines.push(`${pad}      <dsml:name>${xmlText(schemaClass.name)}</dsml:name>`)
    for (const name of [...new Set(schemaClass.attributes)].sort()) {
      lines.push(`${pad}      <dsml:attribute ref="#${xmlAttribute(name)}" required="false" />`)
    }
    lines.push(`${pad}    </dsml:class>`)
  }
  for (const attribute of attributes) {
    const indexable = options.indexable && attribute.indexable ? ' ms-dsml:indexable="true"' : ''
    lines.push(
      `${pad}    <dsml:attribute-type id="${xmlAttribute(attribute.name)}" single-value="${attribute.multiValued ? 'false' : 'true'}"${indexable}>`,
      `${pad}      <dsml:name>${xmlText(attribute.name)}</dsml:name>`,
      `${pad}      <dsml:syntax>${SYNTAX_OIDS[attribute.syntax]}</dsml:syntax>`,
      `${pad}    </dsml:attribute-type>`,
    )
  }
  lines.push(`${pad}  </dsml:directory-schema>`, `${pad}</dsml:dsml>`)
  return lines.join('\n')
}

/** An opaque id like the AD connector's (`A` plus base 36), stable for a position in the list. */
function opaqueId(prefix: string, index: number): string {
  return `${prefix}${(index + 10).toString(36)}`
}

/** The AD connector style: default DSML namespace, opaque ids, classes referencing ids. */
export function opaqueDsml(
  classes: readonly SchemaClass[],
  attributes: readonly AttributeDefinition[],
): string {
  const idByName = new Map(attributes.map((attribute, index) => [attribute.name, opaqueId('A', index)]))
  const parts = [
    '<dsml xmlns="http://www.dsml.org/DSML" xmlns:m="http://www.microsoft.com/MMS/DSML"><directory-schema>',
  ]
  for (const attribute of attributes) {
    const single = attribute.multiValued ? '' : ' single-value="true"'
    parts.push(
      `<attribute-type id="${idByName.get(attribute.name) ?? ''}"${single}><name>${xmlText(attribute.name)}</name>` +
        `<syntax>${SYNTAX_OIDS[attribute.syntax]}</syntax></attribute-type>`,
    )
  }
  classes.forEach((schemaClass, index) => {
    const references = [...new Set(schemaClass.attributes)]
      .map((name) => idByName.get(name))
      .filter((id): id is string => id !== undefined)
      .map((id) => `<attribute ref="#${id}" required="false" />`)
      .join('')
    parts.push(
      `<class id="${opaqueId('C', index)}" type="structural"><name>${xmlText(schemaClass.name)}</name>${references}</class>`,
    )
  })
  parts.push('</directory-schema></dsml>')
  return parts.join('')
}
