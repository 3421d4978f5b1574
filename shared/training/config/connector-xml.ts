/**
 * The two connectors, written like `Get-ADSyncServerConfiguration` writes `<ma-data>`: the AD
 * connector (category AD, opaque-id DSML, one domain partition filtered to OU=Corp) and the Entra
 * ID connector (Extensible2, prefixed DSML, the fixed connector id).
 */
import {
  AAD_CONNECTOR_GUID,
  AAD_CONNECTOR_NAME,
  AD_CONNECTOR_ID,
  AD_CONNECTOR_NAME,
  CONNECTOR_CREATION_TIME,
  CORP_OU,
  DOMAIN_DN,
  DOMAIN_FQDN,
  DOMAIN_NETBIOS,
  EXPORT_TIME,
  SERVER_CONFIGURATION_VERSION,
  SERVER_NAME,
  TENANT_DOMAIN,
} from '../environment'
import { bracedLower, bracedUpper, stableGuid } from '../identifiers'
import { AAD_ATTRIBUTES, AAD_CLASSES, AAD_SELECTED_ATTRIBUTES } from '../schema/aad-schema'
import { EXCLUDED_CONTAINERS } from '../directory/layout'
import { AD_ATTRIBUTES, AD_CLASSES, AD_PARTITION_CLASSES, AD_SELECTED_ATTRIBUTES } from '../schema/ad-schema'
import { SYNC_SERVICE_ACCOUNT } from '../training-cases'
import { textElement, xmlAttribute, xmlText } from '../xml-text'
import { opaqueDsml, prefixedDsml } from './dsml-xml'

/** The file of a connector inside the snapshot (lower-case id in the name, as the cmdlet writes it). */
export function connectorFilePath(connectorId: string): string {
  return `Connectors/Connector_${bracedLower(connectorId)}.xml`
}

type Parameter = readonly [name: string, value: string, use: string, flags?: 'intrinsic' | 'encrypted']

function parameterXml([name, value, use, flags]: Parameter, indent: string): string {
  const type = flags === 'encrypted' ? 'encrypted-string' : 'string'
  const extra = flags === 'intrinsic' ? ' intrinsic="1"' : flags === 'encrypted' ? ' encrypted="1"' : ''
  const open = `${indent}<parameter name="${xmlAttribute(name)}" type="${type}" use="${use}" dataType="String"${extra}`
  return value === '' ? `${open} />` : `${open}>${xmlText(value)}</parameter>`
}

function runProfiles(partitionId: string, stepData: (batch: number) => string): string {
  const profiles: readonly (readonly [string, string, number])[] = [
    ['Full Import', '<step-type type="full-import"><import-subtype>to-cs</import-subtype></step-type>', 50],
    [
      'Full Synchronization',
      '<step-type type="apply-rules"><apply-rules-subtype>reevaluate-flow-connectors</apply-rules-subtype></step-type>',
      0,
    ],
    ['Delta Import', '<step-type type="delta-import"><import-subtype>to-cs</import-subtype></step-type>', 50],
    [
      'Delta Synchronization',
      '<step-type type="apply-rules"><apply-rules-subtype>apply-pending</apply-rules-subtype></step-type>',
      0,
    ],
    ['Export', '<step-type type="export" />', 30],
  ]
  const lines = ['  <ma-run-data>']
  for (const [name, stepType, batch] of profiles) {
    lines.push(
      '    <run-configuration>',
      `      <id>${bracedLower(stableGuid(`run-profile ${partitionId} ${name}`))}</id>`,
      `      ${textElement('name', name)}`,
      '      <version>4</version>',
      '      <configuration>',
      '        <step>',
      `          ${stepType}`,
      `          <threshold><object>0</object><batch-size>${batch}</batch-size></threshold>`,
      `          <partition>${bracedUpper(partitionId)}</partition>`,
      `          <custom-data>${stepData(batch)}</custom-data>`,
      '        </step>',
      '      </configuration>',
      '    </run-configuration>',
    )
  }
  lines.push('  </ma-run-data>')
  return lines.join('\n')
}

