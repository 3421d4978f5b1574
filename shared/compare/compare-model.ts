/**
 * What a comparison of two snapshots produces: plain data, the same for the command line (text, JSON, HTML)
 * and the app. Snapshot A is the reference ("before", the active server); B is the other one ("after", staging).
 */
import type { ConnectorType } from '../model/connector'
import type { RuleDirection } from '../model/sync-rule'

/** One of the two compared snapshots. */
export type Side = 'a' | 'b'

/** A compared snapshot, in a few facts. */
export interface SnapshotFacts {
  readonly name: string
  /** The sync server's name, when the export says. */
  readonly server: string | null
  /** The Entra Connect build that wrote the configuration, when the export says. */
  readonly version: string | null
  readonly connectors: number
  readonly rules: number
  readonly csObjects: number
  readonly mvObjects: number
  /** Load warnings of the whole snapshot (`synclens summary` lists them). */
  readonly warnings: number
  /**
   * The first load warnings of its configuration files (connectors, rules, metaverse), as `file:line:column:
   * message`: a rule in a file that could not be read shows as removed, so a comparison says so up front.
   */
  readonly configurationWarnings: readonly string[]
  /** Configuration warnings in all (more than those listed when there are many). */
  readonly configurationWarningCount: number
}

/** How two connectors were paired. */
export type ConnectorMatchKind = 'name' | 'id' | 'type-and-partition' | 'only-of-type'

/** How two rules were paired. */
export type RuleMatchKind = 'id' | 'name'

/** Whether a thing exists on one side only, or on both with different content. */
export type ChangeKind = 'added' | 'removed' | 'changed'

/**
 * One difference, the unit every count and listing uses: a rule's precedence, one scoping clause, one
 * transformation's expression, one selected attribute, one schema attribute.
 */
export interface Difference {
  readonly change: ChangeKind
  /** Machine path inside the subject: `['precedence']`, `['scope', '1']`, `['transformations', 'mail', 'expression']`. */
  readonly path: readonly string[]
  /** What changed, for a reader: `Precedence`, `Scoping filter group 1`, `Transformation mail: expression`. */
  readonly label: string
  /** The value in A; null when the thing is absent from A. */
  readonly before: string | null
  /** The value in B; null when the thing is absent from B. */
  readonly after: string | null
}

/** A connector of one snapshot, as comparisons name it. */
export interface ConnectorFacts {
  readonly id: string
  readonly name: string
  readonly type: ConnectorType
}

/** Two connectors paired (or one without a partner) and what differs between them. */
export interface ConnectorComparison {
  readonly a: ConnectorFacts | null
  readonly b: ConnectorFacts | null
  readonly matchedBy: ConnectorMatchKind | null
  /** One sentence on how the pair was found, when it was not by name (`renamed: matched by type and partition`). */
  readonly matchNote: string | null
  readonly differences: readonly Difference[]
}

/** A rule of one snapshot, as comparisons name it. */
export interface RuleFacts {
  readonly id: string
  readonly name: string
  readonly direction: RuleDirection
  readonly precedence: number
  readonly connector: string
  readonly immutableTag: string
}

/** Two rules paired (or one without a partner) and what differs between them. */
export interface RuleComparison {
  readonly direction: RuleDirection
  readonly a: RuleFacts | null
  readonly b: RuleFacts | null
  readonly matchedBy: RuleMatchKind | null
  readonly differences: readonly Difference[]
  /** For a rule only in B: the rule of A it looks cloned from (the supported way to change a rule), else null. */
  readonly cloneOf: CloneSource | null
}

/** The rule a new rule looks cloned from: same direction, connector and object types, most transformations alike. */
export interface CloneSource {
  readonly rule: RuleFacts
  /** The new rule's transformations that are the same in the source. */
  readonly sameTransformations: number
  /** The new rule's transformations. */
  readonly transformations: number
}

/** Where an out-of-box rule was found edited in place. */
export type EditEvidence = 'other-snapshot' | 'default-set'

/**
 * An out-of-box rule changed in place instead of cloned (the supported way: clone it, disable the original).
 * Upgrades overwrite such edits.
 */
export interface OutOfBoxEdit {
  /** The snapshot holding the edited rule; `both` when the same edit is in both, null when it cannot be told which. */
  readonly side: Side | 'both' | null
  readonly rule: RuleFacts
  readonly evidence: EditEvidence
  /** One sentence saying what was found. */
  readonly message: string
  /** What differs: field labels, or `42 transformations where the default has 68`. */
  readonly details: readonly string[]
}

/** The configuration differences of two snapshots. */
export interface ConfigurationComparison {
  /** Every connector pair, changed or not (unchanged ones have no differences). */
  readonly connectors: readonly ConnectorComparison[]
  /** Rule pairs with at least one difference, by direction then precedence. */
  readonly rules: readonly RuleComparison[]
  /** Rules paired without any difference. */
  readonly unchangedRules: number
  readonly schema: readonly Difference[]
  /** Global settings (`Microsoft.OptionalFeature.*`, the configuration version, ...). */
  readonly settings: readonly Difference[]
  readonly outOfBoxEdits: readonly OutOfBoxEdit[]
  /** What could not be compared and why (a snapshot without a metaverse configuration, ...). */
  readonly notes: readonly string[]
  /** Total number of differences (connectors, rules, schema and settings). */
  readonly differenceCount: number
}

