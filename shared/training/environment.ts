/** The fixed facts of the Contoso training environment: names, ids, versions and clock. */
import { AAD_CONNECTOR_ID } from '../model/connector'
import { stableGuid } from './identifiers'

/** Name the app shows for the built-in snapshot. */
export const TRAINING_SNAPSHOT_NAME = 'Contoso training snapshot'

/** The Active Directory domain. */
export const DOMAIN_FQDN = 'contoso.com'
/** NetBIOS name of the domain and forest. */
export const DOMAIN_NETBIOS = 'CONTOSO'
/** The domain partition. */
export const DOMAIN_DN = 'DC=contoso,DC=com'
/** The only OU the AD connector imports (OU filtering). */
export const CORP_OU = `OU=Corp,${DOMAIN_DN}`
/** The initial Entra ID domain of the tenant. */
export const TENANT_DOMAIN = 'contoso.onmicrosoft.com'
/** The Exchange Online routing domain of remote mailboxes. */
export const ROUTING_DOMAIN = 'contoso.mail.onmicrosoft.com'

/** The AD connector's name (the forest). */
export const AD_CONNECTOR_NAME = 'contoso.com'
/** The AD connector's id: fixed for every seed. */
export const AD_CONNECTOR_ID = stableGuid('connector contoso.com')
/** The Entra ID connector's name. */
export const AAD_CONNECTOR_NAME = 'contoso.onmicrosoft.com - AAD'
/** The Entra ID connector's id, the same in every installation. */
export const AAD_CONNECTOR_GUID = AAD_CONNECTOR_ID

/** The sync server. */
export const SERVER_NAME = 'CONTOSO-SYNC01'
/** `Microsoft.Synchronize.ServerConfigurationVersion`: the Entra Connect build. */
export const SERVER_CONFIGURATION_VERSION = '2.4.27.0'

/** Sub-authorities of the domain SID after S-1-5 (`21-x-y-z`); account RIDs are appended. */
export const DOMAIN_SID: readonly number[] = [21, 3318811921, 1264416431, 2704151883]
/** A second forest that owns the accounts of linked mailboxes (not connected to this server). */
export const PARTNER_FOREST_SID: readonly number[] = [21, 1004336348, 1177238915, 682003330]

/** When the configuration was exported (MV.xml header), local server time. */
export const EXPORT_TIME = '2026-11-24 17:45:12.381'
/** ISO form of the export time, for the manifest. */
export const EXPORT_TIME_ISO = '2026-11-24T17:45:12Z'
/** When the last synchronization cycle ran. */
export const LAST_SYNC_TIME = '2026-11-24 17:30:04.117'
/** When the last export to Entra ID ran. */
export const LAST_EXPORT_TIME = '2026-11-24 17:31:40.553'
/** When the objects were first synchronized (the server was installed). */
export const INITIAL_SYNC_TIME = '2026-03-02 09:14:27.930'
/** When the connectors were created. */
export const CONNECTOR_CREATION_TIME = '2026-03-02 08:51:03.204'
/** Seconds since 1970 of the export time: "now" for generated dates. */
export const EXPORT_EPOCH_SECONDS = Date.UTC(2026, 10, 24, 17, 45, 12) / 1000