function header(id: string, name: string, category: string, subtype: string, version: number): string[] {
  return [
    '<ma-data>',
    '  <format-version>1</format-version>',
    `  <id>${bracedUpper(id)}</id>`,
    `  ${textElement('name', name)}`,
    `  ${textElement('category', category)}`,
    '  <description />',
    `  ${textElement('subtype', subtype)}`,
    `  ${textElement('ma-listname', subtype)}`,
    `  ${textElement('ma-companyname', subtype === '' ? '' : 'Microsoft')}`,
    `  <creation-time>${CONNECTOR_CREATION_TIME}</creation-time>`,
    `  <last-modification-time>${EXPORT_TIME}</last-modification-time>`,
    `  <version>${version}</version>`,
    '  <internal-version>0</internal-version>',
    '  <password-sync-allowed>1</password-sync-allowed>',
  ]
}

function inclusionXml(attributes: readonly string[]): string {
  return [
    '  <attribute-inclusion>',
    ...attributes.map((name) => `    ${textElement('attribute', name)}`),
    '  </attribute-inclusion>',
  ].join('\n')
}

const FOOTER = [
  '  <component_mappings />',
  '  <password-sync>',
  '    <maximum-retry-count>10</maximum-retry-count>',
  '    <retry-interval>60</retry-interval>',
  '    <allow-low-security>0</allow-low-security>',
  '    <unlock-account>0</unlock-account>',
  '  </password-sync>',
  '  <encrypted-attributes />',
  '</ma-data>',
]

/** The partition id of the contoso.com domain. */
export const AD_PARTITION_ID = stableGuid('partition DC=contoso,DC=com')

