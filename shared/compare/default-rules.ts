/**
 * The out-of-box rule set of Azure AD Connect 1.1.130.0 (May 2016), as Get-ADSyncServerConfiguration
 * exports it on a server with one AD forest: each rule's immutable tag and its shape. A rule carrying
 * one of these tags was written by that version's wizard; when its shape differs, it was edited in place.
 *
 * Only the shape is recorded (direction, connector type, object types, link type, how many
 * transformations of each flow type, scoping and join groups, password sync), not the flows: newer builds
 * ship other tag versions, and precedence is renumbered by the wizard per server, so neither is compared.
 */
import type { ConnectorType } from '../model/connector'
import type { LinkType, RuleDirection } from '../model/sync-rule'

/** The shape of one out-of-box rule. */
export interface DefaultRuleShape {
  readonly tag: string
  readonly name: string
  readonly direction: RuleDirection
  readonly connectorType: ConnectorType
  readonly sourceObjectType: string
  readonly targetObjectType: string
  readonly linkType: LinkType
  /** Transformations by flow type. */
  readonly direct: number
  readonly constant: number
  readonly expression: number
  readonly scopeGroups: number
  readonly joinGroups: number
  readonly enablePasswordSync: boolean
}

/** The Entra Connect build whose out-of-box rules are recorded here. */
export const DEFAULT_RULES_VERSION = '1.1.130.0'

const IN = 'Inbound'
const OUT = 'Outbound'

type Row = readonly [
  tag: string,
  name: string,
  direction: RuleDirection,
  connectorType: ConnectorType,
  sourceObjectType: string,
  targetObjectType: string,
  linkType: LinkType,
  direct: number,
  constant: number,
  expression: number,
  scopeGroups: number,
  joinGroups: number,
  enablePasswordSync: boolean,
]

