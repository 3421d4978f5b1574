/** Hand-written server-configuration files covering every element SyncLens reads (tests only). */

/** An inbound rule with every element: scope groups, join groups, all flow types, apply once, merge type. */
export const INBOUND_RULE_XML = `<?xml version="1.0" encoding="utf-8"?>
<synchronizationRule>
  <id>{1A2B3C4D-0000-4000-8000-000000000001}</id>
  <internal-id>{1a2b3c4d-0000-4000-8000-000000000001}</internal-id>
  <version>1</version>
  <name>In from AD - Staff Custom</name>
  <description>Copies staff data &amp; flags contractors</description>
  <immutable-tag />
  <direction>Inbound</direction>
  <disabled>False</disabled>
  <connector>{AAAA0000-1111-4222-8333-444455556666}</connector>
  <sourceObjectType>user</sourceObjectType>
  <targetObjectType>person</targetObjectType>
  <linkType>Provision</linkType>
  <precedence>50</precedence>
  <precedence-after>{00000000-0000-0000-0000-000000000000}</precedence-after>
  <precedence-before>{00000000-0000-0000-0000-000000000000}</precedence-before>
  <softDeleteExpiryInterval>00:00:00</softDeleteExpiryInterval>
  <EnablePasswordSync>true</EnablePasswordSync>
  <attribute-mappings>
    <mapping>
      <dest>department</dest>
      <src><attr>department</attr></src>
      <valueMergeType>Update</valueMergeType>
    </mapping>
    <mapping execute-once="true">
      <dest>employeeType</dest>
      <src>Staff</src>
      <valueMergeType>Update</valueMergeType>
    </mapping>
    <mapping>
      <dest>proxyAddresses</dest>
      <src><attr>proxyAddresses</attr><attr>mail</attr></src>
      <expression>IIF(IsPresent([mail]) &amp;&amp; Len([mail]) &gt; 3, Trim([proxyAddresses]), NULL)</expression>
      <valueMergeType>MergeCaseInsensitive</valueMergeType>
    </mapping>
    <mapping>
      <dest>sourceConnector</dest>
      <expression>%Connector.ID%</expression>
      <valueMergeType>Update</valueMergeType>
    </mapping>
  </attribute-mappings>
  <relationshipCriteria>
    <conditions>
      <condition>
        <csAttribute>employeeID</csAttribute>
        <ilmAttribute>employeeID</ilmAttribute>
      </condition>
      <condition>
        <caseSensitive>True</caseSensitive>
        <csAttribute>sAMAccountName</csAttribute>
        <ilmAttribute>accountName</ilmAttribute>
      </condition>
    </conditions>
    <conditions>
      <condition>
        <csAttribute>objectSid</csAttribute>
        <ilmAttribute>objectSid</ilmAttribute>
      </condition>
    </conditions>
  </relationshipCriteria>
  <synchronizationCriteria>
    <conditions>
      <scope>
        <csAttribute>userAccountControl</csAttribute>
        <csOperator>ISNOTBITSET</csOperator>
        <csValue>2</csValue>
      </scope>
      <scope>
        <csAttribute>mailNickname</csAttribute>
        <csOperator>ISNOTNULL</csOperator>
        <csValue />
      </scope>
    </conditions>
    <conditions>
      <scope>
        <csAttribute>employeeType</csAttribute>
        <csOperator>EQUAL</csOperator>
        <csValue>Contractor</csValue>
      </scope>
    </conditions>
  </synchronizationCriteria>
</synchronizationRule>
`

/** A disabled outbound rule without scoping or join, to the AAD connector. */
export const OUTBOUND_RULE_XML = `<synchronizationRule>
  <id>{1a2b3c4d-0000-4000-8000-000000000002}</id>
  <name>Out to AAD - Staff Custom</name>
  <description />
  <immutable-tag>Microsoft.OuttoAADStaffCustom.001</immutable-tag>
  <direction>Outbound</direction>
  <disabled>True</disabled>
  <connector>{b891884f-051e-4a83-95af-2544101c9083}</connector>
  <sourceObjectType>person</sourceObjectType>
  <targetObjectType>user</targetObjectType>
  <linkType>Join</linkType>
  <precedence>60</precedence>
  <EnablePasswordSync>false</EnablePasswordSync>
  <attribute-mappings>
    <mapping>
      <dest>department</dest>
      <src><attr>department</attr></src>
      <valueMergeType>Update</valueMergeType>
    </mapping>
  </attribute-mappings>
  <relationshipCriteria />
  <synchronizationCriteria />
</synchronizationRule>
`

