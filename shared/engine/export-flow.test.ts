import { describe, expect, it } from 'vitest'
import type { CsObject, MvObject } from '../model/objects'
import { diagnoseAttribute } from './diagnose'
import { exportFlow, type ExportFlowRow, type ExportTarget, pendingExportValues } from './export-flow'
import {
  aadConnector,
  type AttributeSpec,
  connector,
  csObject,
  flow,
  mvObject,
  rule,
  type Scenario,
  scenario,
} from './testing/scenario'
import { AAD, ADA_AAD, ADA_MV, RULES, smallWorld, type WorldOptions } from './testing/small-world'

function aadTarget(options: WorldOptions = {}): ExportTarget {
  const world = smallWorld(options)
  const result = exportFlow(mvOf(world.mvUser), { ruleIndex: world.ruleIndex, index: world.index })
  const target = result.targets.find((candidate) => candidate.connector.id === AAD.id)
  if (!target) throw new Error('no Entra ID target')
  return target
}

function mvOf(object: MvObject | null): MvObject {
  if (!object) throw new Error('the small world has no MV object')
  return object
}

function statuses(target: ExportTarget): Readonly<Record<string, string>> {
  return Object.fromEntries(target.rows.map((row) => [row.csAttribute, row.status]))
}

describe('exportFlow', () => {
  it('compares each computed value with the Entra ID object', () => {
    const target = aadTarget({ aad: { ...ADA_AAD, givenName: 'Augusta' } })

    expect(target.state).toBe('connected')
    expect(statuses(target)).toEqual({
      sourceAnchor: 'in-sync',
      givenName: 'differs',
      accountEnabled: 'in-sync',
      extensionAttribute1: 'in-sync',
      title: 'in-sync',
    })
    expect(target.rows.find((row) => row.csAttribute === 'givenName')).toMatchObject({
      targetValueInSnapshot: ['Augusta'],
      computed: { kind: 'value', values: ['Ada'] },
      pendingExportValues: null,
      selectedOnConnector: true,
      winner: true,
    })
  })

  it('compares booleans without regard to case', () => {
    const target = aadTarget({ aad: { ...ADA_AAD, accountEnabled: 'true' } })

    expect(statuses(target).accountEnabled).toBe('in-sync')
  })

  it('shows a staged value as pending export', () => {
    const target = aadTarget({
      mv: { ...ADA_MV, title: 'Analyst' },
      aadPendingExport: { title: 'Analyst' },
    })

    const row = target.rows.find((candidate) => candidate.csAttribute === 'title')

    expect(row).toMatchObject({ status: 'pending-export', pendingExportValues: ['Analyst'] })
    expect(row?.reason).toBe(
      'The value is staged for export to "contoso.onmicrosoft.com - AAD" and not yet confirmed by an import.',
    )
  })

  it('reports an export error on a staged change', () => {
    const target = aadTarget({
      mv: { ...ADA_MV, title: 'Analyst' },
      aadPendingExport: { title: 'Analyst' },
      aadExportError: 'DataValidationFailed',
    })

    expect(statuses(target).title).toBe('export-error')
    expect(target.exportError?.name).toBe('DataValidationFailed')
  })

  it('flags a winner whose target attribute is not selected on the connector', () => {
    const narrow = { ...AAD, selectedAttributes: ['sourceAnchor'] }

    const target = aadTarget({ connectors: [smallWorld().connectors[0] ?? AAD, narrow] })

    expect(statuses(target).title).toBe('not-selected-on-connector')
    expect(target.rows.find((row) => row.csAttribute === 'title')?.selectedOnConnector).toBe(false)
  })

  it('marks every row cloud-filtered when the MV object is filtered', () => {
    const target = aadTarget({ mv: { ...ADA_MV, cloudFiltered: 'True' }, aad: null })

    expect(target.state).toBe('cloud-filtered')
    expect(new Set(Object.values(statuses(target)))).toEqual(new Set(['cloud-filtered']))
    expect(target.rows.every((row) => !row.winner)).toBe(true)
  })

  it('says the object would be provisioned when a provisioning rule is in scope', () => {
    const target = aadTarget({ aad: null })

    expect(target.state).toBe('would-provision')
    expect(target.stateReason).toBe(
      'No object in "contoso.onmicrosoft.com - AAD" yet; Rule "Out to AAD - User Join" (precedence 123) is in scope and would provision one at the next synchronization.',
    )
    expect(statuses(target).extensionAttribute1).toBe('contributes')
  })

  it('marks rows object-not-connected when nothing would provision the object', () => {
    const { sourceAnchor: _omitted, ...noAnchor } = ADA_MV

    const target = aadTarget({ mv: noAnchor, aad: null })

    expect(target.state).toBe('not-connected')
    expect(statuses(target).extensionAttribute1).toBe('object-not-connected')
  })

  it('names the failing clause of an out-of-scope outbound rule', () => {
    const target = aadTarget({ mv: { ...ADA_MV, cloudMastered: 'true' } })

    const row = target.rows.find((candidate) => candidate.csAttribute === 'extensionAttribute1')

    expect(row).toMatchObject({
      status: 'out-of-scope',
      scopeFailure: 'cloudMastered NOTEQUAL True is false ("true")',
      failingClause: { attribute: 'cloudMastered', operator: 'NOTEQUAL', value: 'True' },
    })
  })

  it('lets the lower precedence number win a target attribute', () => {
    const early = rule({
      name: 'Out to AAD - Custom title',
      direction: 'Outbound',
      connector: AAD,
      precedence: 90,
      flows: [flow.direct('title', 'accountName')],
    })

    const target = aadTarget({ extraRules: [early] })

    const titles = target.rows
      .filter((row) => row.csAttribute === 'title')
      .map((row) => [row.rule.name, row.status])
    expect(titles).toEqual([
      ['Out to AAD - Custom title', 'differs'],
      [RULES.outExchange.name, 'overridden'],
    ])
  })

  it('lists every connector with outbound rules for the MV type', () => {
    const world = smallWorld()

    const result = exportFlow(mvOf(world.mvUser), { ruleIndex: world.ruleIndex, index: world.index })

    expect(result.targets.map((target) => target.connector.name)).toEqual(['contoso.onmicrosoft.com - AAD'])
  })
})

