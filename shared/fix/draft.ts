/**
 * A drafted fix: the rule and connector changes that make one attribute of one object flow, as plain data the
 * UI edits and the preview applies to an in-memory copy of the configuration. Nothing here touches a snapshot.
 */
import type { DiagnosisCode } from '../engine/codes'
import { type Connector, normalizeGuid } from '../model/connector'
import { compareRules, isStandardRule, type SyncRule } from '../model/sync-rule'
import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'

/** Which object and attribute a draft is for. */
export interface FixTarget {
  readonly csObjectId: string
  readonly dn: string
  /** The connector of the connector-space object. */
  readonly connectorId: string
  readonly connectorName: string
  /** The attribute as asked (CS or MV name). */
  readonly attribute: string
  /** The connector the value should reach; null for the default (Entra ID). */
  readonly targetConnectorId: string | null
}

/** How a rule change relates to the configuration. */
export type RuleChangeKind =
  /** A new custom rule. */
  | 'add-rule'
  /** A custom copy of an out-of-box rule; the original is disabled, as Microsoft requires. */
  | 'clone-rule'
  /** A custom rule changed in place (out-of-box rules are never edited in place). */
  | 'edit-rule'

/** A rule the draft adds, clones or changes. */
export interface RuleChange {
  readonly kind: RuleChangeKind
  /** The rule as the draft makes it. */
  readonly rule: SyncRule
  /** The rule it starts from: null for a new rule, the out-of-box original for a clone, the custom rule edited. */
  readonly original: SyncRule | null
  /** The break it addresses. */
  readonly fixes: DiagnosisCode
  /** What the change does, in one sentence. */
  readonly summary: string
}

/** An attribute added to a connector's attribute inclusion list (Select Attributes). */
export interface SelectionChange {
  readonly kind: 'select-attribute'
  readonly connectorId: string
  readonly connectorName: string
  readonly attribute: string
  /** `import`: the source side, whose values arrive with the next full import; `export`: the target side. */
  readonly side: 'import' | 'export'
  /**
   * The values the object is assumed to hold once imported: the snapshot cannot have them, since an attribute
   * that is not selected is never imported. The user replaces them with what the directory holds.
   */
  readonly standIn: readonly string[]
  readonly fixes: DiagnosisCode
  readonly summary: string
}

/** One change of a draft. */
export type DraftChange = RuleChange | SelectionChange

/** A break on the path that no rule or connector change fixes, with what to do instead. */
export interface RemainingBreak {
  readonly code: DiagnosisCode
  readonly message: string
  readonly advice: string
}

/** The proposal for one attribute of one object. */
export interface FixDraft {
  readonly target: FixTarget
  /** The verdict before the change. */
  readonly verdict: DiagnosisCode
  readonly changes: readonly DraftChange[]
  /** What the changes leave broken, or why nothing can be drafted. */
  readonly remaining: readonly RemainingBreak[]
  /** Things the admin should know about the proposal (precedence moves, stand-in values, ...). */
  readonly notes: readonly string[]
}

/** True for a change that writes a rule (as opposed to a connector selection). */
export function isRuleChange(change: DraftChange): change is RuleChange {
  return change.kind !== 'select-attribute'
}

/** The configuration with the draft applied: clones added and originals disabled, edits in place, selections added. */
export function applyDraft(configuration: ServerConfiguration, draft: FixDraft): ServerConfiguration {
  if (draft.changes.length === 0) return configuration
  const replaced = new Map<string, SyncRule>()
  const added: SyncRule[] = []
  for (const change of draft.changes) {
    if (!isRuleChange(change)) continue
    switch (change.kind) {
      case 'add-rule':
        added.push(change.rule)
        break
      case 'clone-rule':
        added.push(change.rule)
        if (change.original) replaced.set(change.original.id, { ...change.original, disabled: true })
        break
      case 'edit-rule':
        replaced.set(change.rule.id, change.rule)
        break
    }
  }
  const rules = [...configuration.rules.map((rule) => replaced.get(rule.id) ?? rule), ...added].sort(
    compareRules,
  )
  const selections = draft.changes.filter((change) => !isRuleChange(change))
  const connectors =
    selections.length === 0
      ? configuration.connectors
      : configuration.connectors.map((connector) => withSelections(connector, selections))
  return { ...configuration, rules, connectors }
}

function withSelections(connector: Connector, selections: readonly DraftChange[]): Connector {
  const names = selections
    .filter(
      (change): change is SelectionChange =>
        change.kind === 'select-attribute' && normalizeGuid(change.connectorId) === connector.id,
    )
    .map((change) => change.attribute)
  const known = new Set(connector.selectedAttributes.map((name) => name.toLowerCase()))
  const missing = names.filter((name) => !known.has(name.toLowerCase()))
  return missing.length === 0
    ? connector
    : { ...connector, selectedAttributes: [...connector.selectedAttributes, ...missing] }
}

/** The rules a script for this draft writes: each new or changed rule, then each out-of-box original it disables. */
export function draftRules(draft: FixDraft): readonly SyncRule[] {
  const rules: SyncRule[] = []
  const disabled: SyncRule[] = []
  for (const change of draft.changes) {
    if (!isRuleChange(change)) continue
    rules.push(change.rule)
    if (change.kind === 'clone-rule' && change.original && !change.original.disabled) {
      disabled.push({ ...change.original, disabled: true })
    }
  }
  return [...rules, ...disabled]
}

/**
 * A draft that came back from the window, reconciled with the configuration it applies to: each rule change's
 * original is the configuration's own rule (never what the draft says it was), and connector names are the
 * configuration's. The window edits the drafted rules; the originals and connectors are not its to change.
 */
export function reconcileDraft(configuration: ServerConfiguration, draft: FixDraft): FixDraft {
  const rules = new Map(configuration.rules.map((rule) => [rule.id, rule]))
  const connectors = new Map(configuration.connectors.map((connector) => [connector.id, connector]))
  const changes = draft.changes.map((change): DraftChange => {
    if (!isRuleChange(change)) {
      const connector = connectors.get(normalizeGuid(change.connectorId))
      return connector ? { ...change, connectorId: connector.id, connectorName: connector.name } : change
    }
    const id = change.kind === 'edit-rule' ? change.rule.id : (change.original?.id ?? '')
    const original = change.kind === 'add-rule' ? null : (rules.get(id) ?? null)
    const connectorName = connectors.get(change.rule.connectorId)?.name ?? change.rule.connectorName
    return { ...change, original, rule: { ...change.rule, connectorName } }
  })
  return { ...draft, changes }
}

/** True when a change would edit an out-of-box rule in place, which the draft never does. */
export function editsStandardRuleInPlace(change: DraftChange): boolean {
  return change.kind === 'edit-rule' && change.original !== null && isStandardRule(change.original)
}
