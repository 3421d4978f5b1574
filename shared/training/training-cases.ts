/**
 * The seeded diagnosis cases: one or more objects for every code of docs/DIAGNOSIS.md, each with the
 * person it happens to and the words a trainer uses to explain it. The people are the same for every
 * seed, so a case's DN never changes.
 */
import type { DiagnosisCode } from '../model/diagnosis-codes'

/** The object key of a case person, as reference values hold it. */
function casePersonKey(id: string): string {
  return `case:${id}`
}
import { cnDn, departmentOu, PARKED_OU, SERVICE_ACCOUNTS_OU } from './directory/layout'
import { AD_CONNECTOR_NAME, PARTNER_FOREST_SID } from './environment'
import { bytesToBase64, sidBytes } from './identifiers'

/** The sync concepts the training snapshot teaches. */
export type TrainingConcept =
  | 'connector-space'
  | 'metaverse'
  | 'inbound'
  | 'outbound'
  | 'scoping'
  | 'join'
  | 'precedence'
  | 'expressions'
  | 'export'

/** One seeded case: a symptom, the object and attribute to look at, the code SyncLens gives, and why. */
export interface TrainingCase {
  readonly id: string
  /** The symptom in one line, as a ticket would say it. */
  readonly title: string
  readonly code: DiagnosisCode
  /** DN of the object in the AD connector space. */
  readonly dn: string
  readonly connector: typeof AD_CONNECTOR_NAME
  /** The attribute asked about (AD name; the metaverse uses the same name). */
  readonly attribute: string
  /** What is going on and the concept behind it, in two or three sentences. */
  readonly explanation: string
  readonly concept: TrainingConcept
}

/** Attribute values as name/value-list pairs; an empty list removes the attribute. */
export type AttributeChanges = readonly (readonly [string, readonly string[]])[]

/** The person a case happens to. */
export interface CasePerson {
  readonly givenName: string
  readonly surname: string
  readonly department: string
  readonly office: string
  readonly title: string
  /** Defaults to true. */
  readonly mailbox?: boolean
  /** The sync service's own account rather than a person. */
  readonly serviceAccount?: boolean
  /** Changes to the generated AD values. */
  readonly set?: AttributeChanges
  /** What AD held at the previous synchronization, where it differs from now. */
  readonly before?: AttributeChanges
  /**
   * `stale`: no synchronization since `before`; `import-pending`: the change was imported but not
   * synchronized; `pending`: the change is not exported yet; `failed`: its export was refused.
   */
  readonly history?: 'stale' | 'import-pending' | 'pending' | 'failed'
  /** The OU the account lives in, when not its department's. */
  readonly ou?: string
}

/** A case with its person. */
export interface CaseDefinition extends Omit<TrainingCase, 'dn' | 'connector'> {
  readonly person: CasePerson
}

/** The account name of the AD connector's service account (MSOL_ plus the installation id). */
export const SYNC_SERVICE_ACCOUNT = 'MSOL_5c2e9a41b7d3'

/** The userPrincipalName a cloud-only account already holds, which Joana's new name collides with. */
export const DUPLICATE_UPN = 'j.silva@contoso.com'

