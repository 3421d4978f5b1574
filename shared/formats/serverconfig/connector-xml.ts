import {
  AAD_CONNECTOR_ID,
  type Connector,
  type ConnectorType,
  normalizeGuid,
  type Partition,
} from '../../model/connector'
import { type LoadIssue, loadIssue } from '../../model/load-issue'
import { child, childText, children, descendants, type XmlElement } from '../../xml/element-tree'
import { parseDsmlSchema } from './dsml-schema'
import { readParameterValues } from './parameters'

/** The outcome of reading one connector file. */
export interface ConnectorReadResult {
  readonly connector: Connector | null
  readonly issues: readonly LoadIssue[]
}

/** Tells AD, Entra ID (AAD) and other connectors apart from their id, category and subtype. */
export function connectorTypeOf(id: string, category: string, subtype: string): ConnectorType {
  if (id === AAD_CONNECTOR_ID || /azure active directory|microsoft entra/i.test(subtype)) return 'AAD'
  if (category.toUpperCase() === 'AD') return 'AD'
  return 'Other'
}

/** Reads an `<ma-data>` element (docs/FORMATS.md, Connector XML). */
export function readConnectorXml(root: XmlElement, file: string): ConnectorReadResult {
  const id = normalizeGuid(childText(root, 'id'))
  const name = childText(root, 'name')
  if (!id || !name) {
    return {
      connector: null,
      issues: [
        loadIssue('error', file, 'The connector has no <id> or <name>; it cannot be matched to sync rules.', {
          line: root.line,
          column: 1,
        }),
      ],
    }
  }
  const category = childText(root, 'category')
  const subtype = childText(root, 'subtype')
  const inclusion = child(root, 'attribute-inclusion')
  const privateConfiguration = child(root, 'private-configuration')
  const configuration = privateConfiguration?.children[0]
  return {
    connector: {
      id,
      name,
      type: connectorTypeOf(id, category, subtype),
      category,
      subtype,
      description: childText(root, 'description'),
      selectedAttributes: inclusion
        ? children(inclusion, 'attribute').map((attribute) => attribute.text.trim())
        : [],
      partitions: descendants(root, 'ma-partition-data/partition').map(readPartition),
      schema: parseDsmlSchema(child(root, 'schema')),
      parameters: configuration ? readParameterValues(child(configuration, 'parameter-values')) : [],
      origin: file,
    },
    issues: [],
  }
}

function readPartition(partition: XmlElement): Partition {
  const texts = (path: string): string[] =>
    descendants(partition, path)
      .map((element) => element.text.trim())
      .filter((text) => text.length > 0)
  return {
    name: childText(partition, 'name'),
    selected: childText(partition, 'selected') === '1',
    objectClasses: texts('filter/object-classes/object-class'),
    inclusions: texts('filter/containers/inclusions/inclusion'),
    exclusions: texts('filter/containers/exclusions/exclusion'),
    parameters: readParameterValues(child(partition, 'parameter-values')),
  }
}
