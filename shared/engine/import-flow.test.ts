import { describe, expect, it } from 'vitest'
import { importFlow, type ImportFlowResult } from './import-flow'
import type { MvAttributeLookup } from './join'
import { connector, csObject, flow, mvObject, rule, scenario } from './testing/scenario'
import { AD, ADA, IDS, RULES, smallWorld, type WorldOptions } from './testing/small-world'

function flowOf(options: WorldOptions = {}, lookup?: MvAttributeLookup): ImportFlowResult {
  const world = smallWorld(options)
  return importFlow(world.adUser, {
    ruleIndex: world.ruleIndex,
    index: world.index,
    ...(lookup ? { mvLookup: lookup } : {}),
  })
}

function rowsFor(
  result: ImportFlowResult,
  mvAttribute: string,
): readonly (readonly [string, string, boolean])[] {
  return result.rows
    .filter((row) => row.mvAttribute === mvAttribute)
    .map((row) => [row.rule.name, row.status, row.winner] as const)
}

describe('importFlow', () => {
  it('ranks the contributors of one MV attribute by precedence', () => {
    const result = flowOf()

    expect(rowsFor(result, 'extensionAttribute1')).toEqual([
      ['In from AD - User Common from Exchange', 'contributes', true],
      ['In from AD - User Common', 'overridden', false],
      ['In from AD - User Exchange', 'overridden', false],
    ])
    expect(
      result.rows.find((row) => row.rule.precedence === 106 && row.mvAttribute === 'extensionAttribute1'),
    ).toMatchObject({
      reason:
        'Overridden: Rule "In from AD - User Common from Exchange" (precedence 104) contributes the value.',
      overriddenBy: { name: 'In from AD - User Common from Exchange', precedence: 104 },
      sourceValues: [{ attribute: 'extensionAttribute1', values: ['blue'] }],
      computed: { kind: 'value', values: ['blue'] },
      mvValueInSnapshot: ['blue'],
      dataSource: 'extensionAttribute1',
      flowType: 'Direct',
    })
  })

  it('lists out-of-scope rules with the failing clause and lets the next rule contribute', () => {
    const { mailNickname: _omitted, ...noMailbox } = ADA

    const result = flowOf({ ad: noMailbox })

    expect(rowsFor(result, 'extensionAttribute1')).toEqual([
      ['In from AD - User Common from Exchange', 'out-of-scope', false],
      ['In from AD - User Common', 'contributes', true],
      ['In from AD - User Exchange', 'out-of-scope', false],
    ])
    const outOfScope = result.rows.find((row) => row.status === 'out-of-scope')
    expect(outOfScope?.failingClause).toEqual({ attribute: 'mailNickname', operator: 'ISNOTNULL', value: '' })
    expect(outOfScope?.scopeFailure).toBe('mailNickname ISNOTNULL is false (no value)')
    expect(outOfScope?.computed).toEqual({ kind: 'not-evaluated' })
  })

  it('lets NULL fall through to the next rule', () => {
    const custom = rule({
      name: 'Custom - title',
      connector: AD,
      precedence: 50,
      flows: [flow.direct('title', 'extensionAttribute2')],
    })

    const result = flowOf({ extraRules: [custom] })

    expect(rowsFor(result, 'title')).toEqual([
      ['Custom - title', 'null', false],
      ['In from AD - User Common', 'contributes', true],
    ])
    expect(result.attributes.find((attribute) => attribute.mvAttribute === 'title')?.resolution).toEqual({
      kind: 'value',
      values: ['Countess'],
      from: [{ id: RULES.common.id, name: 'In from AD - User Common', precedence: 106 }],
    })
  })

  it('lists disabled rules with status disabled', () => {
    const result = flowOf({ ad: { ...ADA, extensionAttribute2: 'green' } })

    expect(rowsFor(result, 'extensionAttribute2')).toEqual([['In from AD - User Legacy', 'disabled', false]])
    expect(result.rules.find((entry) => entry.rule.precedence === 110)?.disabled).toBe(true)
  })

  it('does not apply an Apply Once flow again to an existing MV object', () => {
    const result = flowOf({ ad: { ...ADA, employeeType: 'Contractor' } })

    expect(rowsFor(result, 'employeeType')).toEqual([['In from AD - User Join', 'apply-once', false]])
    expect(
      result.attributes.find((attribute) => attribute.mvAttribute === 'employeeType')?.resolution,
    ).toEqual({
      kind: 'keep-existing',
    })
  })

  it('applies an Apply Once flow when the object would be projected', () => {
    const result = flowOf({ ad: { ...ADA, employeeType: 'Contractor' }, adLinked: false, mv: null }, () => [])

    expect(result.link).toEqual({
      kind: 'would-project',
      rule: { id: RULES.join.id, name: 'In from AD - User Join', precedence: 100 },
    })
    expect(rowsFor(result, 'employeeType')).toEqual([['In from AD - User Join', 'contributes', true]])
    expect(result.mvObjectId).toBeNull()
  })

  it('joins through the MV lookup when the object has no link yet', () => {
    const lookup: MvAttributeLookup = (attribute, value) =>
      attribute === 'sourceAnchor' && value === ADA.objectGUID ? [IDS.mv] : []

    const result = flowOf({ adLinked: false }, lookup)

    expect(result.link).toMatchObject({ kind: 'would-join', mvObjectId: IDS.mv })
    expect(result.join?.matchedGroup).toBe(0)
    expect(rowsFor(result, 'employeeType')).toEqual([['In from AD - User Join', 'apply-once', false]])
  })

  it('does not join an object while two rules with join criteria are in scope (a sync error)', () => {
    const lookup: MvAttributeLookup = (attribute, value) =>
      attribute === 'sourceAnchor' && value === ADA.objectGUID ? [IDS.mv] : []
    const secondJoin = rule({
      name: 'In from AD - User Join (Custom)',
      connector: AD,
      precedence: 50,
      link: 'Join',
      join: [[['sAMAccountName', 'accountName']]],
    })

    const result = flowOf({ adLinked: false, extraRules: [secondJoin] }, lookup)

    expect(result.link.kind).toBe('not-joined')
    expect(result.link.kind === 'not-joined' ? result.link.reason : '').toMatch(
      /^Several rules with join criteria are in scope \("In from AD - User Join \(Custom\)", "In from AD - User Join"\); only one may be/,
    )
    // Every flow of an enabled rule waits for a join that does not happen.
    expect(new Set(result.rows.map((row) => row.status))).toEqual(new Set(['not-joined', 'disabled']))
  })

  it('does not join an object to a metaverse object another object of its connector space joins', () => {
    const lookup: MvAttributeLookup = (attribute, value) =>
      attribute === 'sourceAnchor' && value === ADA.objectGUID ? [IDS.mv] : []
    const world = smallWorld()
    const twin = csObject({
      id: '44444444-4444-4444-8444-444444444444',
      connector: AD,
      dn: 'CN=Ada Lovelace (copy),OU=Users,DC=contoso,DC=com',
      attrs: ADA,
    })
    const both = scenario({
      connectors: [AD, world.ruleIndex.connectors[1] ?? AD],
      rules: world.ruleIndex.rules,
      cs: [world.adUser, twin],
      mv: world.mvUser ? [world.mvUser] : [],
    })

    const result = importFlow(twin, { ruleIndex: both.ruleIndex, index: both.index, mvLookup: lookup })
    const original = importFlow(world.adUser, {
      ruleIndex: both.ruleIndex,
      index: both.index,
      mvLookup: lookup,
    })

    expect(result.link).toEqual({
      kind: 'not-joined',
      reason: `The join is ambiguous: Rule "In from AD - User Join" (precedence 100) finds metaverse object ${IDS.mv}, which is already joined to CN=Ada Lovelace,OU=Users,DC=contoso,DC=com in the same connector space. Two objects of one connector space cannot join one metaverse object, so the engine does not join this one and reports the join as ambiguous.`,
    })
    expect(original.link).toEqual({ kind: 'joined', mvObjectId: IDS.mv })
  })

  it('reports the join as not evaluated without an MV lookup', () => {
    const result = flowOf({ adLinked: false })

    expect(result.link.kind).toBe('join-not-evaluated')
    expect(result.notes).toContain('The join was not evaluated: no metaverse search is available.')
  })

  it('marks every flow not-joined when no linking rule is in scope and there is no link', () => {
    const result = flowOf({ ad: { ...ADA, adminDescription: 'User_x' }, adLinked: false })

    expect(result.link.kind).toBe('not-joined')
    expect(new Set(result.rows.map((row) => row.status))).toEqual(
      new Set(['out-of-scope', 'not-joined', 'disabled']),
    )
  })

  it('treats an explicit disconnector as never joining', () => {
    const world = smallWorld({ adLinked: false })
    const explicit = { ...world.adUser, connectorState: 'explicit' }

    const result = importFlow(explicit, { ruleIndex: world.ruleIndex, index: world.index })

    expect(result.link).toEqual({
      kind: 'not-joined',
      reason: 'The object is an explicit disconnector: it never joins.',
    })
  })

  it('notes that a joined object whose linking rule left scope would be disconnected', () => {
    const result = flowOf({ ad: { ...ADA, adminDescription: 'User_x' } })

    expect(result.link.kind).toBe('joined')
    expect(result.notes).toContain(
      'No join or provisioning rule is in scope any more; the next synchronization would disconnect the object.',
    )
  })

  it('flags MV attributes the rules would now compute differently', () => {
    const result = flowOf({ ad: { ...ADA, givenName: 'Augusta' } })

    const stale = result.attributes.filter((attribute) => attribute.stale === true).map((a) => a.mvAttribute)

    expect(stale).toEqual(['givenName'])
  })
})

