/**
 * Builds small snapshots in code for engine tests: connectors, rules, CS and MV objects with
 * defaults for everything a test does not care about.
 */
import { AAD_CONNECTOR_ID, type Connector, type ConnectorType } from '../../model/connector'
import { EMPTY_SCHEMA } from '../../model/schema'
import type {
  Attribute,
  AttributeType,
  CsObject,
  Delta,
  Entry,
  MvObject,
  ObjectError,
} from '../../model/objects'
import {
  type AttributeFlow,
  type LinkType,
  type MergeType,
  type RuleDirection,
  SCOPE_OPERATORS,
  type ScopeClause,
  type SyncRule,
} from '../../model/sync-rule'
import { type ObjectIndex, objectIndexFromArrays } from '../../model/object-index'
import { buildRuleIndex, type RuleIndex } from '../rule-index'

/** Attribute values by name: one string, several, or (for `types`) the attribute type. */
export type AttributeSpec = Readonly<Record<string, string | readonly string[]>>

/** What a test says about a connector. */
export interface ConnectorSpec {
  readonly id?: string
  readonly name: string
  readonly type?: ConnectorType
  readonly selected?: readonly string[]
  /** Partition DNs, e.g. `DC=contoso,DC=com`. */
  readonly partitions?: readonly string[]
  readonly parameters?: Readonly<Record<string, string>>
}

let counter = 0

