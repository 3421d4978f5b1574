import { beforeAll, describe, expect, it } from 'vitest'
import { folderSource } from '../../test-support/fs-source'
import { CONTOSO_SERVERCONFIG, SAMPLES_SKIP_REASON, samplesAvailable } from '../../test-support/samples'
import { loadSnapshot } from '../load/load-snapshot'
import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'
import type { SyncRule } from '../model/sync-rule'
import {
  cloneName,
  customRuleName,
  draftRuleId,
  findClone,
  freePrecedence,
  freePrecedenceAbove,
  standardTemplate,
} from './rule-choices'

function rule(name: string, precedence: number, changes: Partial<SyncRule> = {}): SyncRule {
  return {
    id: `00000000-0000-4000-8000-${String(precedence).padStart(12, '0')}`,
    name,
    description: '',
    direction: 'Inbound',
    precedence,
    connectorId: 'ad',
    connectorName: 'contoso.com',
    sourceObjectType: 'user',
    targetObjectType: 'person',
    linkType: 'Join',
    disabled: false,
    immutableTag: '',
    enablePasswordSync: false,
    scopeGroups: [],
    joinGroups: [],
    flows: [],
    origin: 'test',
    ...changes,
  }
}

describe('precedence slots', () => {
  const rules = [rule('a', 99), rule('b', 98), rule('c', 50), rule('oob', 100)]

  it('takes the highest free number below 100, so a new rule runs after the custom rules it need not beat', () => {
    expect(freePrecedence(rules)).toBe(97)
    expect(freePrecedence(rules, 51)).toBe(49)
    expect(freePrecedence(rules, 99, new Set([rules[1]?.id ?? '']))).toBe(98)
  })

  it('finds the first free number above a rule, and none when 0 to 99 are all taken', () => {
    expect(freePrecedenceAbove(rules, 49, 100)).toBe(51)
    expect(freePrecedenceAbove(rules, 97, 100)).toBe(null)
    expect(freePrecedence(Array.from({ length: 100 }, (_, index) => rule(`r${index}`, index)))).toBe(null)
  })
})

describe('clones and names', () => {
  const original = rule('In from AD - User Common', 103, {
    immutableTag: 'Microsoft.InfromADUserCommon.004',
    disabled: true,
    flows: ['a', 'b', 'c', 'd', 'e'].map((target) => ({
      target,
      flowType: 'Direct' as const,
      sources: [target],
      expression: null,
      constant: null,
      mergeType: 'Update' as const,
      applyOnce: false,
    })),
  })

  it("finds the enabled custom copy by the original's name in its name", () => {
    const copy = rule('Contoso - In from AD - User Common', 90)

    expect(findClone([original, copy, rule('Other', 91)], original)).toBe(copy)
  })

  it('finds a renamed copy by the mappings it shares with the original, not a rule of another object type', () => {
    const renamed = rule('Users base', 80, { flows: original.flows.slice(0, 4) })
    const contact = rule('Contacts base', 81, { sourceObjectType: 'contact', flows: original.flows })

    expect(findClone([original, contact, renamed], original)).toBe(renamed)
    expect(findClone([original, contact], original)).toBe(null)
  })

  it('names rules the way the out-of-box ones are named, and gives ids no rule has', () => {
    expect(customRuleName(original, 'Inbound', 'contoso.com', 'user', 'employeeNumber')).toBe(
      'Custom - In from AD - User employeeNumber',
    )
    expect(customRuleName(null, 'Outbound', 'Fabrikam', 'user', 'x')).toBe(
      'Custom - Out to Fabrikam - User x',
    )
    expect(cloneName(original)).toBe('Custom - In from AD - User Common')
    const first = draftRuleId([], 'Custom - x')
    expect(draftRuleId([rule('x', 1, { id: first })], 'Custom - x')).not.toBe(first)
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

const CONTOSO = 'standard templates in the real Contoso-2016 rule set'

describe.skipIf(!samplesAvailable)(samplesAvailable ? CONTOSO : `${CONTOSO} (${SAMPLES_SKIP_REASON})`, () => {
  let configuration: ServerConfiguration
  beforeAll(async () => {
    configuration = (await loadSnapshot(folderSource(CONTOSO_SERVERCONFIG))).configuration
  })
  const connector = (type: 'AD' | 'AAD'): string =>
    configuration.connectors.find((candidate) => candidate.type === type)?.id ?? ''

  it.each([
    ['Inbound', 'AD', 'user', 'person', 'In from AD - User Common'],
    ['Inbound', 'AD', 'group', 'group', 'In from AD - Group Common'],
    ['Inbound', 'AD', 'contact', 'person', 'In from AD - Contact Common'],
    ['Outbound', 'AAD', 'user', 'person', 'Out to AAD - User Identity'],
    ['Outbound', 'AAD', 'group', 'group', 'Out to AAD - Group Identity'],
    ['Outbound', 'AAD', 'contact', 'person', 'Out to AAD - Contact Identity'],
  ] as const)('%s %s %s/%s: %s', (direction, type, csType, mvType, expected) => {
    expect(standardTemplate(configuration.rules, direction, connector(type), csType, mvType)?.name).toBe(
      expected,
    )
  })

  it('leaves 0 to 99 free for custom rules in an unmodified configuration', () => {
    expect(freePrecedence(configuration.rules)).toBe(99)
  })
})
