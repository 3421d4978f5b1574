import type { DirectorySchema } from './schema'

/** The metaverse configuration from `GlobalSettings/MV.xml`. */
export interface MetaverseConfig {
  readonly schema: DirectorySchema
  /** Global parameters (Microsoft.SynchronizationOption.*, Microsoft.OptionalFeature.*, ...) by name. */
  readonly parameters: readonly (readonly [string, string])[]
  /** Server name from the file header, when present. */
  readonly server: string | null
  /** Export date from the file header, when present. */
  readonly exportDate: string | null
  /** `Microsoft.Synchronize.ServerConfigurationVersion`: the AAD Connect build that wrote the export. */
  readonly serverConfigurationVersion: string | null
}
