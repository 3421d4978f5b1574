import { beforeAll, describe, expect, it } from 'vitest'
import { folderSource } from '../../test-support/fs-source'
import { CONTOSO_SERVERCONFIG, SAMPLES_SKIP_REASON, samplesAvailable } from '../../test-support/samples'
import { AAD_CONNECTOR_ID } from '../model/connector'
import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'
import { loadSnapshot } from '../load/load-snapshot'
import { diagnoseAttribute } from './diagnose'
import { exportFlow } from './export-flow'
import { importFlow } from './import-flow'
import { buildRuleIndex, type RuleIndex } from './rule-index'
import { evaluateScope, scopeFailureText } from './scoping'
import { connectorAttributeGaps, unmappedSourceNames } from './unmapped'
import { attributeBag } from './attribute-bag'
import { attributes, csObject, mvObject, scenario } from './testing/scenario'

const AD_ID = 'ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d'
const MV_ID = '5b4c1a2e-0000-4000-8000-00000000c0de'
const USER_DN = 'CN=Ada Lovelace,OU=Users,OU=CORP,DC=contoso,DC=com'

/** A typical enabled mailbox user as the AD connector space holds it. */
const MAILBOX_USER = {
  objectGUID: 'qrvM3e7/ABEiM0RVZneImQ==',
  objectSid: 'AQUAAAAAAAUVAAAA0bC5ccLPZ9Ys3tAFUAQAAA==',
  sAMAccountName: 'ada',
  userPrincipalName: 'ada@contoso.com',
  cn: 'Ada Lovelace',
  givenName: 'Ada',
  sn: 'Lovelace',
  displayName: 'Ada Lovelace',
  mail: 'ada@contoso.com',
  mailNickname: 'ada',
  proxyAddresses: ['SMTP:ada@contoso.com'],
  extensionAttribute1: '  blue  ',
  userAccountControl: '512',
  pwdLastSet: '131069700000000000',
} as const

const TYPES = {
  objectGUID: 'Binary',
  objectSid: 'Binary',
  userAccountControl: 'Integer',
  pwdLastSet: 'Integer',
} as const

const TITLE = 'the engine on the real Contoso rules'