// One line per rule reads as the table it is.
// prettier-ignore
const ROWS: readonly Row[] = [
  ['Microsoft.InfromADUserJoin.003', 'In from AD - User Join', IN, 'AD', 'user', 'person', 'Provision', 0, 0, 1, 1, 5, false],
  ['Microsoft.InfromADInetOrgPersonJoin.003', 'In from AD - InetOrgPerson Join', IN, 'AD', 'inetOrgPerson', 'person', 'Provision', 0, 0, 1, 1, 5, false],
  ['Microsoft.InfromADUserAccountEnabled.004', 'In from AD - User AccountEnabled', IN, 'AD', 'user', 'person', 'Join', 2, 1, 9, 1, 0, true],
  ['Microsoft.InfromADInetOrgPersonAccountEnabled.003', 'In from AD - InetOrgPerson AccountEnabled', IN, 'AD', 'inetOrgPerson', 'person', 'Join', 2, 1, 9, 1, 0, false],
  ['Microsoft.InfromADUserCommonfromExchange.004', 'In from AD - User Common from Exchange', IN, 'AD', 'user', 'person', 'Join', 7, 0, 52, 1, 0, false],
  ['Microsoft.InfromADInetOrgPersonCommonfromExchange.004', 'In from AD - InetOrgPerson Common from Exchange', IN, 'AD', 'inetOrgPerson', 'person', 'Join', 7, 0, 52, 1, 0, false],
  ['Microsoft.InfromADUserCommon.004', 'In from AD - User Common', IN, 'AD', 'user', 'person', 'Join', 8, 0, 60, 1, 0, false],
  ['Microsoft.InfromADInetOrgPersonCommon.004', 'In from AD - InetOrgPerson Common', IN, 'AD', 'inetOrgPerson', 'person', 'Join', 8, 0, 59, 0, 0, false],
  ['Microsoft.InfromADUserExchange.003', 'In from AD - User Exchange', IN, 'AD', 'user', 'person', 'Join', 42, 0, 17, 1, 0, false],
  ['Microsoft.InfromADInetOrgPersonExchange.003', 'In from AD - InetOrgPerson Exchange', IN, 'AD', 'inetOrgPerson', 'person', 'Join', 42, 0, 17, 1, 0, false],
  ['Microsoft.InfromADUserLync.004', 'In from AD - User Lync', IN, 'AD', 'user', 'person', 'Join', 8, 0, 0, 0, 0, false],
  ['Microsoft.InfromADInetOrgPersonLync.003', 'In from AD - InetOrgPerson Lync', IN, 'AD', 'inetOrgPerson', 'person', 'Join', 7, 0, 0, 0, 0, false],
  ['Microsoft.InfromADGroupJoin.003', 'In from AD - Group Join', IN, 'AD', 'group', 'group', 'Provision', 0, 0, 2, 1, 1, false],
  ['Microsoft.InfromADGroupExchange.004', 'In from AD - Group Exchange', IN, 'AD', 'group', 'group', 'Join', 27, 0, 15, 1, 0, false],
  ['Microsoft.InfromADGroupCommon.004', 'In from AD - Group Common', IN, 'AD', 'group', 'group', 'Join', 5, 0, 9, 1, 0, false],
  ['Microsoft.InfromADContactJoin.003', 'In from AD - Contact Join', IN, 'AD', 'contact', 'person', 'Provision', 0, 0, 2, 0, 1, false],
  ['Microsoft.InfromADContactCommon.004', 'In from AD - Contact Common', IN, 'AD', 'contact', 'person', 'Join', 31, 1, 53, 0, 0, false],
  ['Microsoft.InfromADContactLync.003', 'In from AD - Contact Lync', IN, 'AD', 'contact', 'person', 'Join', 5, 0, 0, 0, 0, false],
  ['Microsoft.InfromADForeignSecurityPrincipalJoinUser.001', 'In from AD - ForeignSecurityPrincipal Join User', IN, 'AD', 'foreignSecurityPrincipal', '*', 'Join', 0, 0, 0, 0, 1, false],
  ['Microsoft.InfromAADUserJoin.004', 'In from AAD - User Join', IN, 'AAD', 'user', 'person', 'Join', 4, 0, 1, 1, 1, false],
  ['Microsoft.InfromAADContactJoin.003', 'In from AAD - Contact Join', IN, 'AAD', 'contact', 'person', 'Join', 1, 0, 1, 0, 1, false],
  ['Microsoft.InfromAADGroupJoin.004', 'In from AAD - Group Join', IN, 'AAD', 'group', 'group', 'Join', 1, 0, 1, 1, 1, false],
  ['Microsoft.InfromAADUserNGCKey.001', 'In from AAD - User NGCKey', IN, 'AAD', 'user', 'person', 'Join', 0, 0, 1, 0, 0, false],
  ['Microsoft.OuttoAADUserJoin.006', 'Out to AAD - User Join', OUT, 'AAD', 'person', 'user', 'Provision', 7, 0, 3, 1, 1, true],
  ['Microsoft.OuttoAADUserIdentity.005', 'Out to AAD - User Identity', OUT, 'AAD', 'person', 'user', 'Join', 9, 0, 0, 1, 0, false],
  ['Microsoft.OuttoAADUserExchangeOnline.004', 'Out to AAD - User ExchangeOnline', OUT, 'AAD', 'person', 'user', 'Join', 105, 0, 1, 1, 0, false],
  ['Microsoft.OuttoAADUserDynamicsCRM.004', 'Out to AAD - User DynamicsCRM', OUT, 'AAD', 'person', 'user', 'Join', 20, 0, 1, 1, 0, false],
  ['Microsoft.OuttoAADUserIntune.004', 'Out to AAD - User Intune', OUT, 'AAD', 'person', 'user', 'Join', 8, 0, 0, 1, 0, false],
  ['Microsoft.OuttoAADUserLyncOnline.004', 'Out to AAD - User LyncOnline', OUT, 'AAD', 'person', 'user', 'Join', 37, 0, 0, 1, 0, false],
  ['Microsoft.OuttoAADUserSharePointOnline.004', 'Out to AAD - User SharePointOnline', OUT, 'AAD', 'person', 'user', 'Join', 65, 0, 1, 1, 0, false],
  ['Microsoft.OuttoAADUserAzureRMS.004', 'Out to AAD - User AzureRMS', OUT, 'AAD', 'person', 'user', 'Join', 5, 0, 0, 1, 0, false],
  ['Microsoft.OuttoAADContactJoin.003', 'Out to AAD - Contact Join', OUT, 'AAD', 'person', 'contact', 'Provision', 0, 0, 2, 1, 1, false],
  ['Microsoft.OuttoAADContactIdentity.003', 'Out to AAD - Contact Identity', OUT, 'AAD', 'person', 'contact', 'Join', 5, 0, 0, 1, 0, false],
  ['Microsoft.OuttoAADContactExchangeOnline.003', 'Out to AAD - Contact ExchangeOnline', OUT, 'AAD', 'person', 'contact', 'Join', 78, 0, 0, 1, 0, false],
  ['Microsoft.OuttoAADContactDynamicsCRM.003', 'Out to AAD - Contact DynamicsCRM', OUT, 'AAD', 'person', 'contact', 'Join', 16, 0, 0, 1, 0, false],
  ['Microsoft.OuttoAADContactIntune.003', 'Out to AAD - Contact Intune', OUT, 'AAD', 'person', 'contact', 'Join', 5, 0, 0, 1, 0, false],
  ['Microsoft.OuttoAADContactLyncOnline.003', 'Out to AAD - Contact LyncOnline', OUT, 'AAD', 'person', 'contact', 'Join', 23, 0, 0, 1, 0, false],
  ['Microsoft.OuttoAADContactSharePointOnline.003', 'Out to AAD - Contact SharePointOnline', OUT, 'AAD', 'person', 'contact', 'Join', 59, 0, 0, 1, 0, false],
  ['Microsoft.OuttoAADContactAzureRMS.003', 'Out to AAD - Contact AzureRMS', OUT, 'AAD', 'person', 'contact', 'Join', 2, 0, 0, 1, 0, false],
  ['Microsoft.OuttoAADGroupJoin.006', 'Out to AAD - Group Join', OUT, 'AAD', 'group', 'group', 'Provision', 3, 0, 3, 4, 1, false],
  ['Microsoft.OuttoAADGroupIdentity.004', 'Out to AAD - Group Identity', OUT, 'AAD', 'group', 'group', 'Join', 6, 0, 0, 1, 1, false],
  ['Microsoft.OuttoAADGroupExchangeOnline.005', 'Out to AAD - Group ExchangeOnline', OUT, 'AAD', 'group', 'group', 'Join', 52, 0, 0, 1, 1, false],
  ['Microsoft.OuttoAADGroupDynamicsCRM.004', 'Out to AAD - Group DynamicsCRM', OUT, 'AAD', 'group', 'group', 'Join', 4, 0, 0, 1, 1, false],
  ['Microsoft.OuttoAADGroupIntune.004', 'Out to AAD - Group Intune', OUT, 'AAD', 'group', 'group', 'Join', 6, 0, 0, 1, 1, false],
  ['Microsoft.OuttoAADGroupLyncOnline.004', 'Out to AAD - Group LyncOnline', OUT, 'AAD', 'group', 'group', 'Join', 8, 0, 0, 1, 1, false],
  ['Microsoft.OuttoAADGroupSharePointOnline.004', 'Out to AAD - Group SharePointOnline', OUT, 'AAD', 'group', 'group', 'Join', 31, 0, 0, 1, 1, false],
  ['Microsoft.OuttoAADGroupAzureRMS.004', 'Out to AAD - Group AzureRMS', OUT, 'AAD', 'group', 'group', 'Join', 4, 0, 0, 1, 0, false],
  ['Microsoft.OuttoAADUserOfficeProPlus.004', 'Out to AAD - User OfficeProPlus', OUT, 'AAD', 'person', 'user', 'Join', 3, 0, 0, 1, 0, false],
  ['Microsoft.InfromAADContactExchangeHybrid.003', 'In from AAD - Contact Exchange Hybrid', IN, 'AAD', 'contact', 'person', 'Join', 2, 0, 0, 0, 0, false],
  ['Microsoft.InfromAADGroupExchangeHybrid.003', 'In from AAD - Group Exchange Hybrid', IN, 'AAD', 'group', 'group', 'Join', 2, 0, 0, 0, 0, false],
  ['Microsoft.InfromAADUserExchangeHybrid.003', 'In from AAD - User Exchange Hybrid', IN, 'AAD', 'user', 'person', 'Join', 13, 0, 1, 0, 0, false],
  ['Microsoft.OuttoADContactJoin.003', 'Out to AD - Contact Join', OUT, 'AD', 'person', 'contact', 'Join', 0, 0, 0, 0, 1, false],
  ['Microsoft.OuttoADGroupJoin.004', 'Out to AD - Group Join', OUT, 'AD', 'group', 'group', 'Join', 0, 0, 0, 1, 1, false],
  ['Microsoft.OuttoADInetOrgPersonJoin.003', 'Out to AD - InetOrgPerson Join', OUT, 'AD', 'person', 'inetOrgPerson', 'Join', 0, 0, 0, 0, 5, false],
  ['Microsoft.OuttoADUserJoinSOAInAD.004', 'Out to AD - User Join SOAInAD', OUT, 'AD', 'person', 'user', 'Join', 0, 0, 0, 1, 5, false],
  ['Microsoft.OuttoADContactExchangeHybrid.003', 'Out to AD - Contact Exchange Hybrid', OUT, 'AD', 'person', 'contact', 'Join', 0, 0, 1, 0, 0, false],
  ['Microsoft.OuttoADGroupExchangeHybrid.004', 'Out to AD - Group Exchange Hybrid', OUT, 'AD', 'group', 'group', 'Join', 0, 0, 1, 1, 0, false],
  ['Microsoft.OuttoADInetOrgPersonExchangeHybrid.003', 'Out to AD - InetOrgPerson Exchange Hybrid', OUT, 'AD', 'person', 'inetOrgPerson', 'Join', 1, 0, 5, 1, 0, false],
  ['Microsoft.OuttoADUserExchangeHybrid.003', 'Out to AD - User Exchange Hybrid', OUT, 'AD', 'person', 'user', 'Join', 1, 0, 5, 0, 0, false],
  ['Microsoft.InfromADComputerJoin.002', 'In from AD - Computer Join', IN, 'AD', 'computer', 'device', 'Provision', 6, 3, 4, 0, 1, false],
  ['Microsoft.OuttoAADJoinSOAInAD.002', 'Out to AAD - Device Join SOAInAD', OUT, 'AAD', 'device', 'device', 'Provision', 9, 0, 1, 1, 1, false],
  ['Microsoft.InfromADDeviceCommon.001', 'In from AD - Device Common', IN, 'AD', 'msDS-Device', 'device', 'Join', 0, 1, 0, 1, 1, false],
]

/** The recorded out-of-box rules by immutable tag (lower-cased). */
export const DEFAULT_RULES: ReadonlyMap<string, DefaultRuleShape> = new Map(
  ROWS.map((row): [string, DefaultRuleShape] => {
    const [tag, name, direction, connectorType, sourceObjectType, targetObjectType, linkType] = row
    const [, , , , , , , direct, constant, expression, scopeGroups, joinGroups, enablePasswordSync] = row
    return [
      tag.toLowerCase(),
      {
        tag,
        name,
        direction,
        connectorType,
        sourceObjectType,
        targetObjectType,
        linkType,
        direct,
        constant,
        expression,
        scopeGroups,
        joinGroups,
        enablePasswordSync,
      },
    ]
  }),
)
