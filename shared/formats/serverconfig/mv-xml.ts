import type { MetaverseConfig } from '../../model/metaverse-schema'
import { child, type XmlElement } from '../../xml/element-tree'
import { parseDsmlSchema } from './dsml-schema'
import { readParameterValues } from './parameters'

/** Reads `<saved-mv-configuration>` from GlobalSettings/MV.xml (docs/FORMATS.md). */
export function readMvXml(root: XmlElement): MetaverseConfig {
  const data = child(root, 'mv-data') ?? root
  const parameters = readParameterValues(child(data, 'parameter-values'))
  const version = parameters.find(([name]) => name === 'Microsoft.Synchronize.ServerConfigurationVersion')
  return {
    schema: parseDsmlSchema(child(data, 'schema')),
    parameters,
    server: root.attributes.get('server') ?? null,
    exportDate: root.attributes.get('export-date') ?? null,
    serverConfigurationVersion: version?.[1] || null,
  }
}
