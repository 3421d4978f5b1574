/**
 * Precedence resolution (docs/ENGINE.md, Precedence), as the generator applies it to fill
 * the metaverse and the Entra ID connector space with what the rules produce.
 *
 * Per target attribute, the in-scope enabled rules are walked by precedence: NULL and IgnoreThisFlow
 * fall through (IgnoreThisFlow keeps the existing value when nothing else contributes),
 * AuthoritativeNull blanks the value, an error stops the whole object, the first value wins. Apply
 * Once mappings apply only while the target object is being created. Only Update merging is used.
 */
import type { Attributes } from '../attributes'
import type { FlowSpec, RuleSpec } from '../rules/rule-spec'
import { inScope } from './scope'

/** The value an attribute ends with and the rule that gave it (the lineage). */
export interface Contribution {
  readonly values: readonly string[]
  readonly rule: RuleSpec
}

/** Resolved attributes by name. */
export type Contributions = ReadonlyMap<string, Contribution>

/** One source object with the rules that read it. */
export interface RuleInput {
  readonly rules: readonly RuleSpec[]
  readonly source: Attributes
}

/** How the resolution runs. */
export interface ResolveOptions {
  /** True while the target object is created: Apply Once mappings apply. */
  readonly creating: boolean
  /** What the target held before, kept where IgnoreThisFlow or Apply Once contribute nothing. */
  readonly existing: Contributions | null
}

/** A mapping error: the object fails to synchronize and nothing of it changes. */
export interface ResolveError {
  readonly rule: RuleSpec
  readonly target: string
  readonly message: string
}

/** The outcome: the attributes, or the error that stopped the object. */
export type Resolution =
  | { readonly ok: true; readonly attributes: Contributions }
  | { readonly ok: false; readonly error: ResolveError }

interface PlannedFlow {
  /** Which input's source the flow reads. */
  readonly input: number
  readonly rule: RuleSpec
  readonly flow: FlowSpec
}

/** Every target of a set of rule lists, with its mappings in precedence order: worked out once per set. */
type Plan = readonly (readonly [target: string, flows: readonly PlannedFlow[]])[]

/** A trie over rule lists (weakly held), so plans for lists that are gone are collected too. */
interface PlanNode {
  readonly next: WeakMap<readonly RuleSpec[], PlanNode>
  plan: Plan | null
}

const PLANS: PlanNode = { next: new WeakMap(), plan: null }

function byPrecedence(left: PlannedFlow, right: PlannedFlow): number {
  if (left.rule.precedence !== right.rule.precedence) return left.rule.precedence - right.rule.precedence
  return left.rule.name < right.rule.name ? -1 : left.rule.name > right.rule.name ? 1 : 0
}

function planFor(inputs: readonly RuleInput[]): Plan {
  let node = PLANS
  for (const { rules } of inputs) {
    let child = node.next.get(rules)
    if (!child) {
      child = { next: new WeakMap(), plan: null }
      node.next.set(rules, child)
    }
    node = child
  }
  if (node.plan) return node.plan
  const byTarget = new Map<string, PlannedFlow[]>()
  inputs.forEach(({ rules }, input) => {
    for (const rule of rules) {
      if (rule.disabled) continue
      for (const flow of rule.flows) {
        const list = byTarget.get(flow.target)
        if (list) list.push({ input, rule, flow })
        else byTarget.set(flow.target, [{ input, rule, flow }])
      }
    }
  })
  const plan: Plan = [...byTarget].map(([target, flows]) => [target, flows.sort(byPrecedence)] as const)
  node.plan = plan
  return plan
}

/** Resolves every target attribute the in-scope enabled rules map. */
export function resolve(inputs: readonly RuleInput[], options: ResolveOptions): Resolution {
  const scopes = new Map<RuleSpec, boolean>()
  const ruleInScope = (rule: RuleSpec, source: Attributes): boolean => {
    let result = scopes.get(rule)
    if (result === undefined) {
      result = inScope(rule.scope, source)
      scopes.set(rule, result)
    }
    return result
  }
  const attributes = new Map<string, Contribution>()
  for (const [target, flows] of planFor(inputs)) {
    let keepExisting = false
    let decided = false
    for (const { input, rule, flow } of flows) {
      const source = inputs[input]?.source
      if (source === undefined || !ruleInScope(rule, source)) continue
      if (flow.applyOnce && !options.creating) {
        keepExisting = true
        continue
      }
      const result = flow.compute(source)
      if (result.kind === 'null') continue
      if (result.kind === 'ignore-this-flow') {
        keepExisting = true
        continue
      }
      if (result.kind === 'error') return { ok: false, error: { rule, target, message: result.message } }
      if (result.kind === 'value') attributes.set(target, { values: result.values, rule })
      decided = true
      break
    }
    const existing = options.existing?.get(target)
    if (!decided && keepExisting && existing) attributes.set(target, existing)
  }
  return { ok: true, attributes }
}

/** The attributes as plain values (dropping lineage). */
export function valuesOnly(contributions: Contributions): Attributes {
  const values = new Map<string, readonly string[]>()
  for (const [name, contribution] of contributions) values.set(name, contribution.values)
  return values
}