/** Every case, in the order of the diagnosis codes. */
export const CASE_DEFINITIONS: readonly CaseDefinition[] = [
  {
    id: 'ok-title',
    title: "Maria's job title shows correctly in Entra ID",
    code: 'OK',
    attribute: 'title',
    concept: 'metaverse',
    explanation:
      'A healthy flow from end to end: the title is imported into the AD connector space, the Contoso copy of User Common maps it into the metaverse, and Out to AAD - User ExchangeOnline sends it to the Entra ID connector space, which already holds the same value. Walk this path first; every other case breaks it at one of these steps.',
    person: {
      givenName: 'Maria',
      surname: 'Lindqvist',
      department: 'Finance',
      office: 'Seattle',
      title: 'Financial Controller',
    },
  },
  {
    id: 'employee-id-not-selected',
    title: "Kwame's employee ID never reaches Entra ID",
    code: 'NOT_SELECTED_ON_CONNECTOR',
    attribute: 'employeeID',
    concept: 'connector-space',
    explanation:
      'HR fills employeeID in Active Directory and the Contoso copy of User Common even maps it, but employeeID is not in the attribute inclusion list of the AD connector. An attribute that is not selected is never imported, so the connector space has nothing to flow: select it on the connector and run a full import.',
    person: {
      givenName: 'Kwame',
      surname: 'Okafor',
      department: 'Engineering',
      office: 'London',
      title: 'Software Engineer',
    },
  },
  {
    id: 'phone-missing-in-ad',
    title: 'Priya has no phone number in Entra ID',
    code: 'NO_SOURCE_VALUE',
    attribute: 'telephoneNumber',
    concept: 'connector-space',
    explanation:
      "telephoneNumber is selected on the connector and mapped by the rules, but Priya's account has no telephoneNumber in Active Directory. Synchronization only carries what the source holds, so the fix is in AD, not in the rules.",
    person: {
      givenName: 'Priya',
      surname: 'Raman',
      department: 'Marketing',
      office: 'Seattle',
      title: 'Content Writer',
      set: [['telephoneNumber', []]],
    },
  },
  {
    id: 'badge-number-unmapped',
    title: "Tomasz's badge number (employeeNumber) is not in Entra ID",
    code: 'NO_INBOUND_FLOW',
    attribute: 'employeeNumber',
    concept: 'inbound',
    explanation:
      "employeeNumber is selected on the AD connector and holds a value in Tomasz's connector-space object, yet no inbound rule for users maps it: neither the out-of-box rules nor Contoso's copy of User Common read employeeNumber. Without an inbound flow the value stays in the connector space and never reaches the metaverse.",
    person: {
      givenName: 'Tomasz',
      surname: 'Kowalczyk',
      department: 'IT',
      office: 'Munich',
      title: 'Network Engineer',
      set: [['employeeNumber', ['BADGE-20417']]],
    },
  },
  {
    id: 'fax-rule-disabled',
    title: "Bruno's fax number disappeared from Entra ID",
    code: 'RULE_DISABLED',
    attribute: 'facsimileTelephoneNumber',
    concept: 'inbound',
    explanation:
      'Contoso cloned In from AD - User Common and disabled the original, as Microsoft recommends, but the copy lost the facsimileTelephoneNumber mapping. The only rule that still maps it is the disabled original, and disabled rules are ignored: add the mapping to the copy.',
    person: {
      givenName: 'Bruno',
      surname: 'Carvalho',
      department: 'Operations',
      office: 'Lisbon',
      title: 'Logistics Planner',
      set: [['facsimileTelephoneNumber', ['+351 21 555 0199']]],
    },
  },
  {
    id: 'proxy-addresses-out-of-scope',
    title: "Carlos's proxy addresses are missing in Entra ID",
    code: 'RULE_OUT_OF_SCOPE',
    attribute: 'proxyAddresses',
    concept: 'scoping',
    explanation:
      'proxyAddresses flows through In from AD - User Exchange, whose scoping filter is mailNickname ISNOTNULL. Carlos kept the addresses of a removed mailbox but has no mailNickname, so the filter is false for him and the rule never runs; the failing clause is mailNickname ISNOTNULL.',
    person: {
      givenName: 'Carlos',
      surname: 'Mendoza',
      department: 'Sales',
      office: 'Toronto',
      title: 'Account Executive',
      mailbox: false,
      set: [
        ['mail', ['carlos.mendoza@contoso.com']],
        ['proxyAddresses', ['SMTP:carlos.mendoza@contoso.com', 'smtp:cmendoza@contoso.com']],
      ],
    },
  },
  {
    id: 'department-from-hr',
    title: "Ana's AD department (Sales) does not reach Entra ID",
    code: 'OVERRIDDEN_BY_PRECEDENCE',
    attribute: 'department',
    concept: 'precedence',
    explanation:
      'Two rules map department: Contoso - In from AD - User Department from HR (precedence 50) takes the team HR keeps in extensionAttribute2, and the Contoso copy of User Common (precedence 90) takes the AD department. The lower number wins, so Entra ID shows Inside Sales and the AD value is overridden.',
    person: {
      givenName: 'Ana',
      surname: 'Trujillo',
      department: 'Sales',
      office: 'Seattle',
      title: 'Sales Representative',
      set: [['extensionAttribute2', ['Inside Sales']]],
    },
  },
  {
    id: 'mobile-local-format',
    title: "Sofia's mobile number is not in Entra ID",
    code: 'EXPRESSION_NULL',
    attribute: 'mobile',
    concept: 'expressions',
    explanation:
      "The Contoso copy of User Common lets only international numbers through: its expression returns NULL when the number does not start with +. Sofia's number is written in local format, so the rule contributes nothing, and no other enabled rule maps mobile.",
    person: {
      givenName: 'Sofia',
      surname: 'Marchetti',
      department: 'Customer Support',
      office: 'Sydney',
      title: 'Support Specialist',
      set: [['mobile', ['0491 570 156']]],
    },
  },
  {
    id: 'home-address-ignored',
    title: "Liam's new street address does not reach Entra ID",
    code: 'EXPRESSION_IGNORED',
    attribute: 'streetAddress',
    concept: 'expressions',
    explanation:
      "For home workers the Contoso copy of User Common returns IgnoreThisFlow for streetAddress, so private addresses stay in AD. IgnoreThisFlow contributes nothing and leaves the existing value alone: the metaverse and Entra ID keep Liam's old office address, 1 Contoso Way.",
    person: {
      givenName: 'Liam',
      surname: 'Gallagher',
      department: 'Engineering',
      office: 'Seattle',
      title: 'Senior Software Engineer',
      set: [
        ['physicalDeliveryOfficeName', ['Home office']],
        ['streetAddress', ['14 Willow Lane']],
      ],
      before: [
        ['physicalDeliveryOfficeName', ['Seattle']],
        ['streetAddress', ['1 Contoso Way']],
      ],
    },
  },
  {
    id: 'leaver-office-blanked',
    title: "Greta's office is blank in Entra ID although AD still says Munich",
    code: 'AUTHORITATIVE_NULL',
    attribute: 'physicalDeliveryOfficeName',
    concept: 'expressions',
    explanation:
      'Greta is marked Leaver in extensionAttribute1, which brings Contoso - In from AD - User Leavers (precedence 51) into scope. It returns AuthoritativeNull for the office: unlike NULL, that blanks the value and stops every rule with a higher precedence number from contributing it.',
    person: {
      givenName: 'Greta',
      surname: 'Holm',
      department: 'Research',
      office: 'Munich',
      title: 'Research Scientist',
      set: [['extensionAttribute1', ['Leaver']]],
    },
  },
  {
    id: 'division-error',
    title: "Omar's changes stopped synchronizing",
    code: 'EXPRESSION_ERROR',
    attribute: 'division',
    concept: 'expressions',
    explanation:
      "Contoso - In from AD - User Division raises Error() when division lists several values separated by a semicolon, and Omar's now reads Retail;Wholesale. An error fails the synchronization of the whole object, so the metaverse keeps his last good values until the data is fixed in AD.",
    person: {
      givenName: 'Omar',
      surname: 'Haddad',
      department: 'Finance',
      office: 'London',
      title: 'Financial Analyst',
      set: [['division', ['Retail;Wholesale']]],
      before: [['division', ['Retail']]],
    },
  },
  {
    id: 'language-apply-once',
    title: "Elena's new preferred language does not reach Entra ID",
    code: 'APPLY_ONCE',
    attribute: 'preferredLanguage',
    concept: 'inbound',
    explanation:
      "preferredLanguage flows only through Contoso - In from AD - User Preferred Language, whose mapping is Apply Once: it set en-US when Elena's metaverse object was created and never applies again. Her later change to es-ES in AD is therefore not carried; change it in Microsoft 365, or drop Apply Once from the mapping.",
    person: {
      givenName: 'Elena',
      surname: 'Petrova',
      department: 'Legal',
      office: 'Seattle',
      title: 'Legal Counsel',
      set: [['preferredLanguage', ['es-ES']]],
      before: [['preferredLanguage', ['en-US']]],
    },
  },
  {
    id: 'linked-mailbox-not-provisioned',
    title: 'Hans does not exist in Entra ID',
    code: 'OBJECT_NOT_CONNECTED',
    attribute: 'displayName',
    concept: 'join',
    explanation:
      'Hans has a linked mailbox (msExchRecipientTypeDetails = 2): the default rules give such accounts no sourceAnchor and no sourceObjectType, because the real account lives in another forest. Out to AAD - User Join is out of scope for his metaverse object and never provisions it, so there is no Entra ID object to receive any value.',
    person: {
      givenName: 'Hans',
      surname: 'Becker',
      department: 'Operations',
      office: 'Munich',
      title: 'Facilities Manager',
      set: [
        ['userAccountControl', ['514']],
        ['msExchRecipientTypeDetails', ['2']],
        ['msExchRecipientDisplayType', ['1073741824']],
        ['msExchMasterAccountSid', [bytesToBase64(sidBytes(5, [...PARTNER_FOREST_SID, 31337]))]],
        ['targetAddress', []],
      ],
    },
  },
  {
    id: 'service-account-cloud-filtered',
    title: 'The sync service account is not in Entra ID',
    code: 'CLOUD_FILTERED',
    attribute: 'displayName',
    concept: 'scoping',
    explanation:
      'In from AD - User Join sets cloudFiltered = True for system accounts, including the MSOL_ account the AD connector signs in with. Every Out to AAD rule requires cloudFiltered NOTEQUAL True, so this object is kept out of the cloud on purpose.',
    person: {
      givenName: 'MSOL',
      surname: '5c2e9a41b7d3',
      department: 'IT',
      office: 'Seattle',
      title: '',
      serviceAccount: true,
    },
  },
  {
    id: 'employee-type-no-outbound',
    title: "Nadia's Contractor status is not visible in Entra ID",
    code: 'NO_OUTBOUND_FLOW',
    attribute: 'employeeType',
    concept: 'outbound',
    explanation:
      "The Contoso copy of User Common brings employeeType into the metaverse, where Nadia's object holds Contractor. No Out to AAD rule maps employeeType, so the value stops in the metaverse: an outbound mapping, and the attribute on the Entra ID connector, are missing.",
    person: {
      givenName: 'Nadia',
      surname: 'Benali',
      department: 'Marketing',
      office: 'London',
      title: 'Brand Manager',
      set: [['employeeType', ['Contractor']]],
    },
  },
  {
    id: 'display-name-pending-export',
    title: "Bob's new display name is not in Entra ID yet",
    code: 'PENDING_EXPORT',
    attribute: 'displayName',
    concept: 'export',
    explanation:
      'AD and the metaverse already hold Bob Fischer, and synchronization staged the change in the Entra ID connector space as an unapplied export. Entra ID keeps showing Robert Fischer until the next export runs and an import confirms it.',
    person: {
      givenName: 'Robert',
      surname: 'Fischer',
      department: 'IT',
      office: 'Toronto',
      title: 'Identity Engineer',
      set: [['displayName', ['Bob Fischer']]],
      before: [['displayName', ['Robert Fischer']]],
      history: 'pending',
    },
  },
  {
    id: 'upn-export-error',
    title: "Joana's new sign-in name does not reach Entra ID",
    code: 'EXPORT_ERROR',
    attribute: 'userPrincipalName',
    concept: 'export',
    explanation:
      'The new userPrincipalName j.silva@contoso.com is staged for export, but Entra ID refused it because a cloud-only account already uses that name (AttributeValueMustBeUnique). The Entra ID connector-space object carries the export error until the duplicate is resolved.',
    person: {
      givenName: 'Joana',
      surname: 'Silva',
      department: 'Human Resources',
      office: 'Lisbon',
      title: 'HR Business Partner',
      set: [['userPrincipalName', [DUPLICATE_UPN]]],
      before: [['userPrincipalName', ['joana.silva@contoso.com']]],
      history: 'failed',
    },
  },
  {
    id: 'title-not-synchronized',
    title: "Peter's promotion does not show in Entra ID",
    code: 'MV_STALE',
    attribute: 'title',
    concept: 'metaverse',
    explanation:
      'The AD connector space already holds Senior Accountant and the rules would put it into the metaverse, but the metaverse still holds Accountant. No synchronization has run since the change was imported: run a delta synchronization, or a full one after a rule change.',
    person: {
      givenName: 'Peter',
      surname: 'Novak',
      department: 'Finance',
      office: 'Seattle',
      title: 'Senior Accountant',
      before: [['title', ['Accountant']]],
      history: 'stale',
    },
  },
  {
    id: 'parked-account-ou-filtered',
    title: 'Sofia will vanish from Entra ID after the next full import',
    code: 'OU_FILTERED',
    attribute: 'displayName',
    concept: 'connector-space',
    explanation:
      "Sofia's account was moved to OU=Parked Accounts, which the AD connector has excluded from its container filter since last week. The connector space still holds her from the previous full import, but the next full import drops her object, the synchronization disconnects her metaverse object, and the export deletes her Entra ID account.",
    person: {
      givenName: 'Sofia',
      surname: 'Moreno',
      department: 'Sales',
      office: 'Seattle',
      title: 'Account Manager',
      ou: PARKED_OU,
    },
  },
  {
    id: 'no-sync-flag-out-of-scope',
    title: 'Yusuf will be deleted from Entra ID at the next synchronization',
    code: 'OUT_OF_SYNC_SCOPE',
    attribute: 'displayName',
    concept: 'scoping',
    explanation:
      "A helpdesk script set adminDescription = User_NoSync on Yusuf's account, and the change was imported. In from AD - User Join is scoped adminDescription NOTSTARTSWITH User_, so at the next synchronization Yusuf's object leaves the scope of every join and provisioning rule: it is disconnected, his metaverse object loses its last source and is deleted, and so is his Entra ID account.",
    person: {
      givenName: 'Yusuf',
      surname: 'Demir',
      department: 'Finance',
      office: 'London',
      title: 'Payroll Specialist',
      set: [['adminDescription', ['User_NoSync']]],
      before: [['adminDescription', []]],
      history: 'stale',
    },
  },
  {
    id: 'title-pending-import',
    title: "Ivan's new job title has not reached Entra ID yet",
    code: 'PENDING_IMPORT',
    attribute: 'title',
    concept: 'connector-space',
    explanation:
      'Ivan was promoted to Engineering Manager, and the last delta import brought the new title into the connector space as a pending import. No synchronization has run since, so the metaverse and Entra ID still show Senior Engineer until the next synchronization applies it.',
    person: {
      givenName: 'Ivan',
      surname: 'Horvat',
      department: 'Engineering',
      office: 'Munich',
      title: 'Engineering Manager',
      before: [['title', ['Senior Engineer']]],
      history: 'import-pending',
    },
  },
  {
    id: 'manager-unresolved',
    title: "Lena's manager is empty in Entra ID",
    code: 'REFERENCE_UNRESOLVED',
    attribute: 'manager',
    concept: 'outbound',
    explanation:
      "Lena's manager in AD is Hans Becker, whose linked-mailbox account is never provisioned to Entra ID. A reference can only be exported as the DN of the referenced object in the target connector space, and Hans has none there, so Lena's manager stays empty in Entra ID until Hans is synchronized.",
    person: {
      givenName: 'Lena',
      surname: 'Kraus',
      department: 'Operations',
      office: 'Munich',
      title: 'Facilities Coordinator',
      set: [['manager', [casePersonKey('linked-mailbox-not-provisioned')]]],
    },
  },
]

/** The DN of a case's person in AD. */
export function casePersonDn(person: CasePerson): string {
  if (person.serviceAccount === true) return cnDn(SYNC_SERVICE_ACCOUNT, SERVICE_ACCOUNTS_OU)
  return cnDn(`${person.givenName} ${person.surname}`, person.ou ?? departmentOu(person.department))
}

/** The seeded cases, one or more per diagnosis code. */
export const TRAINING_CASES: readonly TrainingCase[] = CASE_DEFINITIONS.map((definition) => ({
  id: definition.id,
  title: definition.title,
  code: definition.code,
  dn: casePersonDn(definition.person),
  connector: AD_CONNECTOR_NAME,
  attribute: definition.attribute,
  explanation: definition.explanation,
  concept: definition.concept,
}))
