import { describe, expect, it } from 'vitest'
import { clause, connector, flow } from '../engine/testing/scenario'
import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'
import type { MetaverseConfig } from '../model/metaverse-schema'
import type { SyncRule } from '../model/sync-rule'
import type { Difference } from './compare-model'
import { compareConfigurations } from './config-compare'
import { AAD, AD, RULES, withRule, world } from './testing/world'

function configuration(
  rules: readonly SyncRule[] = Object.values(RULES),
  connectors = [AD, AAD],
): ServerConfiguration {
  return world({ rules, connectors, objects: false }).configuration
}

/** Every difference of a comparison, flat, as `path: before -> after`. */
function flat(a: ServerConfiguration, b: ServerConfiguration): string[] {
  const { comparison } = compareConfigurations(a, b)
  const text = (difference: Difference): string =>
    `${difference.change} ${difference.path.join('/')}: ${difference.before ?? '∅'} -> ${difference.after ?? '∅'}`
  return [
    ...comparison.connectors.flatMap((entry) => entry.differences.map((d) => `connector ${text(d)}`)),
    ...comparison.rules.flatMap((entry) =>
      entry.differences.map((d) => `rule ${(entry.b ?? entry.a)?.name}: ${text(d)}`),
    ),
    ...comparison.schema.map((d) => `schema ${text(d)}`),
    ...comparison.settings.map((d) => `setting ${text(d)}`),
  ]
}

const metaverse = (
  parameters: readonly (readonly [string, string])[],
  attributes: string[] = ['department'],
): MetaverseConfig => ({
  schema: {
    classes: [{ name: 'person', attributes }],
    attributes: attributes.map((name) => ({
      name,
      syntax: 'String',
      syntaxOid: '1.3.6.1.4.1.1466.115.121.1.15',
      multiValued: false,
      indexable: false,
    })),
  },
  parameters,
  server: null,
  exportDate: null,
  serverConfigurationVersion: null,
})