/** Ids and DNs of the reference scenarios: Ada reports to Grace; the team group lists both. */
const REF = {
  ada: 'a0000000-0000-4000-8000-000000000001',
  grace: 'a0000000-0000-4000-8000-000000000002',
  team: 'a0000000-0000-4000-8000-000000000003',
  adaAad: 'CN={41444131}',
  graceAad: 'CN={47524143}',
  teamAad: 'CN={5445414D}',
  graceAd: 'CN=Grace Hopper,OU=Users,DC=contoso,DC=com',
  adaAd: 'CN=Ada Lovelace,OU=Users,DC=contoso,DC=com',
} as const

/** How the metaverse export writes a reference: the MV object id, upper-case in braces. */
function mvRef(id: string): string {
  return `{${id.toUpperCase()}}`
}

interface ReferenceWorld {
  /** Ada's metaverse attributes. */
  readonly ada?: AttributeSpec
  /** Ada's Entra ID attributes. */
  readonly adaAad?: AttributeSpec
  readonly adaPendingExport?: AttributeSpec
  /** The team group's metaverse and Entra ID attributes. */
  readonly team?: AttributeSpec
  readonly teamAad?: AttributeSpec
  /** False leaves Grace out of Entra ID (no object there). */
  readonly graceInAad?: boolean
  /** Metaverse and Entra ID attribute types; references unless said otherwise. */
  readonly mvTypes?: Readonly<Record<string, 'Reference' | 'String'>>
  readonly aadTypes?: Readonly<Record<string, 'Reference' | 'String'>>
  readonly metaverseSource?: 'exported' | 'computed'
}

const REF_AD = connector({ name: 'contoso.com', partitions: ['DC=contoso,DC=com'] })
const REF_AAD = aadConnector()
const REFERENCE_TYPES = { manager: 'Reference', member: 'Reference', managedBy: 'Reference' } as const

/**
 * Ada in AD and Entra ID, her manager Grace, and a team group; `manager` flows in from AD, and
 * `manager`, `member` and `managedBy` flow Direct to Entra ID.
 */