/** The AD connector's file text. */
export function adConnectorXml(): string {
  const domainGuid = stableGuid('domain contoso.com')
  const forestParameters: readonly Parameter[] = [
    ['forest-port', '0', 'connectivity'],
    ['forest-guid', '{00000000-0000-0000-0000-000000000000}', 'connectivity'],
    ['forest-login-user', SYNC_SERVICE_ACCOUNT, 'connectivity'],
    ['forest-login-domain', DOMAIN_FQDN, 'connectivity'],
    ['password', '', 'connectivity', 'encrypted'],
    ['forest-name', DOMAIN_FQDN, 'connectivity'],
    ['sign-and-seal', '1', 'connectivity'],
    ['Connector.GroupFilteringGroupDn', '', 'global'],
    ['ADS_UF_ACCOUNTDISABLE', '0x2', 'global', 'intrinsic'],
    ['ADS_GROUP_TYPE_GLOBAL_GROUP', '0x00000002', 'global', 'intrinsic'],
    ['ADS_GROUP_TYPE_UNIVERSAL_GROUP', '0x00000008', 'global', 'intrinsic'],
    ['ADS_GROUP_TYPE_SECURITY_ENABLED', '0x80000000', 'global', 'intrinsic'],
    ['Forest.FQDN', DOMAIN_FQDN, 'global', 'intrinsic'],
    ['Forest.LDAP', DOMAIN_DN, 'global', 'intrinsic'],
    ['Forest.Netbios', DOMAIN_NETBIOS, 'global', 'intrinsic'],
  ]
  const partitionParameters: readonly Parameter[] = [
    ['guid', bracedUpper(domainGuid), 'partition'],
    ['sign-and-seal', '1', 'partition'],
    ['last-dc', `CONTOSO-DC01.${DOMAIN_FQDN}`, 'partition'],
    ['dc-failover', '1', 'partition'],
    ['Domain.FQDN', DOMAIN_FQDN, 'partition', 'intrinsic'],
    ['Domain.LDAP', DOMAIN_DN, 'partition', 'intrinsic'],
    ['Domain.Netbios', DOMAIN_NETBIOS, 'partition', 'intrinsic'],
  ]
  return [
    ...header(AD_CONNECTOR_ID, AD_CONNECTOR_NAME, 'AD', '', 412),
    `  <schema>${opaqueDsml(AD_CLASSES, AD_ATTRIBUTES)}</schema>`,
    '  <private-configuration>',
    '    <adma-configuration>',
    `      ${textElement('forest-name', DOMAIN_FQDN)}`,
    '      <forest-guid>{00000000-0000-0000-0000-000000000000}</forest-guid>',
    '      <forest-port>0</forest-port>',
    `      ${textElement('forest-login-domain', DOMAIN_FQDN)}`,
    `      ${textElement('forest-login-user', SYNC_SERVICE_ACCOUNT)}`,
    '      <sign-and-seal>1</sign-and-seal>',
    '      <default-ssl-strength>0</default-ssl-strength>',
    '      <ssl-bind crl-check="0">0</ssl-bind>',
    '      <simple-bind>0</simple-bind>',
    `      <password-hash-sync-config><enabled>1</enabled><target>${bracedUpper(AAD_CONNECTOR_GUID)}</target></password-hash-sync-config>`,
    '      <parameter-values>',
    ...forestParameters.map((parameter) => parameterXml(parameter, '        ')),
    '      </parameter-values>',
    '    </adma-configuration>',
    '  </private-configuration>',
    inclusionXml(AD_SELECTED_ATTRIBUTES),
    '  <join />',
    '  <projection />',
    '  <export-attribute-flow />',
    '  <ma-partition-data>',
    '    <partition>',
    `      <id>${bracedLower(AD_PARTITION_ID)}</id>`,
    `      ${textElement('name', DOMAIN_DN)}`,
    `      <creation-time>${CONNECTOR_CREATION_TIME}</creation-time>`,
    `      <last-modification-time>${EXPORT_TIME}</last-modification-time>`,
    '      <version>412</version>',
    '      <selected>1</selected>',
    `      ${textElement('display-name', DOMAIN_FQDN)}`,
    '      <filter>',
    '        <object-classes>',
    ...AD_PARTITION_CLASSES.map((name) => `          ${textElement('object-class', name)}`),
    '        </object-classes>',
    '        <containers>',
    `          <exclusions>${[DOMAIN_DN, ...EXCLUDED_CONTAINERS].map((dn) => `<exclusion>${xmlText(dn)}</exclusion>`).join('')}</exclusions>`,
    `          <inclusions><inclusion>${xmlText(CORP_OU)}</inclusion></inclusions>`,
    '        </containers>',
    '      </filter>',
    '      <custom-data>',
    '        <adma-partition-data>',
    `          ${textElement('dn', DOMAIN_DN)}`,
    `          ${textElement('name', DOMAIN_FQDN)}`,
    `          <guid>${bracedUpper(domainGuid)}</guid>`,
    '          <sign-and-seal>1</sign-and-seal>',
    '          <is-domain>1</is-domain>',
    `          <last-dc>CONTOSO-DC01.${DOMAIN_FQDN}</last-dc>`,
    '          <dc-failover>1</dc-failover>',
    '        </adma-partition-data>',
    '      </custom-data>',
    '      <parameter-values>',
    ...partitionParameters.map((parameter) => parameterXml(parameter, '        ')),
    '      </parameter-values>',
    '    </partition>',
    '  </ma-partition-data>',
    runProfiles(
      AD_PARTITION_ID,
      (batch) =>
        `<adma-step-data><batch-size>${batch}</batch-size><page-size>500</page-size><time-limit>120</time-limit></adma-step-data>`,
    ),
    ...FOOTER,
  ].join('\n')
}

/** The partition id of the Entra ID connector's single partition. */
export const AAD_PARTITION_ID = stableGuid('partition default')