/** Which objects the impact was computed on. */
export type ImpactMode =
  /** Both snapshots hold objects: each configuration on its own snapshot's copy of the object. */
  | 'own-objects'
  /** Only A holds objects: both configurations applied to A's objects. */
  | 'a-objects'
  /** Only B holds objects: both configurations applied to B's objects. */
  | 'b-objects'
  /** Neither snapshot holds objects. */
  | 'none'

/** What Entra ID would hold for one attribute after a synchronization under one configuration. */
export type ExportValue =
  | { readonly kind: 'values'; readonly values: readonly string[] }
  /** The flow raises an error: the object gets a synchronization error and nothing of it is exported. */
  | { readonly kind: 'error'; readonly message: string }
  /** No enabled flow writes it, or it is not selected on the connector: Entra ID keeps what it has. */
  | {
      readonly kind: 'unmanaged'
      readonly why: 'no-flow' | 'not-selected'
      readonly current: readonly string[]
    }

/** A rule as impact results name it. */
export interface ImpactRule {
  readonly id: string
  readonly name: string
  readonly precedence: number
}

/** One attribute of one object that would change in Entra ID. */
export interface AttributeImpact {
  /** The Entra ID attribute. */
  readonly attribute: string
  readonly before: ExportValue
  readonly after: ExportValue
  /** The outbound rule that gives the value under A's configuration, null when none does. */
  readonly beforeRule: ImpactRule | null
  readonly afterRule: ImpactRule | null
  /** The inbound rule that computed the metaverse value the outbound flow reads, where it was recomputed. */
  readonly beforeInboundRule: ImpactRule | null
  readonly afterInboundRule: ImpactRule | null
}

/** What happens to an object in Entra ID when B's configuration replaces A's. */
export type ImpactEvent =
  /** It stays in Entra ID and some attributes change. */
  | 'changed'
  /** It is not in Entra ID under A's configuration and would be created under B's. */
  | 'provisioned'
  /** It is in Entra ID under A's configuration and would be deleted under B's. */
  | 'deleted'
  /** A connector-space object leaves synchronization (the Entra ID object itself stays). */
  | 'disconnected'

/** One object whose Entra ID state would change. */
export interface ObjectImpact {
  /** The key the object was matched by (connector and anchor, or connector and DN). */
  readonly key: string
  /** The DN of its source object (the first source connector's), for display and `--object`. */
  readonly dn: string
  /** The connector of that source object. */
  readonly connector: string
  /** Metaverse object type. */
  readonly objectType: string
  readonly event: ImpactEvent
  /** One or two sentences naming the cause (the rule and clause, the filter, the missing object). */
  readonly reason: string
  readonly changes: readonly AttributeImpact[]
  /** Own-objects mode: the object's source data differs between the snapshots (so data, not rules, may explain a change). */
  readonly dataDiffers: boolean
  /** Metaverse object ids on each side, when there is one (for opening the object). */
  readonly aMvId: string | null
  readonly bMvId: string | null
}

/** Counts of an impact, for the summary line and the report header. */
export interface ImpactCounts {
  readonly objectsCompared: number
  readonly changed: number
  readonly provisioned: number
  readonly deleted: number
  readonly disconnected: number
  readonly attributeChanges: number
  /** Own-objects mode: objects whose source data differs between the snapshots. */
  readonly dataDiffers: number
  /** Own-objects mode: objects held by one snapshot only. */
  readonly onlyInA: number
  readonly onlyInB: number
}

/** How many objects change one Entra ID attribute. */
export interface AttributeTally {
  readonly attribute: string
  readonly objects: number
}

/** The effect of B's configuration, compared with A's, on the objects. */
export interface Impact {
  readonly mode: ImpactMode
  /** One sentence saying which objects were evaluated under which configuration. */
  readonly basis: string
  /** The Entra ID connector the export flow was computed for (its name in the data's snapshot), null without one. */
  readonly target: string | null
  readonly counts: ImpactCounts
  readonly byAttribute: readonly AttributeTally[]
  /** Objects with a change, sorted by event then DN. */
  readonly objects: readonly ObjectImpact[]
  /** What the impact cannot tell from the snapshots (objects never imported, attributes newly selected). */
  readonly caveats: readonly string[]
  readonly elapsedMs: number
}

/** A comparison of two snapshots: configuration and, when asked, the impact on objects. */
export interface Comparison {
  readonly a: SnapshotFacts
  readonly b: SnapshotFacts
  readonly configuration: ConfigurationComparison
  readonly impact: Impact | null
  /** ISO time the comparison was made. */
  readonly generatedAt: string
}
