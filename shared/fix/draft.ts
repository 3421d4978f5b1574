/**
 * A drafted fix: the rule and connector changes that make one attribute of one object flow, as plain data the
 * UI edits and the preview applies to an in-memory copy of the configuration. Nothing here touches a snapshot.
 */
import type { DiagnosisCode } from '../model/diagnosis-codes'
import { type Connector, normalizeGuid, type Partition } from '../model/connector'
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

/** One edit of a connector's container filter (Configure Directory Partitions). */
export type ContainerEdit =
  /** The container is no longer excluded. */
  | { readonly kind: 'remove-exclusion'; readonly container: string }
  /** The container is added to the partition's inclusions. */
  | { readonly kind: 'add-inclusion'; readonly container: string }
  /** The partition is selected. */
  | { readonly kind: 'select-partition' }
  /** The object class is added to the classes the partition imports. */
  | { readonly kind: 'select-object-class'; readonly objectClass: string }

/**
 * A connector's container filter widened so that an object lies inside it again (OU_FILTERED). Like a
 * selection, it is a connector change an admin makes by hand; no rule script carries it.
 */
export interface ContainerChange {
  readonly kind: 'include-container'
  readonly connectorId: string
  readonly connectorName: string
  /** The partition (naming context) whose filter changes. */
  readonly partition: string
  readonly edits: readonly ContainerEdit[]
  readonly fixes: DiagnosisCode
  readonly summary: string
}

/** A change of a connector rather than of a rule. */
export type ConnectorChange = SelectionChange | ContainerChange

/** One change of a draft. */
export type DraftChange = RuleChange | ConnectorChange

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
  return change.kind !== 'select-attribute' && change.kind !== 'include-container'
}

/** The connector changes of a draft (selections and container filters), in draft order. */
export function connectorChanges(draft: FixDraft): readonly ConnectorChange[] {
  return draft.changes.filter((change): change is ConnectorChange => !isRuleChange(change))
}

/** The attribute selections of a draft. */
export function selectionChanges(draft: FixDraft): readonly SelectionChange[] {
  return draft.changes.filter((change): change is SelectionChange => change.kind === 'select-attribute')
}

/** The container filter changes of a draft. */
export function containerChanges(draft: FixDraft): readonly ContainerChange[] {
  return draft.changes.filter((change): change is ContainerChange => change.kind === 'include-container')
}

/** What one container edit does, in words an admin finds in Configure Directory Partitions. */
export function containerEditText(edit: ContainerEdit, partition: string): string {
  switch (edit.kind) {
    case 'remove-exclusion':
      return `clear the exclusion of ${edit.container}`
    case 'add-inclusion':
      return `include ${edit.container}`
    case 'select-partition':
      return `select the partition ${partition}`
    case 'select-object-class':
      return `select the object class ${edit.objectClass}`
  }
}

/** A partition with container edits applied. */
export function editedPartition(partition: Partition, edits: readonly ContainerEdit[]): Partition {
  let edited = partition
  for (const edit of edits) {
    switch (edit.kind) {
      case 'remove-exclusion':
        edited = {
          ...edited,
          exclusions: edited.exclusions.filter((container) => !sameDn(container, edit.container)),
        }
        break
      case 'add-inclusion':
        if (!edited.inclusions.some((container) => sameDn(container, edit.container)))
          edited = { ...edited, inclusions: [...edited.inclusions, edit.container] }
        break
      case 'select-partition':
        edited = { ...edited, selected: true }
        break
      case 'select-object-class':
        if (!edited.objectClasses.some((name) => name.toLowerCase() === edit.objectClass.toLowerCase()))
          edited = { ...edited, objectClasses: [...edited.objectClasses, edit.objectClass] }
        break
    }
  }
  return edited
}

function sameDn(a: string, b: string): boolean {
  const key = (dn: string): string =>
    dn
      .split(/(?<!\\),/)
      .map((part) => part.trim().toLowerCase())
      .join(',')
  return key(a) === key(b)
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
  const changes = connectorChanges(draft)
  const connectors =
    changes.length === 0
      ? configuration.connectors
      : configuration.connectors.map((connector) => withConnectorChanges(connector, changes))
  return { ...configuration, rules, connectors }
}

function withConnectorChanges(connector: Connector, changes: readonly ConnectorChange[]): Connector {
  const own = changes.filter((change) => normalizeGuid(change.connectorId) === connector.id)
  if (own.length === 0) return connector
  const names = own.flatMap((change) => (change.kind === 'select-attribute' ? [change.attribute] : []))
  const known = new Set(connector.selectedAttributes.map((name) => name.toLowerCase()))
  const missing = names.filter((name) => !known.has(name.toLowerCase()))
  const containers = own.filter((change): change is ContainerChange => change.kind === 'include-container')
  const partitions =
    containers.length === 0
      ? connector.partitions
      : connector.partitions.map((partition) =>
          editedPartition(
            partition,
            containers
              .filter((change) => sameDn(change.partition, partition.name))
              .flatMap((change) => change.edits),
          ),
        )
  return {
    ...connector,
    partitions,
    selectedAttributes:
      missing.length === 0 ? connector.selectedAttributes : [...connector.selectedAttributes, ...missing],
  }
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