describe('compareConfigurations', () => {
  it('finds no difference between identical configurations', () => {
    const { comparison } = compareConfigurations(configuration(), configuration())
    expect(comparison.differenceCount).toBe(0)
    expect(comparison.rules).toEqual([])
    expect(comparison.unchangedRules).toBe(Object.values(RULES).length)
    expect(comparison.outOfBoxEdits).toEqual([])
  })

  it('finds no difference when only the case of names differs', () => {
    const shouting = (rule: SyncRule): SyncRule => ({
      ...rule,
      name: rule.name.toUpperCase(),
      sourceObjectType: rule.sourceObjectType.toUpperCase(),
      targetObjectType: rule.targetObjectType.toUpperCase(),
      scopeGroups: rule.scopeGroups.map((group) => ({
        clauses: group.clauses.map((c) => ({
          ...c,
          attribute: c.attribute.toUpperCase(),
          value: c.value.toLowerCase(),
        })),
      })),
      joinGroups: rule.joinGroups.map((group) => ({
        conditions: group.conditions.map((c) => ({
          ...c,
          csAttribute: c.csAttribute.toLowerCase(),
          mvAttribute: c.mvAttribute.toUpperCase(),
        })),
      })),
      flows: rule.flows.map((f) => ({
        ...f,
        target: f.target.toUpperCase(),
        sources: f.sources.map((source) => source.toLowerCase()),
        // Function and attribute names change case, spacing changes; string literals stay as written.
        expression:
          f.expression === null
            ? null
            : f.expression
                .replace(/\[([^\]]+)\]/g, (_, name: string) => `[ ${name.toUpperCase()} ]`)
                .replace('IIF(', 'iif( '),
      })),
    })
    const renamed = [
      { ...AD, name: 'CONTOSO.COM', selectedAttributes: AD.selectedAttributes.map((a) => a.toUpperCase()) },
      AAD,
    ]
    expect(flat(configuration(), configuration(Object.values(RULES).map(shouting), renamed))).toEqual([])
  })

  it('pairs a renamed connector by type and partition and reports only the new name', () => {
    const renamed = connector({
      name: 'corp.contoso.com',
      partitions: ['DC=contoso, DC=com'],
      selected: AD.selectedAttributes,
    })
    const rules = Object.values(RULES).map((rule) =>
      rule.connectorId === AD.id ? { ...rule, connectorId: renamed.id, connectorName: renamed.name } : rule,
    )
    const { comparison } = compareConfigurations(configuration(), configuration(rules, [renamed, AAD]))
    expect(flat(configuration(), configuration(rules, [renamed, AAD]))).toEqual([
      'connector changed name: contoso.com -> corp.contoso.com',
    ])
    const pair = comparison.connectors.find((entry) => entry.b?.name === 'corp.contoso.com')
    expect(pair?.matchedBy).toBe('type-and-partition')
    expect(pair?.matchNote).toContain('DC=contoso,DC=com')
    expect(comparison.rules).toEqual([])
  })

  it("pairs each snapshot's only AD connector when they share no partition (DEV against PROD)", () => {
    const dev = connector({
      name: 'dev.contoso.com',
      partitions: ['DC=dev,DC=contoso,DC=com'],
      selected: AD.selectedAttributes,
    })
    const rules = Object.values(RULES).map((rule) =>
      rule.connectorId === AD.id ? { ...rule, connectorId: dev.id, connectorName: dev.name } : rule,
    )
    const { comparison } = compareConfigurations(configuration(), configuration(rules, [dev, AAD]))
    const pair = comparison.connectors.find((entry) => entry.b?.name === 'dev.contoso.com')
    expect([pair?.a?.name, pair?.matchedBy]).toEqual(['contoso.com', 'only-of-type'])
    expect(pair?.matchNote).toContain("each is its snapshot's only AD connector")
    expect(flat(configuration(), configuration(rules, [dev, AAD]))).toEqual([
      'connector changed name: contoso.com -> dev.contoso.com',
      'connector removed partitions/DC=contoso,DC=com: DC=contoso,DC=com (selected) -> ∅',
      'connector added partitions/DC=dev,DC=contoso,DC=com: ∅ -> DC=dev,DC=contoso,DC=com (selected)',
    ])
    // The rules pair through their connectors: none is reported removed and added again.
    expect(comparison.rules).toEqual([])
  })

  it('leaves a second forest without a shared partition unpaired: a forest added, not a rename', () => {
    const fabrikam = connector({ name: 'fabrikam.com', partitions: ['DC=fabrikam,DC=com'] })
    const litware = connector({ name: 'litware.com', partitions: ['DC=litware,DC=com'] })
    const { comparison } = compareConfigurations(
      configuration(Object.values(RULES), [AD, fabrikam, AAD]),
      configuration(Object.values(RULES), [AD, litware, AAD]),
    )
    const unpaired = comparison.connectors.filter((entry) => entry.matchedBy === null)
    expect(unpaired.map((entry) => [entry.a?.name ?? null, entry.b?.name ?? null])).toEqual([
      ['fabrikam.com', null],
      [null, 'litware.com'],
    ])
  })

  it('pairs a connector renamed on the same server by its id', () => {
    const renamed = { ...AD, name: 'contoso (forest)' }
    const { comparison } = compareConfigurations(
      configuration(),
      configuration(Object.values(RULES), [renamed, AAD]),
    )
    expect(comparison.connectors.find((entry) => entry.b?.name === 'contoso (forest)')?.matchedBy).toBe('id')
    expect(comparison.differenceCount).toBe(1)
  })

  it.each<[string, SyncRule, string[]]>([
    [
      'a changed precedence',
      { ...RULES.hr, precedence: 110 },
      ['rule Contoso - In from AD - User Department from HR: changed precedence: 50 -> 110'],
    ],
    [
      'an added scope clause',
      {
        ...RULES.common,
        scopeGroups: [
          { clauses: [...(RULES.common.scopeGroups[0]?.clauses ?? []), clause('department ISNOTNULL')] },
        ],
      },
      ['rule In from AD - User Common: added scope/1: ∅ -> department ISNOTNULL'],
    ],
    [
      'a disabled rule',
      { ...RULES.outExchange, disabled: true },
      ['rule Out to AAD - User ExchangeOnline: changed disabled: no -> yes'],
    ],
    [
      'a changed expression',
      { ...RULES.hr, flows: [flow.expression('department', 'UCase(Trim([extensionAttribute2]))')] },
      [
        'rule Contoso - In from AD - User Department from HR: changed transformations/department/expression: Trim([extensionAttribute2]) -> UCase(Trim([extensionAttribute2]))',
      ],
    ],
    [
      'an added transformation',
      { ...RULES.outIdentity, flows: [...RULES.outIdentity.flows, flow.direct('mobile', 'mobile')] },
      ['rule Out to AAD - User Identity: added transformations/mobile: ∅ -> Direct: mobile'],
    ],
    [
      'a new join group',
      {
        ...RULES.join,
        joinGroups: [
          ...RULES.join.joinGroups,
          { conditions: [{ csAttribute: 'mail', mvAttribute: 'mail', caseSensitive: false }] },
        ],
      },
      ['rule In from AD - User Join: added join/2: ∅ -> mail = mail'],
    ],
    [
      'a rule renamed (paired by its id)',
      { ...RULES.common, name: 'In from AD - User Common (cloned)' },
      [
        'rule In from AD - User Common (cloned): changed name: In from AD - User Common -> In from AD - User Common (cloned)',
      ],
    ],
  ])('reports exactly %s', (_, changed, expected) => {
    expect(flat(configuration(), configuration(withRule(changed)))).toEqual(expected)
  })

  it('names the rule a new rule was cloned from, the original disabled', () => {
    const clone: SyncRule = {
      ...RULES.common,
      id: '10000000-0000-4000-8000-0000000000c1',
      name: 'Contoso - In from AD - User Common (clone)',
      immutableTag: '',
      precedence: 90,
      flows: [
        ...RULES.common.flows.filter((f) => f.target !== 'title'),
        flow.expression('title', 'UCase([title])'),
      ],
    }
    const after = [...withRule({ ...RULES.common, disabled: true }), clone]
    const { comparison } = compareConfigurations(configuration(), configuration(after))
    const added = comparison.rules.find((rule) => rule.a === null)
    expect(added?.cloneOf).toEqual({
      rule: expect.objectContaining({ name: RULES.common.name }),
      sameTransformations: 4,
      transformations: 5,
    })
    // The original, disabled, has no clone source; neither has a new rule unlike any other.
    expect(comparison.rules.find((rule) => rule.a !== null)?.cloneOf).toBeNull()
    const unrelated = {
      ...RULES.hr,
      id: '10000000-0000-4000-8000-0000000000c2',
      name: 'HR (new)',
      flows: [flow.direct('title', 'employeeType')],
    }
    const other = compareConfigurations(configuration(), configuration([...Object.values(RULES), unrelated]))
    expect(other.comparison.rules.map((rule) => rule.cloneOf)).toEqual([null])
  })

  it('ignores a change in spacing of an expression but not in a string literal', () => {
    const spaced = {
      ...RULES.common,
      flows: RULES.common.flows.map((f) =>
        f.target === 'displayName'
          ? { ...f, expression: 'IIF( IsNullOrEmpty( [displayName] ) , [cn] , [displayName] )' }
          : f,
      ),
    }
    expect(flat(configuration(), configuration(withRule(spaced)))).toEqual([])
    const literal = {
      ...RULES.join,
      flows: RULES.join.flows.map((f) => (f.flowType === 'Constant' ? { ...f, constant: 'user' } : f)),
    }
    expect(flat(configuration(), configuration(withRule(literal)))).toEqual([
      'rule In from AD - User Join: changed transformations/sourceObjectType/constant: User -> user',
    ])
  })

  it('reports reordered join groups once', () => {
    const twoGroups = {
      ...RULES.join,
      joinGroups: [
        ...RULES.join.joinGroups,
        { conditions: [{ csAttribute: 'mail', mvAttribute: 'mail', caseSensitive: false }] },
      ],
    }
    const reordered = { ...twoGroups, joinGroups: [...twoGroups.joinGroups].reverse() }
    expect(flat(configuration(withRule(twoGroups)), configuration(withRule(reordered)))).toEqual([
      'rule In from AD - User Join: changed join/order: 1. objectGUID = sourceAnchor; 2. mail = mail -> 1. mail = mail; 2. objectGUID = sourceAnchor',
    ])
  })

  it('lists rules on one side only as added and removed', () => {
    const custom = {
      ...RULES.hr,
      id: '10000000-0000-4000-8000-0000000000ff',
      name: 'Contoso - In from AD - Office',
    }
    const result = flat(
      configuration(),
      configuration([...Object.values(RULES).filter((rule) => rule !== RULES.hr), custom]),
    )
    expect(result).toEqual([
      expect.stringMatching(/^rule Contoso - In from AD - Office: added rule: ∅ -> Inbound, precedence 50/),
      expect.stringMatching(
        /^rule Contoso - In from AD - User Department from HR: removed rule: Inbound, precedence 50/,
      ),
    ])
  })

  it('reports connector selections, partitions and containers one by one', () => {
    const before = {
      ...AD,
      partitions: [{ ...AD.partitions[0]!, inclusions: ['DC=contoso,DC=com'], exclusions: [] }],
    }
    const after = {
      ...AD,
      selectedAttributes: [...AD.selectedAttributes.filter((name) => name !== 'title'), 'mobile'],
      partitions: [
        {
          ...AD.partitions[0]!,
          inclusions: ['DC=contoso,DC=com'],
          exclusions: ['OU=Staging,DC=contoso,DC=com'],
          objectClasses: ['user'],
        },
      ],
    }
    expect(
      flat(
        configuration(Object.values(RULES), [before, AAD]),
        configuration(Object.values(RULES), [after, AAD]),
      ),
    ).toEqual([
      'connector removed selectedAttributes/title: title -> ∅',
      'connector added selectedAttributes/mobile: ∅ -> mobile',
      'connector added partitions/DC=contoso,DC=com/objectClasses/user: ∅ -> user',
      'connector added partitions/DC=contoso,DC=com/exclusions/OU=Staging,DC=contoso,DC=com: ∅ -> OU=Staging,DC=contoso,DC=com',
    ])
  })

  it('compares the metaverse schema and global settings, not the scheduler state', () => {
    const a = {
      ...configuration(),
      metaverse: metaverse([
        ['Microsoft.Synchronize.NextStartTime', 'Tue'],
        ['Microsoft.OptionalFeature.PasswordHashSync', 'False'],
        ['Microsoft.OptionalFeature.DeviceWriteBack', ''],
      ]),
    }
    const b = {
      ...configuration(),
      metaverse: metaverse(
        [
          ['Microsoft.Synchronize.NextStartTime', 'Wed'],
          ['Microsoft.OptionalFeature.PasswordHashSync', 'True'],
        ],
        ['department', 'employeeID'],
      ),
    }
    expect(flat(a, b)).toEqual([
      'schema added attributes/employeeID: ∅ -> employeeID (String, single-valued)',
      'schema added objectTypes/person/attributes/employeeID: ∅ -> employeeID',
      'setting changed Microsoft.OptionalFeature.PasswordHashSync: False -> True',
    ])
  })

  it('says when one side has no metaverse configuration instead of listing its whole schema', () => {
    const { comparison } = compareConfigurations(
      { ...configuration(), metaverse: metaverse([]) },
      configuration(),
    )
    expect(comparison.schema).toEqual([])
    expect(comparison.notes).toEqual([expect.stringContaining('B has no metaverse configuration')])
  })
})

