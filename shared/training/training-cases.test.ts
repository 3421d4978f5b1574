import { describe, expect, it } from 'vitest'
import { DIAGNOSIS_CODES, type DiagnosisCode } from '../model/diagnosis-codes'
import { firstOf, valuesOf } from './attributes'
import type { AdObject } from './directory/ad-object'
import { caseUser } from './directory/case-users'
import { EXCLUDED_CONTAINERS } from './directory/layout'
import { populationShape } from './directory/population-shape'
import type { RuleSpec } from './rules/rule-spec'
import { TRAINING_RULES } from './rules/training-rules'
import { AD_SELECTED_ATTRIBUTES } from './schema/ad-schema'
import { synchronize, type SyncedObject } from './sync/object-sync'
import { inScope } from './sync/scope'
import { descendants } from '../xml/element-tree'
import { fileTree } from './testing/generated-files'
import { CASE_DEFINITIONS, type TrainingConcept, TRAINING_CASES } from './training-cases'
import { TRAINING_CONCEPTS } from './training-concepts'
import { AD_CONNECTOR_SPACE_PATH, generateTrainingSnapshot } from './training-snapshot'

const CONCEPTS: readonly TrainingConcept[] = [
  'connector-space',
  'metaverse',
  'inbound',
  'outbound',
  'scoping',
  'join',
  'precedence',
  'expressions',
  'export',
]

const userRules = TRAINING_RULES.filter(
  (rule) => rule.direction === 'Inbound' && rule.connector === 'ad' && rule.sourceObjectType === 'user',
)

/** The inbound user rules with a mapping that reads the attribute, and those mappings. */
function readers(attribute: string): { rule: RuleSpec; target: string }[] {
  return userRules.flatMap((rule) =>
    rule.flows
      .filter((flow) => flow.sources.includes(attribute))
      .map((flow) => ({ rule, target: flow.target })),
  )
}

interface CaseFacts {
  readonly object: AdObject
  readonly synced: SyncedObject
  readonly attribute: string
}

function mvValues(facts: CaseFacts, name: string): readonly string[] {
  return facts.synced.metaverse?.get(name)?.values ?? []
}

function enabledInScopeResults(facts: CaseFacts): string[] {
  return userRules
    .filter((rule) => !rule.disabled && inScope(rule.scope, facts.object.attributes))
    .flatMap((rule) =>
      rule.flows.filter((flow) => flow.sources.includes(facts.attribute) || flow.target === facts.attribute),
    )
    .map((flow) => flow.compute(facts.object.attributes).kind)
}

