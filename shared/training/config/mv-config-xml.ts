/** GlobalSettings/MV.xml: the metaverse schema and the global parameters of the sync server. */
import { EXPORT_TIME, SERVER_CONFIGURATION_VERSION, SERVER_NAME } from '../environment'
import { MV_ATTRIBUTES, MV_CLASSES } from '../schema/mv-schema'
import { xmlAttribute, xmlText } from '../xml-text'
import { prefixedDsml } from './dsml-xml'

/** The path of the metaverse configuration in the snapshot. */
export const MV_CONFIG_PATH = 'GlobalSettings/MV.xml'

const GLOBAL_PARAMETERS: readonly (readonly [string, string])[] = [
  ['Microsoft.Synchronize.SynchronizationPolicy', 'Delta'],
  ['Microsoft.SynchronizationOption.JoinCriteria', 'ObjectSID'],
  ['Microsoft.Synchronize.MaintenanceEnabled', 'True'],
  ['Microsoft.OptionalFeature.ExportDeletionThresholdValue', '500'],
  ['Microsoft.Version.SynchronizationRuleImmutableTag', 'V1'],
  ['Microsoft.SynchronizationOption.AnchorAttribute', 'objectGUID'],
  ['Microsoft.OptionalFeature.DirectoryExtensionAttributes', ''],
  ['Microsoft.OptionalFeature.FilterAAD', 'False'],
  ['Microsoft.SynchronizationOption.UPNAttribute', 'userPrincipalName'],
  ['Microsoft.Synchronize.SchedulerSuspended', 'False'],
  ['Microsoft.OptionalFeature.DirectoryExtension', 'False'],
  ['Microsoft.Synchronize.TimeInterval', '00:30:00'],
  ['Microsoft.Synchronize.ServerConfigurationVersion', SERVER_CONFIGURATION_VERSION],
  ['Microsoft.AADFilter.AttributeExclusionList', ''],
  ['Microsoft.OptionalFeature.DeviceWriteBack', 'False'],
  ['Microsoft.OptionalFeature.AutoUpgradeState', 'Enabled'],
  ['Microsoft.Synchronize.RunHistoryPurgeInterval', '7.00:00:00'],
  ['Microsoft.OptionalFeature.GroupFiltering', 'False'],
  ['Microsoft.Synchronize.SynchronizationSchedule', 'True'],
  ['Microsoft.Synchronize.NextStartTime', 'Tue, 24 Nov 2026 18:00:04 GMT'],
  ['Microsoft.Synchronize.StagingMode', 'False'],
  ['Microsoft.OptionalFeature.PasswordWriteback', 'False'],
  ['Microsoft.OptionalFeature.PasswordHashSync', 'True'],
  ['Microsoft.OptionalFeature.ExportDeletionThreshold', 'True'],
  ['Microsoft.OptionalFeature.DeviceWriteUp', 'True'],
  ['Microsoft.OptionalFeature.UserWriteBack', 'False'],
  ['Microsoft.OptionalFeature.HybridExchange', 'True'],
  ['Microsoft.OptionalFeature.GroupWriteBack', 'False'],
]

function parameterXml([name, value]: readonly [string, string]): string {
  const open = `    <parameter name="${xmlAttribute(name)}" type="string" use="SynchronizationGlobal" dataType="String"`
  return value === '' ? `${open} />` : `${open}>${xmlText(value)}</parameter>`
}

/** The text of MV.xml. */
export function mvConfigXml(): string {
  return [
    `<saved-mv-configuration server='${SERVER_NAME}' export-date='${EXPORT_TIME}'>`,
    '<!--WARNING>',
    '  Written by the SyncLens training generator in the format of Get-ADSyncServerConfiguration.',
    '</WARNING-->',
    '<mv-data>',
    ' <format-version>1</format-version>',
    ' <version>412</version>',
    ' <schema>',
    prefixedDsml(MV_CLASSES, MV_ATTRIBUTES, { indent: '  ', indexable: true }),
    ' </schema>',
    ' <password-change-history-size>24</password-change-history-size>',
    ' <password-sync />',
    ' <parameter-values>',
    ...GLOBAL_PARAMETERS.map(parameterXml),
    '  </parameter-values>',
    '</mv-data>',
    '',
    '</saved-mv-configuration>',
  ].join('\n')
}
