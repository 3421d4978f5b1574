import { children, type XmlElement } from '../../xml/element-tree'

/** Reads `<parameter name="...">value</parameter>` children of a `<parameter-values>` element. Encrypted values are skipped. */
export function readParameterValues(parameterValues: XmlElement | undefined): (readonly [string, string])[] {
  if (!parameterValues) return []
  const pairs: (readonly [string, string])[] = []
  for (const parameter of children(parameterValues, 'parameter')) {
    const name = parameter.attributes.get('name')
    if (!name || parameter.attributes.get('encrypted') === '1') continue
    pairs.push([name, parameter.text.trim()])
  }
  return pairs
}