/** An AD connector in the AD style: default DSML namespace and opaque attribute-type ids. */
export const AD_CONNECTOR_XML = `<ma-data>
  <format-version>1</format-version>
  <id>{AAAA0000-1111-4222-8333-444455556666}</id>
  <name>corp.example.com</name>
  <category>AD</category>
  <description />
  <subtype />
  <schema><dsml xmlns="http://www.dsml.org/DSML" xmlns:m="http://www.microsoft.com/MMS/DSML"><directory-schema>
    <attribute-type id="Ax1" single-value="true"><name>department</name><syntax>1.3.6.1.4.1.1466.115.121.1.15</syntax></attribute-type>
    <attribute-type id="Ax2"><name>proxyAddresses</name><syntax>1.3.6.1.4.1.1466.115.121.1.15</syntax></attribute-type>
    <attribute-type id="Ax3" single-value="true"><name>manager</name><syntax>1.3.6.1.4.1.1466.115.121.1.12</syntax></attribute-type>
    <attribute-type id="Ax4" single-value="true"><name>userAccountControl</name><syntax>1.3.6.1.4.1.1466.115.121.1.27</syntax></attribute-type>
    <class id="Cu" type="structural"><name>user</name><attribute ref="#Ax1" required="false" /><attribute ref="#Ax3" required="false" /><attribute ref="#Ax4" required="false" /></class>
  </directory-schema></dsml></schema>
  <private-configuration><adma-configuration><forest-name>corp.example.com</forest-name><parameter-values>
    <parameter name="forest-login-user" type="string" use="connectivity" dataType="String">MSOL_0001</parameter>
    <parameter name="password" type="encrypted-string" use="connectivity" dataType="String" encrypted="1" />
    <parameter name="Forest.Netbios" type="string" use="global" dataType="String" intrinsic="1">CORP</parameter>
  </parameter-values></adma-configuration></private-configuration>
  <attribute-inclusion><attribute>department</attribute><attribute>proxyAddresses</attribute><attribute>userAccountControl</attribute></attribute-inclusion>
  <join /><projection /><export-attribute-flow />
  <ma-partition-data><partition>
    <id>{dc4c27db-d13d-460a-9a82-c48aba1ee815}</id><name>DC=corp,DC=example,DC=com</name><selected>1</selected>
    <filter><object-classes><object-class>user</object-class><object-class>group</object-class></object-classes>
      <containers><exclusions><exclusion>OU=Disabled,DC=corp,DC=example,DC=com</exclusion></exclusions>
      <inclusions><inclusion>OU=Staff,DC=corp,DC=example,DC=com</inclusion></inclusions></containers></filter>
    <parameter-values><parameter name="Domain.FQDN" type="string" use="partition" dataType="String" intrinsic="1">corp.example.com</parameter></parameter-values>
  </partition></ma-partition-data>
</ma-data>
`

/** An Entra ID connector in the AAD style: prefixed DSML with ids equal to names. */
export const AAD_CONNECTOR_XML = `<ma-data>
  <id>{B891884F-051E-4A83-95AF-2544101C9083}</id>
  <name>example.onmicrosoft.com - AAD</name>
  <category>Extensible2</category>
  <subtype>Windows Azure Active Directory (Microsoft)</subtype>
  <schema>
    <dsml:dsml xmlns:ms-dsml="http://www.microsoft.com/MMS/DSML" xmlns:dsml="http://www.dsml.org/DSML">
      <dsml:directory-schema ms-dsml:no-objectclass-validation="true">
        <dsml:class id="user" type="structural"><dsml:name>user</dsml:name><dsml:attribute ref="#department" required="false" /></dsml:class>
        <dsml:attribute-type id="department" single-value="true"><dsml:name>department</dsml:name><dsml:syntax>1.3.6.1.4.1.1466.115.121.1.15</dsml:syntax></dsml:attribute-type>
      </dsml:directory-schema>
    </dsml:dsml>
  </schema>
  <attribute-inclusion><attribute>department</attribute></attribute-inclusion>
</ma-data>
`

/** A metaverse configuration with a schema and global parameters. */
export const MV_XML = `<saved-mv-configuration server='SYNC01' export-date='2026-11-20 10:00:00.000'>
<!--WARNING> generated for tests </WARNING-->
<mv-data>
 <format-version>1</format-version>
 <schema>
  <dsml:dsml xmlns:ms-dsml="http://www.microsoft.com/MMS/DSML" xmlns:dsml="http://www.dsml.org/DSML">
    <dsml:directory-schema>
      <dsml:class id="person" type="structural"><dsml:name>person</dsml:name><dsml:attribute ref="#department" required="false" /><dsml:attribute ref="#accountName" required="false" /></dsml:class>
      <dsml:class id="group" type="structural"><dsml:name>group</dsml:name><dsml:attribute ref="#member" required="false" /></dsml:class>
      <dsml:attribute-type id="department" single-value="true"><dsml:name>department</dsml:name><dsml:syntax>1.3.6.1.4.1.1466.115.121.1.15</dsml:syntax></dsml:attribute-type>
      <dsml:attribute-type id="accountName" single-value="true" ms-dsml:indexable="true"><dsml:name>accountName</dsml:name><dsml:syntax>1.3.6.1.4.1.1466.115.121.1.15</dsml:syntax></dsml:attribute-type>
      <dsml:attribute-type id="member"><dsml:name>member</dsml:name><dsml:syntax>1.3.6.1.4.1.1466.115.121.1.12</dsml:syntax></dsml:attribute-type>
    </dsml:directory-schema>
  </dsml:dsml>
 </schema>
 <parameter-values>
  <parameter name="Microsoft.SynchronizationOption.AnchorAttribute" type="string" use="global" dataType="String">objectGUID</parameter>
  <parameter name="Microsoft.Synchronize.ServerConfigurationVersion" type="string" use="global" dataType="String">2.4.27.0</parameter>
 </parameter-values>
</mv-data>
</saved-mv-configuration>
`