/** A fresh lower-case GUID-shaped id, predictable within a test run. */
export function nextId(): string {
  counter += 1
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`
}

/** An AD-style connector (type AD unless said otherwise). */
export function connector(spec: ConnectorSpec): Connector {
  return {
    id: spec.id ?? nextId(),
    name: spec.name,
    type: spec.type ?? 'AD',
    category: spec.type === 'AAD' ? 'Extensible2' : 'AD',
    subtype: '',
    description: '',
    selectedAttributes: spec.selected ?? [],
    partitions: (spec.partitions ?? []).map((name) => ({
      name,
      selected: true,
      objectClasses: [],
      inclusions: [],
      exclusions: [],
      parameters: [],
    })),
    schema: EMPTY_SCHEMA,
    parameters: Object.entries(spec.parameters ?? {}),
    origin: `Connectors/Connector_{${spec.name}}.xml`,
  }
}

/** The Entra ID connector with its fixed GUID. */
export function aadConnector(selected: readonly string[] = []): Connector {
  return connector({ id: AAD_CONNECTOR_ID, name: 'contoso.onmicrosoft.com - AAD', type: 'AAD', selected })
}

/** Options every flow builder accepts. */
export interface FlowOptions {
  readonly mergeType?: MergeType
  readonly applyOnce?: boolean
}

/** Flow builders: `flow.direct('mail', 'mail')`, `flow.constant('accountEnabled', 'True')`, `flow.expression(...)`. */
export const flow = {
  direct: (target: string, source: string, options: FlowOptions = {}): AttributeFlow => ({
    target,
    flowType: 'Direct',
    sources: [source],
    expression: null,
    constant: null,
    mergeType: options.mergeType ?? 'Update',
    applyOnce: options.applyOnce ?? false,
  }),
  constant: (target: string, value: string, options: FlowOptions = {}): AttributeFlow => ({
    target,
    flowType: 'Constant',
    sources: [],
    expression: null,
    constant: value,
    mergeType: options.mergeType ?? 'Update',
    applyOnce: options.applyOnce ?? false,
  }),
  expression: (
    target: string,
    text: string,
    sources: readonly string[] = [...text.matchAll(/\[([^\]]+)\]/g)].flatMap((match) =>
      match[1] ? [match[1]] : [],
    ),
    options: FlowOptions = {},
  ): AttributeFlow => ({
    target,
    flowType: 'Expression',
    sources,
    expression: text,
    constant: null,
    mergeType: options.mergeType ?? 'Update',
    applyOnce: options.applyOnce ?? false,
  }),
}

/** Parses `attribute OPERATOR value` (value may contain spaces; none for ISNULL / ISNOTNULL). */
export function clause(text: string): ScopeClause {
  const [attribute = '', operator = '', ...rest] = text.trim().split(/\s+/)
  const known = SCOPE_OPERATORS.find((candidate) => candidate === operator)
  if (!known) throw new Error(`Unknown scoping operator in test clause "${text}"`)
  return { attribute, operator: known, value: rest.join(' ') }
}

/** What a test says about a rule. */
export interface RuleSpec {
  readonly id?: string
  readonly name: string
  readonly direction?: RuleDirection
  readonly connector: Connector
  readonly precedence: number
  /** Inbound: CS type (default `user`); outbound: MV type (default `person`). */
  readonly sourceType?: string
  /** Inbound: MV type (default `person`); outbound: CS type (default `user`). */
  readonly targetType?: string
  readonly link?: LinkType
  readonly disabled?: boolean
  /** Scope groups (OR-ed), each a list of clauses (AND-ed) written `attribute OPERATOR value`. */
  readonly scope?: readonly (readonly string[])[]
  /** Join groups, each a list of `[csAttribute, mvAttribute]` pairs. */
  readonly join?: readonly (readonly (readonly [string, string])[])[]
  readonly flows?: readonly AttributeFlow[]
}

/** A sync rule with sensible defaults. */
export function rule(spec: RuleSpec): SyncRule {
  const inbound = (spec.direction ?? 'Inbound') === 'Inbound'
  return {
    id: spec.id ?? nextId(),
    name: spec.name,
    description: '',
    direction: inbound ? 'Inbound' : 'Outbound',
    precedence: spec.precedence,
    connectorId: spec.connector.id,
    connectorName: spec.connector.name,
    sourceObjectType: spec.sourceType ?? (inbound ? 'user' : 'person'),
    targetObjectType: spec.targetType ?? (inbound ? 'person' : 'user'),
    linkType: spec.link ?? 'Join',
    disabled: spec.disabled ?? false,
    immutableTag: '',
    enablePasswordSync: false,
    scopeGroups: (spec.scope ?? []).map((group) => ({ clauses: group.map(clause) })),
    joinGroups: (spec.join ?? []).map((group) => ({
      conditions: group.map(([csAttribute, mvAttribute]) => ({
        csAttribute,
        mvAttribute,
        caseSensitive: false,
      })),
    })),
    flows: spec.flows ?? [],
    origin: 'test',
  }
}

/** Model attributes from a spec; types default to String. */
export function attributes(
  values: AttributeSpec = {},
  types: Readonly<Record<string, AttributeType>> = {},
): readonly Attribute[] {
  return Object.entries(values).map(([name, value]) => {
    const list = typeof value === 'string' ? [value] : [...value]
    return { name, type: types[name] ?? 'String', multiValued: typeof value !== 'string', values: list }
  })
}

/** A hologram entry. */
export function entry(
  dn: string,
  values: AttributeSpec = {},
  types: Readonly<Record<string, AttributeType>> = {},
): Entry {
  return {
    dn,
    primaryObjectClass: null,
    objectClasses: [],
    anchor: null,
    attributes: attributes(values, types),
  }
}

/** What a test says about a connector-space object. */
export interface CsSpec {
  readonly id?: string
  readonly connector: Connector
  readonly dn: string
  readonly type?: string
  readonly attrs?: AttributeSpec
  readonly types?: Readonly<Record<string, AttributeType>>
  /** The MV object it is linked to; none for a disconnector. */
  readonly mv?: string
  readonly connectorState?: string
  /** Attributes of an unapplied export (values staged for the connected system). */
  readonly pendingExport?: AttributeSpec
  /** Name of an export error on the object. */
  readonly exportError?: string
}

/** A connector-space object whose synchronized hologram holds `attrs`. */
export function csObject(spec: CsSpec): CsObject {
  const types = spec.types ?? {}
  const pending = spec.pendingExport
  const pendingDelta: Delta | null = pending
    ? {
        dn: spec.dn,
        newDn: null,
        operation: 'update',
        primaryObjectClass: null,
        attributes: attributes(pending, types).map((attribute) => ({
          name: attribute.name,
          type: attribute.type,
          multiValued: attribute.multiValued,
          operation: 'replace',
          values: attribute.values.map((value) => ({ value, operation: 'add' })),
        })),
      }
    : null
  const error: ObjectError | null = spec.exportError
    ? {
        kind: 'export',
        name: spec.exportError,
        code: null,
        message: spec.exportError,
        detail: null,
        step: null,
        firstOccurred: null,
        lastOccurred: null,
        retryCount: 1,
      }
    : null
  return {
    id: spec.id ?? nextId(),
    connectorId: spec.connector.id,
    connectorName: spec.connector.name,
    dn: spec.dn,
    objectType: spec.type ?? 'user',
    transient: false,
    anchor: null,
    isConnector: spec.mv !== undefined,
    connectorState: spec.connectorState ?? null,
    mvLink:
      spec.mv === undefined
        ? null
        : { mvObjectId: spec.mv, lineageId: null, lineageType: 'Join', lineageTime: null },
    lineage: [],
    synchronized: entry(spec.dn, spec.attrs, types),
    pendingImportHologram: null,
    unappliedExportHologram: null,
    unconfirmedExportHologram: null,
    escrowedExportHologram: null,
    pendingImport: null,
    unappliedExport: pendingDelta,
    unconfirmedExport: null,
    escrowedExport: null,
    importError: null,
    exportError: error,
    unknown: [],
  }
}

/** What a test says about a metaverse object. */
export interface MvSpec {
  readonly id?: string
  readonly type?: string
  readonly attrs?: AttributeSpec
  readonly types?: Readonly<Record<string, AttributeType>>
}

/** A metaverse object; its connections are filled in by `scenario`. */
export function mvObject(spec: MvSpec): MvObject {
  return {
    id: spec.id ?? nextId(),
    objectType: spec.type ?? 'person',
    attributes: attributes(spec.attrs, spec.types).map((attribute) => ({ ...attribute, lineage: [] })),
    connections: [],
  }
}

/** A built scenario: what the engine functions take. */
export interface Scenario {
  readonly rules: readonly SyncRule[]
  readonly connectors: readonly Connector[]
  readonly index: ObjectIndex
  readonly ruleIndex: RuleIndex
}

/** Assembles a scenario; MV connections are derived from the CS objects' links. */
export function scenario(parts: {
  readonly connectors: readonly Connector[]
  readonly rules: readonly SyncRule[]
  readonly cs?: readonly CsObject[]
  readonly mv?: readonly MvObject[]
}): Scenario {
  const cs = parts.cs ?? []
  const mv = (parts.mv ?? []).map((object): MvObject => ({
    ...object,
    connections: cs
      .filter((candidate) => candidate.mvLink?.mvObjectId === object.id)
      .map((candidate) => ({
        csId: candidate.id,
        csDn: candidate.dn,
        connectorId: candidate.connectorId,
        connectorName: candidate.connectorName,
        lineageId: null,
        lineageType: 'Join',
        lineageTime: null,
      })),
  }))
  return {
    rules: parts.rules,
    connectors: parts.connectors,
    index: objectIndexFromArrays(cs, mv),
    ruleIndex: buildRuleIndex(parts.rules, parts.connectors),
  }
}
