import { describe, expect, it } from 'vitest'
import { type Diagnosis, type DiagnoseInput, diagnoseAttribute } from './diagnose'
import { flow, rule } from './testing/scenario'
import {
  AAD,
  AD,
  ADA,
  ADA_AAD,
  ADA_MV,
  RULES,
  smallWorld,
  variant,
  type WorldOptions,
} from './testing/small-world'

function diagnose(
  attribute: string,
  options: WorldOptions = {},
  extra: Partial<DiagnoseInput> = {},
): Diagnosis {
  const world = smallWorld(options)
  return diagnoseAttribute({
    rules: world.rules,
    connectors: world.connectors,
    index: world.index,
    csObject: world.adUser,
    attribute,
    ...extra,
  })
}

function blocking(diagnosis: Diagnosis): string | undefined {
  return diagnosis.steps.find((step) => step.blocking)?.message
}

describe('diagnoseAttribute', () => {
  it('OK: walks extensionAttribute1 from AD to Entra ID', () => {
    const diagnosis = diagnose('extensionAttribute1')

    expect(diagnosis.verdict).toBe('OK')
    expect(diagnosis.attribute).toEqual({
      source: 'extensionAttribute1',
      metaverse: 'extensionAttribute1',
      target: 'extensionAttribute1',
    })
    expect(diagnosis.steps.map((step) => [step.stage, step.code])).toEqual([
      ['source', 'OK'],
      ['connector', 'OK'],
      ['inbound', 'OK'],
      ['inbound', 'OK'],
      ['inbound', 'OVERRIDDEN_BY_PRECEDENCE'],
      ['inbound', 'OVERRIDDEN_BY_PRECEDENCE'],
      ['metaverse', 'OK'],
      ['outbound', 'OK'],
      ['outbound', 'OK'],
      ['target', 'OK'],
      ['target', 'OK'],
    ])
    expect(diagnosis.steps.some((step) => step.blocking)).toBe(false)
    expect(diagnosis.steps[3]?.message).toBe(
      'Rule "In from AD - User Common from Exchange" (precedence 104) contributes extensionAttribute1 = "blue".',
    )
  })

  it('NOT_SELECTED_ON_CONNECTOR: a rule reads an attribute the AD connector does not import', () => {
    const diagnosis = diagnose('info')

    expect(diagnosis.verdict).toBe('NOT_SELECTED_ON_CONNECTOR')
    expect(blocking(diagnosis)).toBe(
      'info is not in the attribute inclusion list of "contoso.com", so it is never imported.',
    )
  })

  it('NOT_SELECTED_ON_CONNECTOR: the target connector does not export the attribute', () => {
    const narrowAad = { ...AAD, selectedAttributes: ['sourceAnchor', 'givenName'] }

    const diagnosis = diagnose('title', { connectors: [AD, narrowAad] })

    expect(diagnosis.verdict).toBe('NOT_SELECTED_ON_CONNECTOR')
    expect(diagnosis.steps.find((step) => step.blocking)).toMatchObject({
      stage: 'target',
      message: expect.stringContaining(
        'title is not in the attribute inclusion list of "contoso.onmicrosoft.com - AAD"',
      ),
    })
  })

  it('NO_SOURCE_VALUE: the AD user has no department', () => {
    const diagnosis = diagnose('department')

    expect(diagnosis.verdict).toBe('NO_SOURCE_VALUE')
    expect(blocking(diagnosis)).toBe(
      'CN=Ada Lovelace,OU=Users,DC=contoso,DC=com has no value for department.',
    )
  })

  it('NO_INBOUND_FLOW: pager has a value and no rule maps it', () => {
    const diagnosis = diagnose('pager')

    expect(diagnosis.verdict).toBe('NO_INBOUND_FLOW')
    expect(blocking(diagnosis)).toBe('No enabled inbound rule of "contoso.com" for user objects maps pager.')
  })

  it('RULE_DISABLED: only a disabled rule maps extensionAttribute2', () => {
    const diagnosis = diagnose('extensionAttribute2', { ad: { ...ADA, extensionAttribute2: 'green' } })

    expect(diagnosis.verdict).toBe('RULE_DISABLED')
    expect(blocking(diagnosis)).toBe(
      'Rule "In from AD - User Legacy" (precedence 110) maps extensionAttribute2 but is disabled.',
    )
  })

  it('RULE_OUT_OF_SCOPE: names the failing clause', () => {
    const { mailNickname: _omitted, ...noMailbox } = ADA

    const diagnosis = diagnose('msExchHideFromAddressLists', {
      ad: { ...noMailbox, msExchHideFromAddressLists: 'TRUE' },
    })

    expect(diagnosis.verdict).toBe('RULE_OUT_OF_SCOPE')
    expect(blocking(diagnosis)).toBe(
      'Rule "In from AD - User Exchange" (precedence 108) is out of scope: mailNickname ISNOTNULL is false (no value).',
    )
    expect(diagnosis.steps.find((step) => step.blocking)?.clause).toEqual({
      attribute: 'mailNickname',
      operator: 'ISNOTNULL',
      value: '',
    })
  })

  it('OVERRIDDEN_BY_PRECEDENCE: a custom rule maps title from another attribute first', () => {
    const custom = rule({
      name: 'Custom - title from extensionAttribute2',
      connector: AD,
      precedence: 50,
      flows: [flow.direct('title', 'extensionAttribute2')],
    })

    const diagnosis = diagnose('title', {
      ad: { ...ADA, extensionAttribute2: 'Engineer' },
      extraRules: [custom],
    })

    expect(diagnosis.verdict).toBe('OVERRIDDEN_BY_PRECEDENCE')
    expect(blocking(diagnosis)).toBe(
      'Rule "In from AD - User Common" (precedence 106) also maps title, but Rule "Custom - title from extensionAttribute2" (precedence 50) contributes it first.',
    )
  })

  it('APPLY_ONCE: employeeType flows only when the MV object is created', () => {
    const diagnosis = diagnose('employeeType', { ad: { ...ADA, employeeType: 'Contractor' } })

    expect(diagnosis.verdict).toBe('APPLY_ONCE')
    expect(blocking(diagnosis)).toContain('with Apply Once and the target object already exists')
  })

  it('OBJECT_NOT_CONNECTED: a disconnector with its join rule out of scope', () => {
    const diagnosis = diagnose('extensionAttribute1', {
      ad: { ...ADA, adminDescription: 'User_abc' },
      adLinked: false,
    })

    expect(diagnosis.verdict).toBe('OBJECT_NOT_CONNECTED')
    expect(blocking(diagnosis)).toBe(
      'The object is not joined and no join or provisioning rule is in scope (Rule "In from AD - User Join" (precedence 100) is out of scope).',
    )
  })

  it('OBJECT_NOT_CONNECTED: no Entra ID object and the provisioning rule is out of scope', () => {
    const { sourceAnchor: _omitted, ...noAnchor } = ADA_MV
    const { objectGUID: _guid, ...noGuid } = ADA

    const diagnosis = diagnose('extensionAttribute1', { ad: noGuid, mv: noAnchor, aad: null })

    expect(diagnosis.verdict).toBe('OBJECT_NOT_CONNECTED')
    expect(diagnosis.steps.find((step) => step.blocking)).toMatchObject({
      stage: 'outbound',
      message:
        'The metaverse object has no object in "contoso.onmicrosoft.com - AAD" and no provisioning rule is in scope to create one.',
    })
  })

  it('CLOUD_FILTERED: the MV object has cloudFiltered = true', () => {
    const diagnosis = diagnose('extensionAttribute1', { mv: { ...ADA_MV, cloudFiltered: 'true' }, aad: null })

    expect(diagnosis.verdict).toBe('CLOUD_FILTERED')
    expect(blocking(diagnosis)).toBe(
      'The metaverse object has cloudFiltered = true, so nothing flows to "contoso.onmicrosoft.com - AAD".',
    )
  })

  it('NO_OUTBOUND_FLOW: accountName reaches the metaverse but no outbound rule sends it', () => {
    const diagnosis = diagnose('sAMAccountName')

    expect(diagnosis.verdict).toBe('NO_OUTBOUND_FLOW')
    expect(diagnosis.attribute).toMatchObject({ source: 'sAMAccountName', metaverse: 'accountName' })
    expect(blocking(diagnosis)).toBe(
      'No outbound rule to "contoso.onmicrosoft.com - AAD" for person objects maps accountName.',
    )
  })

  it('PENDING_EXPORT: the new value is staged in the Entra ID connector space', () => {
    const diagnosis = diagnose('extensionAttribute1', {
      ad: { ...ADA, extensionAttribute1: 'red' },
      mv: { ...ADA_MV, extensionAttribute1: 'red' },
      aadPendingExport: { extensionAttribute1: 'red' },
    })

    expect(diagnosis.verdict).toBe('PENDING_EXPORT')
    expect(blocking(diagnosis)).toBe(
      'extensionAttribute1 = "red" is staged for export to "contoso.onmicrosoft.com - AAD" and not yet confirmed.',
    )
  })

  it('EXPORT_ERROR: the staged change failed to export', () => {
    const diagnosis = diagnose('extensionAttribute1', {
      ad: { ...ADA, extensionAttribute1: 'red' },
      mv: { ...ADA_MV, extensionAttribute1: 'red' },
      aadPendingExport: { extensionAttribute1: 'red' },
      aadExportError: 'AttributeValueMustBeUnique',
    })

    expect(diagnosis.verdict).toBe('EXPORT_ERROR')
    expect(blocking(diagnosis)).toContain('AttributeValueMustBeUnique')
  })

  it('MV_STALE: the exported MV value differs from what the rules compute now', () => {
    const diagnosis = diagnose('extensionAttribute1', { ad: { ...ADA, extensionAttribute1: 'red' } })

    expect(diagnosis.verdict).toBe('MV_STALE')
    expect(blocking(diagnosis)).toBe(
      'The metaverse holds extensionAttribute1 = "blue", but the rules now compute "red": synchronization has not run since the change.',
    )
  })

  it('MV_STALE: the target holds another value and nothing is staged', () => {
    const diagnosis = diagnose('extensionAttribute1', { aad: { ...ADA_AAD, extensionAttribute1: 'grey' } })

    expect(diagnosis.verdict).toBe('MV_STALE')
    expect(diagnosis.steps.find((step) => step.blocking)?.stage).toBe('target')
  })

  it('computes the metaverse values when the snapshot has no metaverse export', () => {
    const diagnosis = diagnose('extensionAttribute1', { mv: null })

    expect(diagnosis.verdict).toBe('OK')
    expect(diagnosis.steps.find((step) => step.stage === 'metaverse')?.message).toBe(
      'The snapshot holds no metaverse export; the rules of every connected object compute extensionAttribute1 = "blue".',
    )
    expect(diagnosis.steps.find((step) => step.stage === 'target')?.code).toBe('OK')
  })

  it('stops at the metaverse when the object was never synchronized', () => {
    const diagnosis = diagnose(
      'extensionAttribute1',
      { adLinked: false, mv: null, aad: null },
      { mvLookup: () => [] },
    )

    expect(diagnosis.verdict).toBe('MV_STALE')
    expect(blocking(diagnosis)).toBe(
      'There is no metaverse object yet: synchronization has not run since the object appeared.',
    )
  })

  it('resolves an MV attribute name to its source attribute', () => {
    const diagnosis = diagnose('accountName')

    expect(diagnosis.attribute).toMatchObject({ source: 'sAMAccountName', metaverse: 'accountName' })
    expect(diagnosis.steps[0]?.message).toBe(
      'CN=Ada Lovelace,OU=Users,DC=contoso,DC=com has sAMAccountName = "ada".',
    )
  })

  it('diagnoses towards a chosen target connector', () => {
    const diagnosis = diagnose('extensionAttribute1', {}, { targetConnectorId: `{${AD.id.toUpperCase()}}` })

    expect(diagnosis.verdict).toBe('NO_OUTBOUND_FLOW')
    expect(blocking(diagnosis)).toBe(
      'No outbound rule to "contoso.com" for person objects maps extensionAttribute1.',
    )
  })

  it('uses a rule renamed by the test helpers without losing its id', () => {
    const renamed = variant(RULES.common, { name: 'In from AD - User Common (clone)' })

    const diagnosis = diagnose('department', {
      replace: { common: renamed },
      ad: { ...ADA, department: 'R&D' },
    })

    expect(diagnosis.steps.find((step) => step.rule?.id === RULES.common.id)?.message).toContain('(clone)')
  })
})

describe('diagnoseAttribute with expressions', () => {
  const withExpression = (text: string): WorldOptions => ({
    extraRules: [
      rule({
        name: 'Custom - extensionAttribute5 from department',
        connector: AD,
        precedence: 50,
        flows: [flow.expression('extensionAttribute5', text)],
      }),
    ],
    ad: { ...ADA, department: 'Sales' },
  })

  it.each([
    ['EXPRESSION_NULL', 'IIF([department]="Sales",NULL,[department])', 'returned NULL'],
    [
      'EXPRESSION_IGNORED',
      'IIF([department]="Sales",IgnoreThisFlow,[department])',
      'returned IgnoreThisFlow',
    ],
    ['AUTHORITATIVE_NULL', 'IIF([department]="Sales",AuthoritativeNull,[department])', 'AuthoritativeNull'],
    ['EXPRESSION_ERROR', 'IIF([department]="Sales",Error("no sales"),[department])', 'no sales'],
  ] as const)('%s', (code, text, fragment) => {
    const diagnosis = diagnose('extensionAttribute5', withExpression(text))

    expect(diagnosis.verdict).toBe(code)
    expect(blocking(diagnosis)).toContain(fragment)
  })
})