describe('importFlow parameters', () => {
  it('passes connector parameters to expressions and notes the inferred ones', () => {
    const domain = rule({
      name: 'In from AD - User AccountEnabled',
      connector: AD,
      precedence: 102,
      flows: [
        flow.expression('domainFQDN', '%Domain.FQDN%', []),
        flow.expression('domainNetBios', '%Domain.Netbios%', []),
        flow.expression('contributingConnectorUser', '%Connector.ID%', []),
      ],
    })

    const result = flowOf({ extraRules: [domain] })

    const computed = (mvAttribute: string) =>
      result.rows.find((row) => row.mvAttribute === mvAttribute)?.computed
    expect(computed('domainFQDN')).toEqual({ kind: 'value', values: ['contoso.com'] })
    expect(computed('domainNetBios')).toEqual({ kind: 'value', values: ['CONTOSO'] })
    expect(computed('contributingConnectorUser')).toEqual({ kind: 'value', values: [AD.id] })
    expect(result.notes).toEqual([
      '%Domain.FQDN% is not in the export; SyncLens inferred "contoso.com" from the partition name.',
      '%Domain.Netbios% is not in the export; SyncLens inferred "CONTOSO" from the partition name.',
    ])
  })
})

describe('importFlow precedence across connectors and merge types', () => {
  const forestA = connector({ name: 'a.example', partitions: ['DC=a,DC=example'] })
  const forestB = connector({ name: 'b.example', partitions: ['DC=b,DC=example'] })
  const mvId = 'aaaaaaaa-0000-4000-8000-000000000001'

  function twoForests(mergeA: 'Update' | 'Merge' | 'MergeCaseInsensitive', mergeB: typeof mergeA) {
    const rules = [
      rule({
        name: 'In from A',
        connector: forestA,
        precedence: 10,
        flows: [flow.direct('proxyAddresses', 'proxyAddresses', { mergeType: mergeA })],
      }),
      rule({
        name: 'In from B',
        connector: forestB,
        precedence: 20,
        flows: [flow.direct('proxyAddresses', 'proxyAddresses', { mergeType: mergeB })],
      }),
    ]
    const a = csObject({
      connector: forestA,
      dn: 'CN=Ada,DC=a,DC=example',
      mv: mvId,
      attrs: { proxyAddresses: ['SMTP:ada@a.example', 'smtp:ada@shared.example'] },
    })
    const b = csObject({
      connector: forestB,
      dn: 'CN=Ada,DC=b,DC=example',
      mv: mvId,
      attrs: { proxyAddresses: ['smtp:ADA@shared.example', 'smtp:ada@b.example'] },
    })
    const world = scenario({
      connectors: [forestA, forestB],
      rules,
      cs: [a, b],
      mv: [mvObject({ id: mvId, attrs: {} })],
    })
    return { a, b, world }
  }

  it('lets the lower precedence number win over another forest (Update)', () => {
    const { b, world } = twoForests('Update', 'Update')

    const result = importFlow(b, { ruleIndex: world.ruleIndex, index: world.index })

    expect(result.rows).toHaveLength(1)
    expect(result.rows[0]).toMatchObject({
      status: 'overridden',
      reason: 'Overridden: Rule "In from A" (precedence 10) contributes the value.',
      connector: { id: forestB.id, name: 'b.example' },
    })
  })

  it('unions values with MergeCaseInsensitive and drops case-insensitive duplicates', () => {
    const { a, world } = twoForests('MergeCaseInsensitive', 'MergeCaseInsensitive')

    const result = importFlow(a, { ruleIndex: world.ruleIndex, index: world.index })

    expect(result.attributes[0]?.resolution).toEqual({
      kind: 'value',
      values: ['SMTP:ada@a.example', 'smtp:ada@shared.example', 'smtp:ada@b.example'],
      from: [expect.objectContaining({ name: 'In from A' }), expect.objectContaining({ name: 'In from B' })],
    })
    expect(result.rows[0]).toMatchObject({ status: 'contributes', winner: true })
  })

  it('keeps values differing only in case with Merge', () => {
    const { a, world } = twoForests('Merge', 'Merge')

    const result = importFlow(a, { ruleIndex: world.ruleIndex, index: world.index })

    const resolution = result.attributes[0]?.resolution
    expect(resolution?.kind === 'value' ? resolution.values : []).toHaveLength(4)
  })

  it('reports mixed merge types across in-scope rules as an error', () => {
    const { a, world } = twoForests('Update', 'MergeCaseInsensitive')

    const result = importFlow(a, { ruleIndex: world.ruleIndex, index: world.index })

    expect(result.rows[0]?.status).toBe('error')
    expect(result.attributes[0]?.resolution).toMatchObject({ kind: 'error', from: null })
    expect(result.syncError?.message).toContain('different merge types')
  })
})