/** What the generated data must show for each code: the cause the case is about, seen in the generator's own state. */
const CAUSES: Readonly<Record<DiagnosisCode, (facts: CaseFacts) => boolean>> = {
  OK: (facts) =>
    valuesOf(facts.object.attributes, facts.attribute).join() === mvValues(facts, facts.attribute).join() &&
    valuesOf(facts.synced.aad?.synchronized ?? new Map(), facts.attribute).join() ===
      mvValues(facts, facts.attribute).join() &&
    facts.synced.aad?.pending === null,
  NOT_SELECTED_ON_CONNECTOR: (facts) =>
    !AD_SELECTED_ATTRIBUTES.includes(facts.attribute) &&
    !facts.object.attributes.has(facts.attribute) &&
    readers(facts.attribute).some(({ rule }) => !rule.disabled),
  NO_SOURCE_VALUE: (facts) =>
    AD_SELECTED_ATTRIBUTES.includes(facts.attribute) &&
    !facts.object.attributes.has(facts.attribute) &&
    readers(facts.attribute).some(({ rule }) => !rule.disabled),
  NO_INBOUND_FLOW: (facts) =>
    facts.object.attributes.has(facts.attribute) &&
    readers(facts.attribute).length === 0 &&
    userRules.every((rule) => rule.flows.every((flow) => flow.target !== facts.attribute)),
  RULE_DISABLED: (facts) =>
    facts.object.attributes.has(facts.attribute) &&
    readers(facts.attribute).length > 0 &&
    readers(facts.attribute).every(({ rule }) => rule.disabled),
  RULE_OUT_OF_SCOPE: (facts) =>
    facts.object.attributes.has(facts.attribute) &&
    readers(facts.attribute).some(({ rule }) => !rule.disabled) &&
    readers(facts.attribute)
      .filter(({ rule }) => !rule.disabled)
      .every(({ rule }) => !inScope(rule.scope, facts.object.attributes)) &&
    mvValues(facts, facts.attribute).length === 0,
  OVERRIDDEN_BY_PRECEDENCE: (facts) => {
    const winner = facts.synced.metaverse?.get(facts.attribute)?.rule
    return (
      winner !== undefined &&
      !winner.flows.some((flow) => flow.sources.includes(facts.attribute)) &&
      mvValues(facts, facts.attribute).join() !== valuesOf(facts.object.attributes, facts.attribute).join()
    )
  },
  EXPRESSION_NULL: (facts) =>
    facts.object.attributes.has(facts.attribute) &&
    enabledInScopeResults(facts).length > 0 &&
    enabledInScopeResults(facts).every((kind) => kind === 'null') &&
    mvValues(facts, facts.attribute).length === 0,
  EXPRESSION_IGNORED: (facts) =>
    enabledInScopeResults(facts).includes('ignore-this-flow') &&
    mvValues(facts, facts.attribute).join() !== valuesOf(facts.object.attributes, facts.attribute).join(),
  AUTHORITATIVE_NULL: (facts) =>
    facts.object.attributes.has(facts.attribute) &&
    enabledInScopeResults(facts)[0] === 'authoritative-null' &&
    mvValues(facts, facts.attribute).length === 0,
  EXPRESSION_ERROR: (facts) =>
    enabledInScopeResults(facts).includes('error') &&
    mvValues(facts, facts.attribute).join() !== valuesOf(facts.object.attributes, facts.attribute).join(),
  APPLY_ONCE: (facts) =>
    userRules.some((rule) => rule.flows.some((flow) => flow.target === facts.attribute && flow.applyOnce)) &&
    userRules
      .filter((rule) => !rule.disabled && rule.flows.some((flow) => flow.target === facts.attribute))
      .every((rule) => rule.flows.every((flow) => flow.target !== facts.attribute || flow.applyOnce)) &&
    mvValues(facts, facts.attribute).join() !== valuesOf(facts.object.attributes, facts.attribute).join(),
  OBJECT_NOT_CONNECTED: (facts) =>
    facts.synced.metaverse !== null &&
    facts.synced.aad === null &&
    mvValues(facts, 'cloudFiltered').length === 0,
  CLOUD_FILTERED: (facts) => facts.synced.aad === null && mvValues(facts, 'cloudFiltered').join() === 'true',
  NO_OUTBOUND_FLOW: (facts) =>
    mvValues(facts, facts.attribute).length > 0 &&
    TRAINING_RULES.filter((rule) => rule.direction === 'Outbound').every((rule) =>
      rule.flows.every((flow) => !flow.sources.includes(facts.attribute)),
    ),
  PENDING_EXPORT: (facts) =>
    facts.object.history.export === 'pending' &&
    (facts.synced.aad?.pending?.changed ?? []).includes(facts.attribute) &&
    facts.object.history.exportFailure === null,
  EXPORT_ERROR: (facts) =>
    facts.object.history.export === 'failed' &&
    facts.object.history.exportFailure !== null &&
    (facts.synced.aad?.pending?.changed ?? []).includes(facts.attribute),
  MV_STALE: (facts) =>
    facts.object.history.metaverseStale &&
    !facts.object.history.importPending &&
    mvValues(facts, facts.attribute).join() !== valuesOf(facts.object.attributes, facts.attribute).join(),
  OU_FILTERED: (facts) =>
    EXCLUDED_CONTAINERS.some((container) =>
      facts.object.dn.toLowerCase().endsWith(`,${container.toLowerCase()}`),
    ) && facts.synced.aad !== null,
  OUT_OF_SYNC_SCOPE: (facts) => {
    const join = userRules.find((rule) => rule.linkType === 'Provision' && !rule.disabled)
    return (
      join !== undefined &&
      facts.object.history.metaverseStale &&
      facts.object.before !== null &&
      inScope(join.scope, facts.object.before) &&
      !inScope(join.scope, facts.object.attributes) &&
      facts.synced.aad !== null
    )
  },
  PENDING_IMPORT: (facts) =>
    facts.object.history.importPending &&
    facts.object.before !== null &&
    valuesOf(facts.object.before, facts.attribute).join() !==
      valuesOf(facts.object.attributes, facts.attribute).join() &&
    mvValues(facts, facts.attribute).join() === valuesOf(facts.object.before, facts.attribute).join(),
  REFERENCE_UNRESOLVED: (facts) => {
    const shape = populationShape(5, 500)
    const [key] = valuesOf(facts.object.attributes, facts.attribute)
    const index = CASE_DEFINITIONS.findIndex((definition) => `case:${definition.id}` === key)
    const referenced = caseUser(shape, index)
    return referenced !== null && synchronize(referenced).aad === null && facts.synced.aad !== null
  },
}

