/**
 * A sync rule as the generator defines it: what the rule file says (name, scope, join, mappings)
 * plus, for each mapping, a function computing what the mapping yields, so the metaverse and the
 * Entra ID connector space hold exactly what the rules produce.
 */
import type { LinkType, RuleDirection, ScopeOperator } from '../../model/sync-rule'
import type { Attributes } from '../attributes'
import { stableGuid } from '../identifiers'

/** What one mapping yields for one object: a value or one of the "no value" literals (docs/ENGINE.md). */
export type FlowResult =
  | { readonly kind: 'value'; readonly values: readonly string[] }
  | { readonly kind: 'null' }
  | { readonly kind: 'ignore-this-flow' }
  | { readonly kind: 'authoritative-null' }
  | { readonly kind: 'error'; readonly message: string }

/** Computes a mapping from the source object's attributes. */
export type FlowCompute = (source: Attributes) => FlowResult

/** One attribute mapping (transformation) of a rule. */
export interface FlowSpec {
  readonly target: string
  /** The `<src><attr>` list: the attributes the mapping reads. */
  readonly sources: readonly string[]
  /** Expression text, null for Direct and Constant mappings. */
  readonly expression: string | null
  /** Constant text, null unless the mapping is a Constant. */
  readonly constant: string | null
  readonly applyOnce: boolean
  readonly compute: FlowCompute
}

/** One scoping clause. For outbound rules the attribute is a metaverse attribute. */
export interface ScopeClauseSpec {
  readonly attribute: string
  readonly operator: ScopeOperator
  readonly value: string
}

/** One join condition: connector-space attribute = metaverse attribute. */
export interface JoinConditionSpec {
  readonly csAttribute: string
  readonly mvAttribute: string
}

/** The connector a rule belongs to. */
export type ConnectorRole = 'ad' | 'aad'

/** A sync rule. */
export interface RuleSpec {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly direction: RuleDirection
  readonly connector: ConnectorRole
  readonly sourceObjectType: string
  readonly targetObjectType: string
  readonly linkType: LinkType
  readonly precedence: number
  readonly disabled: boolean
  /** `Microsoft.<Name>.<NNN>` for out-of-box rules, empty for Contoso's own. */
  readonly immutableTag: string
  readonly passwordSync: boolean
  /** Groups OR-ed, clauses AND-ed. */
  readonly scope: readonly (readonly ScopeClauseSpec[])[]
  /** Groups tried in order, conditions AND-ed. */
  readonly join: readonly (readonly JoinConditionSpec[])[]
  readonly flows: readonly FlowSpec[]
}

/** What a rule definition gives; the id is derived from the name. */
export type RuleDefinition = Omit<RuleSpec, 'id' | 'disabled' | 'immutableTag' | 'passwordSync' | 'join'> &
  Partial<Pick<RuleSpec, 'disabled' | 'immutableTag' | 'passwordSync' | 'join'>>

/** Builds a rule with a stable id (the same for every seed, so trainers can refer to it). */
export function defineRule(definition: RuleDefinition): RuleSpec {
  return {
    disabled: false,
    immutableTag: '',
    passwordSync: false,
    join: [],
    ...definition,
    id: stableGuid(`sync-rule ${definition.name}`),
  }
}

/** A scoping clause. */
export function clause(attribute: string, operator: ScopeOperator, value = ''): ScopeClauseSpec {
  return { attribute, operator, value }
}

/** A join condition. */
export function joinOn(csAttribute: string, mvAttribute: string): JoinConditionSpec {
  return { csAttribute, mvAttribute }
}