function referenceWorld(world: ReferenceWorld): Scenario & { readonly adaAd: CsObject } {
  const mvTypes = world.mvTypes ?? REFERENCE_TYPES
  const rules = [
    rule({
      name: 'In from AD - User Common',
      connector: REF_AD,
      precedence: 106,
      flows: [flow.direct('manager', 'manager')],
    }),
    rule({
      name: 'Out to AAD - User Identity',
      direction: 'Outbound',
      connector: REF_AAD,
      precedence: 120,
      flows: [flow.direct('manager', 'manager')],
    }),
    rule({
      name: 'Out to AAD - Group Identity',
      direction: 'Outbound',
      connector: REF_AAD,
      precedence: 121,
      sourceType: 'group',
      targetType: 'group',
      flows: [flow.direct('member', 'member'), flow.direct('managedBy', 'managedBy')],
    }),
  ]
  const graceInAad = world.graceInAad ?? true
  const adaAd = csObject({
    connector: REF_AD,
    dn: REF.adaAd,
    mv: REF.ada,
    attrs: { manager: REF.graceAd },
    types: REFERENCE_TYPES,
  })
  const built = scenario({
    connectors: [REF_AD, REF_AAD],
    rules,
    cs: [
      adaAd,
      csObject({ connector: REF_AD, dn: REF.graceAd, mv: REF.grace }),
      csObject({
        connector: REF_AAD,
        dn: REF.adaAad,
        mv: REF.ada,
        attrs: world.adaAad ?? { manager: REF.graceAad },
        types: world.aadTypes ?? REFERENCE_TYPES,
        ...(world.adaPendingExport ? { pendingExport: world.adaPendingExport } : {}),
      }),
      ...(graceInAad ? [csObject({ connector: REF_AAD, dn: REF.graceAad, mv: REF.grace })] : []),
      csObject({
        connector: REF_AAD,
        dn: REF.teamAad,
        type: 'group',
        mv: REF.team,
        attrs: world.teamAad ?? {},
        types: REFERENCE_TYPES,
      }),
    ],
    mv: [
      mvObject({ id: REF.ada, attrs: world.ada ?? { manager: mvRef(REF.grace) }, types: mvTypes }),
      mvObject({ id: REF.grace }),
      mvObject({ id: REF.team, type: 'group', attrs: world.team ?? {}, types: mvTypes }),
    ],
  })
  const index =
    world.metaverseSource === 'computed'
      ? { ...built.index, metaverseSource: 'computed' as const }
      : built.index
  return { ...built, index, adaAd }
}

/** Export flow of Ada (or the team group) to Entra ID. */
function referenceRows(world: ReferenceWorld, of: 'ada' | 'team' = 'ada'): readonly ExportFlowRow[] {
  const { index, ruleIndex } = referenceWorld(world)
  const subject = index.mvObject(of === 'ada' ? REF.ada : REF.team)
  if (!subject) throw new Error('the reference world has no such MV object')
  const [target] = exportFlow(subject, { ruleIndex, index, targetConnectorId: REF_AAD.id }).targets
  return target?.rows ?? []
}

function rowOf(rows: readonly ExportFlowRow[], attribute: string): ExportFlowRow {
  const row = rows.find((candidate) => candidate.csAttribute === attribute)
  if (!row) throw new Error(`no ${attribute} row`)
  return row
}