/** The Entra ID connector's file text. */
export function aadConnectorXml(): string {
  const classes = ['contact', 'device', 'group', 'user']
  const anchors = classes.map((name) => `<attribute object_class="${name}">cloudAnchor</attribute>`).join('')
  const perClass = classes
    .map((name) => `<class><name>${name}</name><anchor><attribute>cloudAnchor</attribute></anchor></class>`)
    .join('')
  const connectorAccount = `Sync_${SERVER_NAME}_3f2a9b71c0de@${TENANT_DOMAIN}`
  return [
    ...header(
      AAD_CONNECTOR_GUID,
      AAD_CONNECTOR_NAME,
      'Extensible2',
      'Windows Azure Active Directory (Microsoft)',
      27,
    ),
    '  <schema>',
    prefixedDsml(AAD_CLASSES, AAD_ATTRIBUTES, { indent: '    ', indexable: false }),
    '  </schema>',
    '  <private-configuration>',
    '    <MAConfig>',
    '      <primary_class_mappings>',
    ...classes.map(
      (name) =>
        `        <mapping><primary_class>${name}</primary_class><oc-value>${name}</oc-value></mapping>`,
    ),
    '      </primary_class_mappings>',
    '      <change_type_attribute /><add_change_type_value>Add</add_change_type_value><modify_change_type_value>Modify</modify_change_type_value><delete_change_type_value>Delete</delete_change_type_value>',
    '      <ldap-dn>0</ldap-dn><case_normalize_dn_for_anchor>1</case_normalize_dn_for_anchor>',
    `      <extension-config><filename>Microsoft.Azure.ActiveDirectory.Connector.dll</filename><import-default-page-size>50</import-default-page-size><import-max-page-size>50</import-max-page-size><export-default-page-size>30</export-default-page-size><export-max-page-size>30</export-max-page-size><export-mode>call-based</export-mode><import-mode>call-based</import-mode><export-enabled>1</export-enabled><import-enabled>1</import-enabled><capability-bits>2147982384</capability-bits><export-type>2</export-type><discovery-partition /><discovery-schema>extensibility</discovery-schema><discovery-hierarchy /><password-management-enabled /><assembly-version>${SERVER_CONFIGURATION_VERSION}</assembly-version></extension-config>`,
    '      <file-type>Extensible2</file-type>',
    `      <importing><dn>${anchors}</dn><anchor>${anchors}</anchor><per-class-settings>${perClass}</per-class-settings></importing>`,
    '      <parameter-definitions><parameter><name>UserName</name><use>connectivity</use><type>string</type><validation /><text /><default-value /></parameter><parameter><name>Password</name><use>connectivity</use><type>encrypted-string</type><validation /><text /><default-value /></parameter></parameter-definitions>',
    '      <parameter-values>',
    parameterXml(['UserName', connectorAccount, 'connectivity'], '        '),
    parameterXml(['Password', '', 'connectivity', 'encrypted'], '        '),
    '      </parameter-values>',
    '    </MAConfig>',
    '  </private-configuration>',
    inclusionXml(AAD_SELECTED_ATTRIBUTES),
    '  <join />',
    '  <projection />',
    '  <export-attribute-flow />',
    '  <ma-partition-data>',
    '    <partition>',
    `      <id>${bracedLower(AAD_PARTITION_ID)}</id>`,
    '      <name>default</name>',
    `      <creation-time>${CONNECTOR_CREATION_TIME}</creation-time>`,
    `      <last-modification-time>${EXPORT_TIME}</last-modification-time>`,
    '      <version>27</version>',
    '      <selected>1</selected>',
    '      <display-name>default</display-name>',
    '      <filter>',
    '        <object-classes>',
    ...classes.map((name) => `          <object-class>${name}</object-class>`),
    '        </object-classes>',
    '        <containers><exclusions /><inclusions><inclusion /></inclusions></containers>',
    '      </filter>',
    '      <custom-data><ecma-partition-data><dn>default</dn><name>default</name><is-domain>1</is-domain></ecma-partition-data></custom-data>',
    '    </partition>',
    '  </ma-partition-data>',
    runProfiles(
      AAD_PARTITION_ID,
      (batch) =>
        `<extensible2-step-data><timeout>120</timeout><batch-size>${batch}</batch-size></extensible2-step-data><parameter-values />`,
    ),
    ...FOOTER,
  ].join('\n')
}