describe.skipIf(!samplesAvailable)(samplesAvailable ? TITLE : `${TITLE} (${SAMPLES_SKIP_REASON})`, () => {
  let configuration: ServerConfiguration
  let ruleIndex: RuleIndex

  beforeAll(async () => {
    configuration = (await loadSnapshot(folderSource(CONTOSO_SERVERCONFIG))).configuration
    ruleIndex = buildRuleIndex(configuration.rules, configuration.connectors)
  })

  const ad = () => {
    const found = configuration.connectors.find((connector) => connector.id === AD_ID)
    if (!found) throw new Error('the Contoso AD connector is missing')
    return found
  }

  function user(attrs: Readonly<Record<string, string | readonly string[]>>, linked = true) {
    return csObject({ connector: ad(), dn: USER_DN, attrs, types: TYPES, ...(linked ? { mv: MV_ID } : {}) })
  }

  it('ranks 7 inbound contributors of person extensionAttribute1, 104 to 109 and 116', () => {
    const report = ruleIndex.contributors('extensionAttribute1', 'person')

    expect(report.inbound.map((entry) => entry.precedence)).toEqual([104, 105, 106, 107, 108, 109, 116])
    expect(report.inbound.map((entry) => entry.rank)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(report.inbound[0]).toMatchObject({
      rule: 'In from AD - User Common from Exchange',
      connector: 'contoso.com',
      sourceObjectType: 'user',
      flowType: 'Expression',
      source: 'Trim([extensionAttribute1])',
      scope: 'mailNickname ISNOTNULL AND adminDescription NOTSTARTSWITH User_',
    })
    expect(report.inbound[6]?.rule).toBe('In from AD - Contact Common')
  })

  it('lists the 4 outbound flows of person extensionAttribute1 (125, 129, 133, 137)', () => {
    const report = ruleIndex.contributors('extensionAttribute1', 'person')

    expect(report.outbound.map((entry) => entry.precedence)).toEqual([125, 129, 133, 137])
    expect(new Set(report.outbound.map((entry) => entry.connector))).toEqual(
      new Set(['contoso.onmicrosoft.com - AAD']),
    )
  })

  it('considers only 104, 106 and 108 for a user object', () => {
    const adUser = user(MAILBOX_USER)
    const { index } = scenario({
      connectors: configuration.connectors,
      rules: configuration.rules,
      cs: [adUser],
    })

    const result = importFlow(adUser, { ruleIndex, index })

    expect(
      result.rows
        .filter((row) => row.mvAttribute === 'extensionAttribute1')
        .map((row) => row.rule.precedence),
    ).toEqual([104, 106, 108])
  })

  it('scopes In from AD - User AccountEnabled on the account-disabled bit', () => {
    const accountEnabled = configuration.rules.find(
      (rule) => rule.name === 'In from AD - User AccountEnabled',
    )
    const groups = accountEnabled?.scopeGroups ?? []

    const enabled = evaluateScope(
      groups,
      attributeBag(attributes({ userAccountControl: '512' }, TYPES), USER_DN),
    )
    const disabled = evaluateScope(
      groups,
      attributeBag(attributes({ userAccountControl: '514' }, TYPES), USER_DN),
    )

    expect(enabled.inScope).toBe(true)
    expect(disabled.inScope).toBe(false)
    expect(scopeFailureText(disabled)).toBe('userAccountControl ISBITNOTSET 2 is false ("514")')
  })

  it('maps every selected attribute of both connectors in some rule, and selects every attribute the rules use', () => {
    expect(connectorAttributeGaps(ruleIndex, AD_ID)).toEqual([])
    expect(connectorAttributeGaps(ruleIndex, AAD_CONNECTOR_ID)).toEqual([])
  })

  it('finds no unmapped source attribute on a typical mailbox user', () => {
    expect(unmappedSourceNames(ruleIndex, AD_ID, 'user', attributes(MAILBOX_USER, TYPES))).toEqual([])
    expect(unmappedSourceNames(ruleIndex, AD_ID, 'user', attributes({ carLicense: 'X' }))).toEqual([
      'carLicense',
    ])
  })

  describe('with the expression evaluator', () => {
    it('takes extensionAttribute1 from In from AD - User Common from Exchange for a mailbox user', () => {
      const adUser = user(MAILBOX_USER)
      const { index } = scenario({
        connectors: configuration.connectors,
        rules: configuration.rules,
        cs: [adUser],
        mv: [mvObject({ id: MV_ID, attrs: { extensionAttribute1: 'blue' } })],
      })

      const result = importFlow(adUser, { ruleIndex, index })

      expect(
        result.rows
          .filter((row) => row.mvAttribute === 'extensionAttribute1')
          .map((row) => [row.rule.precedence, row.status, row.computed]),
      ).toEqual([
        [104, 'contributes', { kind: 'value', values: ['blue'] }],
        [106, 'overridden', { kind: 'value', values: ['blue'] }],
        [108, 'overridden', { kind: 'value', values: ['blue'] }],
      ])
    })

    it('evaluates every default inbound rule for a mailbox user without a sync error', () => {
      const adUser = user(MAILBOX_USER)
      const { index } = scenario({
        connectors: configuration.connectors,
        rules: configuration.rules,
        cs: [adUser],
      })

      const result = importFlow(adUser, { ruleIndex, index })

      expect(
        result.rows.filter((row) => row.status === 'error').map((row) => [row.mvAttribute, row.computed]),
      ).toEqual([])
    })

    it('falls back to In from AD - User Common without a mailbox and names the failing clause', () => {
      const { mailNickname: _omitted, ...noMailbox } = MAILBOX_USER
      const adUser = user(noMailbox)
      const { index } = scenario({
        connectors: configuration.connectors,
        rules: configuration.rules,
        cs: [adUser],
        mv: [mvObject({ id: MV_ID, attrs: { extensionAttribute1: 'blue' } })],
      })

      const diagnosis = diagnoseAttribute({
        rules: configuration.rules,
        connectors: configuration.connectors,
        index,
        csObject: adUser,
        attribute: 'extensionAttribute1',
        ruleIndex,
      })

      expect(diagnosis.steps.map((step) => step.message)).toContain(
        'Rule "In from AD - User Exchange" (precedence 108) is out of scope: mailNickname ISNOTNULL is false (no value).',
      )
      expect(
        diagnosis.steps.find((step) => step.stage === 'inbound' && step.code === 'OK' && step.rule)?.rule
          ?.precedence,
      ).toBe(106)
    })

    it('flows extensionAttribute1 to Entra ID through Out to AAD - User ExchangeOnline', () => {
      const adUser = user(MAILBOX_USER)
      const mv = mvObject({
        id: MV_ID,
        attrs: {
          extensionAttribute1: 'blue',
          sourceObjectType: 'User',
          sourceAnchor: 'qrvM3e7/ABEiM0RVZneImQ==',
          accountEnabled: 'true',
          cloudFiltered: 'false',
        },
      })
      const aadUser = csObject({
        connector: configuration.connectors.find((connector) => connector.id === AAD_CONNECTOR_ID) ?? ad(),
        dn: 'CN={71726263}',
        type: 'user',
        attrs: { extensionAttribute1: 'blue' },
        mv: MV_ID,
      })
      const { index } = scenario({
        connectors: configuration.connectors,
        rules: configuration.rules,
        cs: [adUser, aadUser],
        mv: [mv],
      })

      const result = exportFlow(mv, { ruleIndex, index, targetConnectorId: AAD_CONNECTOR_ID })

      expect(
        result.targets[0]?.rows
          .filter((row) => row.csAttribute === 'extensionAttribute1')
          .map((row) => [row.rule.precedence, row.status]),
      ).toEqual([
        [125, 'in-sync'],
        [129, 'overridden'],
      ])
    })
  })
})