describe('out-of-box rules edited in place', () => {
  /** The shape of Microsoft's "Out to AAD - User Identity" (.005): nine direct flows, one scoping group. */
  const identity: SyncRule = {
    ...RULES.outIdentity,
    immutableTag: 'Microsoft.OuttoAADUserIdentity.005',
    flows: [
      'accountEnabled',
      'alias',
      'displayName',
      'givenName',
      'mail',
      'onPremisesUserPrincipalName',
      'proxyAddresses',
      'surname',
      'userPrincipalName',
    ].map((name) => flow.direct(name, name)),
  }

  it('flags an edit against the other snapshot and against the default, naming the edited side', () => {
    const edited = { ...identity, flows: [...identity.flows, flow.direct('mobile', 'mobile')] }
    const { comparison } = compareConfigurations(
      configuration(withRule(identity)),
      configuration(withRule(edited)),
    )
    expect(comparison.differenceCount).toBe(1)
    expect(comparison.outOfBoxEdits.map((edit) => [edit.evidence, edit.side, edit.details])).toEqual([
      ['other-snapshot', 'b', ['Transformations of mobile']],
      ['default-set', 'b', ['Direct transformations: 10 where the default has 9']],
    ])
    expect(comparison.outOfBoxEdits[0]?.message).toContain('edited in place in B')
  })

  it('does not flag the supported changes: precedence and disabling', () => {
    const moved = { ...identity, precedence: 140, disabled: true }
    const { comparison } = compareConfigurations(
      configuration(withRule(identity)),
      configuration(withRule(moved)),
    )
    expect(comparison.differenceCount).toBe(2)
    expect(comparison.outOfBoxEdits).toEqual([])
  })

  it('flags a rule whose tag is unknown only against the other snapshot, without naming a side', () => {
    const tagged = { ...RULES.common, immutableTag: 'Microsoft.InfromADUserCommon.099' }
    const edited = { ...tagged, scopeGroups: [] }
    const { comparison } = compareConfigurations(
      configuration(withRule(tagged)),
      configuration(withRule(edited)),
    )
    expect(comparison.outOfBoxEdits.map((edit) => [edit.evidence, edit.side])).toEqual([
      ['other-snapshot', null],
    ])
  })

  it('reports an edit present in both snapshots once', () => {
    const edited = { ...identity, flows: identity.flows.slice(1) }
    const { comparison } = compareConfigurations(
      configuration(withRule(edited)),
      configuration(withRule(edited)),
    )
    expect(comparison.differenceCount).toBe(0)
    expect(comparison.outOfBoxEdits.map((edit) => [edit.evidence, edit.side])).toEqual([
      ['default-set', 'both'],
    ])
  })
})