describe('exportFlow with reference attributes', () => {
  it('compares a metaverse reference with the DN of the referenced object in the target, not its id', () => {
    const row = rowOf(referenceRows({}), 'manager')

    expect(row.status).toBe('in-sync')
    expect(row.computed).toEqual({ kind: 'value', values: [mvRef(REF.grace)] })
    expect(row.targetReferences).toEqual([{ value: mvRef(REF.grace), dn: REF.graceAad }])
    expect(row.reason).toBe('The target object already holds this value in "contoso.onmicrosoft.com - AAD".')
  })

  it.each([
    ['a braced upper-case id and an upper-case DN', mvRef(REF.grace), REF.graceAad.toUpperCase()],
    ['a bare lower-case id and a lower-case DN', REF.grace, REF.graceAad.toLowerCase()],
  ])('matches %s', (_case, manager, held) => {
    const row = rowOf(referenceRows({ ada: { manager }, adaAad: { manager: held } }), 'manager')

    expect(row.status).toBe('in-sync')
  })

  it('still reports a real difference: the target holds another object than the one referenced', () => {
    const row = rowOf(referenceRows({ adaAad: { manager: REF.teamAad } }), 'manager')

    expect(row.status).toBe('differs')
    expect(row.targetValueInSnapshot).toEqual([REF.teamAad])
  })

  it('calls a reference to an object without an object in the target unresolved, not stale', () => {
    const row = rowOf(referenceRows({ graceInAad: false, adaAad: {} }), 'manager')

    expect(row.status).toBe('reference-unresolved')
    expect(row.targetReferences).toEqual([{ value: mvRef(REF.grace), dn: null }])
    expect(row.reason).toBe(
      `Reference unavailable: the referenced object "${mvRef(REF.grace)}" has no object in "contoso.onmicrosoft.com - AAD", so that reference is not exported.`,
    )
  })

  it('checks the other members of a group when one member is unavailable in the target', () => {
    const team = { member: [mvRef(REF.ada), mvRef(REF.grace)], managedBy: mvRef(REF.ada) }

    const held = referenceRows({ graceInAad: false, team, teamAad: { member: [REF.adaAad] } }, 'team')
    const missing = referenceRows({ graceInAad: false, team, teamAad: { member: [] } }, 'team')

    expect(rowOf(held, 'member')).toMatchObject({
      status: 'reference-unresolved',
      reason: `Reference unavailable: the referenced object "${mvRef(REF.grace)}" has no object in "contoso.onmicrosoft.com - AAD", so that reference is not exported; the target object holds the other references.`,
    })
    expect(rowOf(missing, 'member').status).toBe('differs')
    expect(rowOf(held, 'managedBy').status).toBe('differs')
  })

  it('compares every member of a multi-valued reference in any order', () => {
    const team = { member: [mvRef(REF.ada), mvRef(REF.grace)], managedBy: mvRef(REF.grace) }
    const teamAad = { member: [REF.graceAad, REF.adaAad], managedBy: REF.graceAad }

    const rows = referenceRows({ team, teamAad }, 'team')

    expect(rowOf(rows, 'member').status).toBe('in-sync')
    expect(rowOf(rows, 'managedBy').status).toBe('in-sync')
  })

  it('compares a staged reference export by DN too', () => {
    const row = rowOf(
      referenceRows({ adaAad: { manager: REF.teamAad }, adaPendingExport: { manager: REF.graceAad } }),
      'manager',
    )

    expect(row.status).toBe('pending-export')
    expect(row.reason).toBe(
      'The value is staged for export to "contoso.onmicrosoft.com - AAD" and not yet confirmed by an import.',
    )
  })

  it('knows the attribute is a reference from the target object when the metaverse types it as text', () => {
    const row = rowOf(referenceRows({ mvTypes: {} }), 'manager')

    expect(row.status).toBe('in-sync')
  })

  it('maps a source DN (a metaverse computed from links) through the object linked to it', () => {
    const row = rowOf(
      referenceRows({ ada: { manager: REF.graceAd }, mvTypes: {}, metaverseSource: 'computed' }),
      'manager',
    )

    expect(row.status).toBe('in-sync')
    expect(row.targetReferences).toEqual([{ value: REF.graceAd, dn: REF.graceAad }])
  })

  function diagnoseManager(world: ReferenceWorld) {
    const { rules, connectors, index, ruleIndex, adaAd } = referenceWorld(world)
    return diagnoseAttribute({ rules, connectors, index, ruleIndex, csObject: adaAd, attribute: 'manager' })
  }

  function managerTargetStep(world: ReferenceWorld) {
    return diagnoseManager(world).steps.find(
      (step) => step.stage === 'target' && step.connector?.id === REF_AAD.id,
    )
  }

  it.each([
    ['holds her manager', 'OK', {}],
    ['lacks her manager', 'MV_STALE', { adaAad: {} }],
    ['lacks a manager who has no object there', 'REFERENCE_UNRESOLVED', { adaAad: {}, graceInAad: false }],
  ] as const)('diagnoses manager of a user whose Entra ID object %s as %s', (_case, verdict, world) => {
    const diagnosis = diagnoseManager(world)

    expect(diagnosis.verdict, diagnosis.steps.map((step) => `${step.code}: ${step.message}`).join('\n')).toBe(
      verdict,
    )
  })

  it('names the DN the target should hold, not the metaverse id, when a reference differs', () => {
    const step = managerTargetStep({ adaAad: { manager: REF.teamAad } })

    expect(step?.message).toBe(
      `"contoso.onmicrosoft.com - AAD" holds manager = "${REF.teamAad}", but Rule "Out to AAD - User Identity" (precedence 120) computes "${REF.graceAad}" and no export is staged: synchronization has not run since the change.`,
    )
  })

  it('says why a reference without an object in the target is not held, instead of an empty value', () => {
    const step = managerTargetStep({ adaAad: {}, graceInAad: false })

    expect(step?.message).toBe(
      `"contoso.onmicrosoft.com - AAD" holds manager = no value, but Rule "Out to AAD - User Identity" (precedence 120) computes a reference it cannot export. Reference unavailable: the referenced object "${mvRef(REF.grace)}" has no object in "contoso.onmicrosoft.com - AAD", so that reference is not exported.`,
    )
  })

  it('leaves rows of attributes that are not references without target references', () => {
    const row = rowOf(
      referenceRows({ ada: { manager: 'Grace' }, mvTypes: {}, aadTypes: {}, adaAad: { manager: 'Grace' } }),
      'manager',
    )

    expect(row).toMatchObject({ status: 'in-sync', targetReferences: null })
  })
})

