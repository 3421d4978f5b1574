/**
 * The choices a drafted rule follows, from Microsoft's guidance for custom rules: precedence below 100 and not
 * taken, the scope of the standard rule of the same connector and object types, no join or provisioning, names
 * that say what the rule is, and a copy (never an in-place edit) of an out-of-box rule.
 */
import { derivedRuleId } from '../formats/ps1/rule-fields'
import type { Connector } from '../model/connector'
import type { DirectorySchema } from '../model/schema'
import {
  connectedObjectType,
  isStandardRule,
  metaverseObjectType,
  type RuleDirection,
  type SyncRule,
} from '../model/sync-rule'

/** Custom rules take precedence 0 to 99; out-of-box rules start at 100. */
export const CUSTOM_PRECEDENCE_LIMIT = 100

/**
 * The highest precedence below `below` (and below 100) that no rule holds, so the new rule runs after every
 * custom rule it does not need to beat; null when every number is taken.
 */
export function freePrecedence(
  rules: readonly SyncRule[],
  below: number = CUSTOM_PRECEDENCE_LIMIT,
  ignoring: ReadonlySet<string> = new Set(),
): number | null {
  const taken = new Set(rules.filter((rule) => !ignoring.has(rule.id)).map((rule) => rule.precedence))
  for (let candidate = Math.min(below, CUSTOM_PRECEDENCE_LIMIT) - 1; candidate >= 0; candidate--) {
    if (!taken.has(candidate)) return candidate
  }
  return null
}

/** The lowest precedence above `above` that no rule holds (custom rules stay below 100 when they can). */
export function freePrecedenceAbove(
  rules: readonly SyncRule[],
  above: number,
  limit: number,
  ignoring: ReadonlySet<string> = new Set(),
): number | null {
  const taken = new Set(rules.filter((rule) => !ignoring.has(rule.id)).map((rule) => rule.precedence))
  for (let candidate = above + 1; candidate < limit; candidate++) {
    if (!taken.has(candidate)) return candidate
  }
  return null
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/** The rules of one connector, direction and pair of object types. */
export function rulesFor(
  rules: readonly SyncRule[],
  direction: RuleDirection,
  connectorId: string,
  csObjectType: string,
  mvObjectType: string | null,
): readonly SyncRule[] {
  return rules.filter(
    (rule) =>
      rule.direction === direction &&
      rule.connectorId === connectorId &&
      same(connectedObjectType(rule), csObjectType) &&
      (mvObjectType === null || same(metaverseObjectType(rule), mvObjectType)),
  )
}

/**
 * The standard rule a new rule copies its scope and object types from: the out-of-box rule of the connector
 * and object types that carries the ordinary attributes (In from AD - User Common, Out to AAD - User Identity):
 * not provisioning, with flows; out-of-box, then named Common or Identity, then without join criteria first.
 */
export function standardTemplate(
  rules: readonly SyncRule[],
  direction: RuleDirection,
  connectorId: string,
  csObjectType: string,
  mvObjectType: string | null,
): SyncRule | null {
  const candidates = rulesFor(rules, direction, connectorId, csObjectType, mvObjectType).filter(
    (rule) => metaverseObjectType(rule) !== '*',
  )
  const plain = candidates.filter((rule) => rule.linkType !== 'Provision' && rule.flows.length > 0)
  const name = direction === 'Inbound' ? /\bcommon$/i : /\bidentity$/i
  const rank = (rule: SyncRule): number =>
    (isStandardRule(rule) ? 8 : 0) +
    (name.test(rule.name) ? 4 : 0) +
    (rule.joinGroups.length === 0 ? 2 : 0) +
    (rule.disabled ? 0 : 1)
  const ordered = [...(plain.length > 0 ? plain : candidates)].sort(
    (a, b) => rank(b) - rank(a) || b.flows.length - a.flows.length || a.precedence - b.precedence,
  )
  return ordered[0] ?? null
}

/**
 * The enabled custom copy of an out-of-box rule, as the Rules Editor makes it when an admin edits one: same
 * connector, direction and object types, and the original's name in its name or description, or most of the
 * original's target attributes.
 */
export function findClone(rules: readonly SyncRule[], original: SyncRule): SyncRule | null {
  const siblings = rulesFor(
    rules,
    original.direction,
    original.connectorId,
    connectedObjectType(original),
    metaverseObjectType(original),
  ).filter((rule) => rule.id !== original.id && !rule.disabled && !isStandardRule(rule))
  const named = siblings.find(
    (rule) =>
      rule.name.toLowerCase().includes(original.name.toLowerCase()) ||
      rule.description.toLowerCase().includes(original.name.toLowerCase()),
  )
  if (named) return named
  const targets = new Set(original.flows.map((flow) => flow.target.toLowerCase()))
  if (targets.size === 0) return null
  const overlap = (rule: SyncRule): number =>
    rule.flows.filter((flow) => targets.has(flow.target.toLowerCase())).length / targets.size
  return siblings.filter((rule) => overlap(rule) >= 0.6).sort((a, b) => overlap(b) - overlap(a))[0] ?? null
}

/** The name of a schema attribute spelled as the schema spells it (case-insensitive match), or null. */
export function schemaAttribute(schema: DirectorySchema | null, name: string): string | null {
  return schema?.attributes.find((attribute) => same(attribute.name, name))?.name ?? null
}

/** The rule name an admin would give a custom rule: the template's name pattern with the attribute. */
export function customRuleName(
  template: SyncRule | null,
  direction: RuleDirection,
  connector: string,
  csObjectType: string,
  attribute: string,
): string {
  const stem = template
    ? template.name.replace(/\s+\S+$/, '')
    : `${direction === 'Inbound' ? 'In from' : 'Out to'} ${connector} - ${capitalize(csObjectType)}`
  return `Custom - ${stem} ${attribute}`
}

/** The name of a custom copy of a rule. */
export function cloneName(original: SyncRule): string {
  return `Custom - ${original.name}`
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A rule id for a drafted rule: stable for the same name, different from every existing id. */
export function draftRuleId(rules: readonly SyncRule[], name: string): string {
  const taken = new Set(rules.map((rule) => rule.id))
  let id = derivedRuleId(`SyncLens draft ${name}`)
  for (let attempt = 1; taken.has(id); attempt++) id = derivedRuleId(`SyncLens draft ${name} ${attempt}`)
  return id
}

/** The connector with this id, or null. */
export function connectorById(connectors: readonly Connector[], id: string): Connector | null {
  return connectors.find((connector) => connector.id === id) ?? null
}