describe('TRAINING_CASES', () => {
  it('covers every diagnosis code', () => {
    const covered = new Set(TRAINING_CASES.map((trainingCase) => trainingCase.code))

    expect(DIAGNOSIS_CODES.filter((code) => !covered.has(code))).toEqual([])
  })

  it('gives each case a unique id, a known concept, a one-line title and a two-or-three sentence explanation', () => {
    const ids = TRAINING_CASES.map((trainingCase) => trainingCase.id)

    expect(new Set(ids).size).toBe(ids.length)
    for (const trainingCase of TRAINING_CASES) {
      expect(CONCEPTS).toContain(trainingCase.concept)
      expect(trainingCase.connector).toBe('contoso.com')
      expect(trainingCase.title).not.toMatch(/\n/)
      const sentences = trainingCase.explanation.split(/(?<=[.!?])\s+(?=[A-Z])/)
      expect(sentences.length, trainingCase.id).toBeGreaterThanOrEqual(2)
      expect(sentences.length, trainingCase.id).toBeLessThanOrEqual(3)
    }
  })

  it('finds every case DN in the AD connector space, whatever the seed', async () => {
    for (const seed of [1, 2]) {
      const snapshot = generateTrainingSnapshot({ users: 100, seed })
      const dns = new Set(
        descendants(await fileTree(snapshot, AD_CONNECTOR_SPACE_PATH), 'cs-object').map((object) =>
          object.attributes.get('cs-dn'),
        ),
      )

      expect(
        TRAINING_CASES.filter((trainingCase) => !dns.has(trainingCase.dn)).map(
          (trainingCase) => trainingCase.id,
        ),
      ).toEqual([])
    }
  })

  it.each(CASE_DEFINITIONS.map((definition, index) => [definition.id, definition.code, index] as const))(
    '%s: the generated data shows the cause of %s',
    (_, code, index) => {
      const object = caseUser(populationShape(5, 500), index)
      const definition = CASE_DEFINITIONS[index]
      if (!object || !definition) throw new Error(`case ${index} is missing`)

      const facts = { object, synced: synchronize(object), attribute: definition.attribute }

      expect(CAUSES[code](facts)).toBe(true)
    },
  )

  it('keeps the other cases out of each case person: one problem per person', () => {
    const shape = populationShape(5, 500)
    const people = CASE_DEFINITIONS.map((_, index) => caseUser(shape, index))

    const leavers = people.filter(
      (person) => person && firstOf(person.attributes, 'extensionAttribute1') === 'Leaver',
    )
    const stale = people.filter((person) => person?.history.metaverseStale && !person.history.importPending)
    expect(leavers.map((person) => person?.dn)).toEqual([
      TRAINING_CASES.find((entry) => entry.code === 'AUTHORITATIVE_NULL')?.dn,
    ])
    expect(stale.map((person) => person?.key)).toEqual([
      'case:title-not-synchronized',
      'case:no-sync-flag-out-of-scope',
    ])
  })
})

describe('TRAINING_CONCEPTS', () => {
  it('explains every concept the cases use, once, in a few sentences', () => {
    const concepts = TRAINING_CONCEPTS.map((entry) => entry.concept)

    expect([...concepts].sort()).toEqual([...CONCEPTS].sort())
    for (const entry of TRAINING_CONCEPTS) {
      expect(entry.title).not.toBe('')
      expect(entry.text.split(/(?<=\.)\s+/).length).toBeGreaterThanOrEqual(2)
    }
  })
})