describe('pendingExportValues', () => {
  it('is null when nothing is staged for the attribute', () => {
    const object = csObject({ connector: AAD, dn: 'CN=x', pendingExport: { title: 'A' } })

    expect(pendingExportValues(object, 'department')).toBeNull()
    expect(pendingExportValues(object, 'TITLE')).toEqual(['A'])
  })
})

describe('exportFlow: removals and merged attributes', () => {
  it('says the export removes a value the rules now compute as absent', () => {
    const { title: _title, ...withoutTitle } = ADA_MV
    const target = aadTarget({ mv: withoutTitle })
    const row = target.rows.find((candidate) => candidate.csAttribute === 'title')

    expect(row).toMatchObject({ status: 'removes', winner: true, targetValueInSnapshot: ['Countess'] })
    expect(row?.reason).toBe(
      '"contoso.onmicrosoft.com - AAD" holds title = "Countess", but the rules now compute no value: the next synchronization stages its removal and the export removes it.',
    )
  })

  function proxyRow(held: readonly string[], mergeType: 'Update' | 'MergeCaseInsensitive'): ExportFlowRow {
    const aad = aadConnector()
    const outbound = rule({
      name: 'Out to AAD - User ExchangeOnline',
      direction: 'Outbound',
      connector: aad,
      precedence: 120,
      flows: [flow.direct('proxyAddresses', 'proxyAddresses', { mergeType })],
    })
    const built = scenario({
      connectors: [aad],
      rules: [outbound],
      cs: [csObject({ connector: aad, dn: 'CN={AB}', mv: 'mv-1', attrs: { proxyAddresses: [...held] } })],
      mv: [mvObject({ id: 'mv-1', attrs: { proxyAddresses: ['SMTP:ada@contoso.com'] } })],
    })
    const mv = built.index.mvObject('mv-1')
    const [target] = mv ? exportFlow(mv, { ruleIndex: built.ruleIndex, index: built.index }).targets : []
    const row = target?.rows[0]
    if (!row) throw new Error('no proxyAddresses row')
    return row
  }

  it('treats an x500 added in the cloud next to a merged proxyAddresses as no difference', () => {
    const held = ['smtp:ADA@contoso.com', 'x500:/o=Cloud/cn=ada']

    expect(proxyRow(held, 'MergeCaseInsensitive').status).toBe('in-sync')
    expect(proxyRow(held, 'Update').status).toBe('differs')
    expect(proxyRow(['x500:/o=Cloud/cn=ada'], 'MergeCaseInsensitive').status).toBe('differs')
  })
})
