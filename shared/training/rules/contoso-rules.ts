/**
 * Contoso's own inbound rules (custom precedence range 0-99). Each one is realistic on its own and
 * together they seed the training cases: an HR override, a leaver clean-up, a validation error, an
 * Apply Once flow, and the clone of User Common that replaced the disabled original.
 */
import { firstOf, valuesOf } from '../attributes'
import { HOME_OFFICE } from '../data/organization'
import { COMMON_USER_MAPPINGS } from './inbound-ad-user-rules'
import {
  direct,
  directOnce,
  expression,
  IGNORE_RESULT,
  isNullOrEmpty,
  NULL_RESULT,
  trim,
  trimmedValues,
  valueResult,
} from './flow-helpers'
import { clause, defineRule, type RuleSpec } from './rule-spec'

/** The error text of the division check. */
export const DIVISION_ERROR =
  'Division holds several values separated by a semicolon; keep one division in Active Directory.'

/** HR's department (extensionAttribute2) wins over the department typed in AD. */
export const IN_USER_HR_DEPARTMENT: RuleSpec = defineRule({
  name: 'Contoso - In from AD - User Department from HR',
  description:
    'HR writes the official team into extensionAttribute2; where it is set it is the department Entra ID shows.',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'user',
  targetObjectType: 'person',
  linkType: 'Join',
  precedence: 50,
  scope: [[clause('extensionAttribute2', 'ISNOTNULL')]],
  flows: [
    expression('department', ['extensionAttribute2'], 'Trim([extensionAttribute2])', (source) =>
      trimmedValues(source, 'extensionAttribute2'),
    ),
  ],
})

/** On their last day, leavers (extensionAttribute1 = Leaver) lose their office in Entra ID. */
export const IN_USER_LEAVERS: RuleSpec = defineRule({
  name: 'Contoso - In from AD - User Leavers',
  description:
    'Accounts marked Leaver in extensionAttribute1 no longer show an office, whatever AD still says.',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'user',
  targetObjectType: 'person',
  linkType: 'Join',
  precedence: 51,
  scope: [[clause('extensionAttribute1', 'EQUAL', 'Leaver')]],
  flows: [
    expression('physicalDeliveryOfficeName', [], 'AuthoritativeNull', () => ({ kind: 'authoritative-null' })),
  ],
})

/** Division must hold one value: several values stop the object with a clear synchronization error. */
export const IN_USER_DIVISION: RuleSpec = defineRule({
  name: 'Contoso - In from AD - User Division',
  description: 'Checks the division: a value listing several divisions is a data error to fix in AD.',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'user',
  targetObjectType: 'person',
  linkType: 'Join',
  precedence: 52,
  scope: [],
  flows: [
    expression(
      'division',
      ['division'],
      `IIF(IsNullOrEmpty([division]),NULL,IIF(InStr([division],";")>0,Error("${DIVISION_ERROR}"),Trim([division])))`,
      (source) => {
        const division = firstOf(source, 'division')
        if (division === undefined || division === '') return NULL_RESULT
        if (division.includes(';')) return { kind: 'error', message: DIVISION_ERROR }
        return valueResult([trim(division)])
      },
    ),
  ],
})

/** The preferred language is set once, when the person is created; people change it in Microsoft 365 afterwards. */
export const IN_USER_PREFERRED_LANGUAGE: RuleSpec = defineRule({
  name: 'Contoso - In from AD - User Preferred Language',
  description:
    'Seeds the preferred language from AD when the person is created (Apply Once); later changes stay in the cloud.',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'user',
  targetObjectType: 'person',
  linkType: 'Join',
  precedence: 53,
  scope: [],
  flows: [directOnce('preferredLanguage')],
})

/** Contoso's copy of In from AD - User Common (the original is disabled). */
export const IN_USER_COMMON_CONTOSO: RuleSpec = defineRule({
  name: 'Contoso - In from AD - User Common',
  description:
    'Copy of In from AD - User Common, whose original is disabled. Changes: mobile numbers only in international form, no street address for home workers, preferred language in its own rule, employeeID and employeeType added.',
  direction: 'Inbound',
  connector: 'ad',
  sourceObjectType: 'user',
  targetObjectType: 'person',
  linkType: 'Join',
  precedence: 90,
  scope: [[clause('adminDescription', 'NOTSTARTSWITH', 'User_')]],
  flows: [
    ...COMMON_USER_MAPPINGS,
    direct('employeeID'),
    direct('employeeType'),
    expression(
      'mobile',
      ['mobile'],
      'IIF(IsNullOrEmpty([mobile]),NULL,IIF(Left(Trim([mobile]),1)="+",Trim([mobile]),NULL))',
      (source) => {
        const mobile = firstOf(source, 'mobile')
        if (mobile === undefined || mobile === '') return NULL_RESULT
        return trim(mobile).startsWith('+') ? valueResult([trim(mobile)]) : NULL_RESULT
      },
    ),
    expression(
      'streetAddress',
      ['physicalDeliveryOfficeName', 'streetAddress'],
      `IIF(IsPresent([physicalDeliveryOfficeName]) && ([physicalDeliveryOfficeName] = "${HOME_OFFICE}"),IgnoreThisFlow,Trim([streetAddress]))`,
      (source) =>
        firstOf(source, 'physicalDeliveryOfficeName') === HOME_OFFICE
          ? IGNORE_RESULT
          : isNullOrEmpty(source, 'streetAddress')
            ? NULL_RESULT
            : valueResult(valuesOf(source, 'streetAddress').map(trim)),
    ),
  ],
})
