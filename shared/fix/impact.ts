/**
 * The whole snapshot's impact of a draft: for every metaverse object of the types the draft's rules touch, the
 * next synchronization is simulated under the configuration before and after (sync-simulation.ts) and every
 * object that gains, loses or changes a value of a touched attribute, in the metaverse or in a target connector
 * space, is counted and listed. Only the touched attributes are computed: the rule sets are cut down to the
 * mappings that write them (and the join and provisioning rules), which keeps a million objects in reach.
 *
 * It runs in steps (`ImpactCounter.step`) so that a worker can report progress and take a cancel in between.
 */
import {
  connectorSpaceMembership,
  evaluateScope,
  flowReads,
  inboundSource,
  mvBag,
  type MvAttributeLookup,
} from '../engine/index'
import { containerVerdict } from '../engine/container-filter'
import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'
import { type AttributeFlow, metaverseObjectType, type SyncRule } from '../model/sync-rule'
import type { CsObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'
import type { ObjectStore } from '../store/object-store'
import { applyDraft, containerChanges, type FixDraft, selectionChanges, type SelectionChange } from './draft'
import { nameKey } from './names'
import { memoIndex } from './overlay-index'
import { type EngineConfig, engineConfig, type MovedValue, simulateMvObject } from './sync-simulation'

/** How a value changes for one object. */
export type ImpactKind = 'gain' | 'lose' | 'change'

/** One value of one object that the draft changes. */
export interface ImpactChange extends MovedValue {
  readonly kind: ImpactKind
}

/** One object the draft changes. */
export interface ImpactObject {
  readonly mvObjectId: string
  readonly objectType: string
  readonly displayName: string | null
  /** The first connected connector-space object, to open it. */
  readonly csObjectId: string | null
  readonly dn: string | null
  readonly changes: readonly ImpactChange[]
}

/** Objects whose values of a newly selected attribute arrive only with the next full import. */
export interface AwaitingImport {
  readonly connectorName: string
  readonly attribute: string
  /** Connector-space objects of the types whose rules read the attribute. */
  readonly objects: number
}

/** Objects a widened container filter keeps in synchronization. */
export interface KeptByFilter {
  readonly connectorName: string
  readonly partition: string
  /**
   * Connector-space objects outside the filter before the change and inside after it: the next full import
   * would have removed them (and the export deleted what they provisioned); now they stay. Objects of the
   * widened containers that the connector space does not hold arrive with the next full import, uncounted.
   */
  readonly objects: number
}

/** What the draft does to the whole snapshot. */
export interface DraftImpact {
  readonly objectsChecked: number
  readonly objectsChanged: number
  /** Objects with at least one value gained, lost or changed. */
  readonly gain: number
  readonly lose: number
  readonly change: number
  /** The changed objects, up to `MAX_LISTED_OBJECTS`. */
  readonly objects: readonly ImpactObject[]
  readonly truncated: boolean
  readonly awaitingImport: readonly AwaitingImport[]
  readonly keptByFilter: readonly KeptByFilter[]
  /** The attributes computed: metaverse attributes and, per target connector, connector-space attributes. */
  readonly touched: readonly {
    readonly where: 'metaverse' | 'target'
    readonly connectorName: string | null
    readonly attribute: string
  }[]
  readonly elapsedMs: number
}

/** Progress of a count. */
export interface ImpactProgress {
  readonly done: number
  readonly total: number
}

/** The most changed objects an impact lists; the counts cover all of them. */
export const MAX_LISTED_OBJECTS = 5000

/** What the count needs: the configuration and the object store to walk. */
export interface ImpactInput {
  readonly configuration: ServerConfiguration
  readonly store: ObjectStore
  readonly mvLookup?: MvAttributeLookup
  readonly now?: () => Date
  readonly clock?: () => number
}

interface Touched {
  /** Lower-cased names; `names` keeps the spelling the rules use. */
  readonly metaverse: ReadonlySet<string>
  readonly names: ReadonlyMap<string, string>
  readonly targets: ReadonlyMap<string, ReadonlySet<string>>
  readonly mvTypes: ReadonlySet<string> | 'all'
}

/** Counts the draft's impact in steps; `step` returns true when every object is counted. */
export class ImpactCounter {
  private readonly before: EngineConfig
  private readonly after: EngineConfig
  private readonly configurationAfter: ServerConfiguration
  private readonly importing: (csObject: CsObject) => boolean
  private readonly outboundUnchanged: boolean
  /** A quick test that an object cannot change. */
  private readonly unaffected: (mvRow: number, mvObjectId: string, objects: ObjectIndex) => boolean
  private readonly touched: Touched
  private readonly rows: readonly number[]
  private readonly started: number
  private readonly clock: () => number
  private position = 0
  private readonly changed: ImpactObject[] = []
  private changedCount = 0
  private readonly kinds = { gain: 0, lose: 0, change: 0 }

  public constructor(
    private readonly input: ImpactInput,
    private readonly draft: FixDraft,
  ) {
    this.clock = input.clock ?? Date.now
    this.started = this.clock()
    const configuration = applyDraft(input.configuration, draft)
    this.configurationAfter = configuration
    this.touched = touchedAttributes(input.configuration, configuration, draft)
    this.before = reduced(input.configuration, this.touched)
    this.after = reduced(configuration, this.touched)
    this.rows = rowsOfTypes(input.store, this.touched.mvTypes)
    const writers = new Set(
      [...this.before.rules, ...this.after.rules]
        .filter((rule) => rule.direction === 'Inbound' && rule.flows.length > 0)
        .map((rule) => `${rule.connectorId}\u0000${nameKey(rule.sourceObjectType)}`),
    )
    this.unaffected = quickCheck(input.configuration, configuration, draft, input.store)
    this.outboundUnchanged = outboundUnchanged(input.configuration, configuration, draft)
    const connectorOf = this.before.ruleIndex
    this.importing = (csObject) =>
      writers.has(
        `${connectorOf.connectorOf(csObject)?.id ?? csObject.connectorId ?? ''}\u0000${nameKey(csObject.objectType)}`,
      )
  }

  /** Objects to count. */
  public get total(): number {
    return this.rows.length
  }

  /** Counted so far. */
  public progress(): ImpactProgress {
    return { done: this.position, total: this.rows.length }
  }

  /** Counts up to `budget` more objects; true when done. */
  public step(budget: number): boolean {
    const { store } = this.input
    const end = Math.min(this.rows.length, this.position + budget)
    const simulation = {
      objects: store,
      before: this.before,
      after: this.after,
      importing: this.importing,
      outboundUnchanged: this.outboundUnchanged,
      ...(this.input.mvLookup ? { mvLookup: this.input.mvLookup } : {}),
      ...(this.input.now ? { now: this.input.now } : {}),
    }
    for (; this.position < end; this.position++) {
      const row = this.rows[this.position] ?? 0
      const mvObjectId = store.mvIdAt(row)
      const objects = memoIndex(store)
      if (this.unaffected(row, mvObjectId, objects)) continue
      const { moved } = simulateMvObject({ ...simulation, objects }, mvObjectId)
      if (moved.length === 0) continue
      this.record(row, mvObjectId, moved)
    }
    return this.position >= this.rows.length
  }

  /** The impact counted so far (complete once `step` returned true). */
  public result(): DraftImpact {
    return {
      objectsChecked: this.position,
      objectsChanged: this.changedCount,
      ...this.kinds,
      objects: this.changed,
      truncated: this.changedCount > this.changed.length,
      awaitingImport: awaitingImport(this.input.store, this.configurationAfter, this.draft),
      keptByFilter: keptByFilter(
        this.input.store,
        this.input.configuration,
        this.configurationAfter,
        this.draft,
      ),
      touched: touchedList(this.input.configuration, this.touched),
      elapsedMs: Math.max(0, this.clock() - this.started),
    }
  }

  private record(row: number, mvObjectId: string, moved: readonly MovedValue[]): void {
    const changes = moved.map((value): ImpactChange => ({ ...value, kind: kindOf(value) }))
    this.changedCount++
    for (const kind of ['gain', 'lose', 'change'] as const) {
      if (changes.some((change) => change.kind === kind)) this.kinds[kind]++
    }
    if (this.changed.length >= MAX_LISTED_OBJECTS) return
    const { store } = this.input
    const mvObject = store.mvObjectAt(row)
    const [first] = store.connectedCsObjects(mvObjectId)
    this.changed.push({
      mvObjectId,
      objectType: mvObject.objectType,
      displayName:
        mvObject.attributes.find((attribute) => nameKey(attribute.name) === 'displayname')?.values[0] ?? null,
      csObjectId: first?.id ?? null,
      dn: first?.dn ?? null,
      changes,
    })
  }
}

/** Options of `countImpact`. */
export interface CountOptions {
  readonly onProgress?: (progress: ImpactProgress) => void
  readonly signal?: { readonly aborted: boolean }
  /** Lets the host's event loop run between steps (a worker reads its cancel messages there). */
  readonly yieldControl?: () => Promise<void>
  /** Objects per step (default 500). */
  readonly stepSize?: number
}

/** Thrown when a count is cancelled through its signal. */
export class ImpactCancelled extends Error {
  public constructor() {
    super('Counting the impact was cancelled.')
    this.name = 'ImpactCancelled'
  }
}

/** Counts the whole impact, reporting progress after each step; rejects with ImpactCancelled when cancelled. */
export async function countImpact(
  input: ImpactInput,
  draft: FixDraft,
  options: CountOptions = {},
): Promise<DraftImpact> {
  const counter = new ImpactCounter(input, draft)
  const size = options.stepSize ?? 500
  for (;;) {
    if (options.signal?.aborted) throw new ImpactCancelled()
    const done = counter.step(size)
    options.onProgress?.(counter.progress())
    if (done) return counter.result()
    if (options.yieldControl) await options.yieldControl()
  }
}

function kindOf(value: MovedValue): ImpactKind {
  if (value.before.length === 0) return 'gain'
  if (value.after.length === 0) return 'lose'
  return 'change'
}

function rulesById(rules: readonly SyncRule[]): Map<string, SyncRule> {
  return new Map(rules.map((rule) => [rule.id, rule]))
}

/** The attributes whose values the draft can change, and the metaverse object types they live on. */
function touchedAttributes(
  before: ServerConfiguration,
  after: ServerConfiguration,
  draft: FixDraft,
): Touched {
  const old = rulesById(before.rules)
  const changed: SyncRule[] = []
  const changedFlows: { readonly rule: SyncRule; readonly flows: readonly AttributeFlow[] }[] = []
  for (const rule of after.rules) {
    const previous = old.get(rule.id)
    if (previous === rule) continue
    if (previous && sameRuleFrame(previous, rule)) {
      // Only mappings changed: only their targets can move.
      const flows = differentFlows(previous, rule)
      changedFlows.push({ rule, flows })
      continue
    }
    changed.push(rule)
    if (previous) changed.push(previous)
  }
  const names = new Map<string, string>()
  const spelled = (attribute: string): string => {
    const key = nameKey(attribute)
    if (!names.has(key)) names.set(key, attribute)
    return key
  }
  const metaverse = new Set<string>()
  const targets = new Map<string, Set<string>>()
  const target = (connectorId: string, attribute: string): void => {
    const set = targets.get(connectorId) ?? new Set<string>()
    set.add(spelled(attribute))
    targets.set(connectorId, set)
  }
  const types = new Set<string>()
  let allTypes = false
  const addType = (rule: SyncRule): void => {
    const type = metaverseObjectType(rule)
    if (type === '*') allTypes = true
    else types.add(nameKey(type))
  }
  const touchFlows = (rule: SyncRule, flows: readonly AttributeFlow[]): void => {
    if (flows.length > 0) addType(rule)
    for (const flow of flows) {
      if (rule.direction === 'Inbound') metaverse.add(spelled(flow.target))
      else target(rule.connectorId, flow.target)
    }
  }
  for (const rule of changed) touchFlows(rule, rule.flows)
  for (const { rule, flows } of changedFlows) touchFlows(rule, flows)
  const selections = selectionChanges(draft)
  for (const selection of selections) {
    if (selection.side === 'export') {
      target(selection.connectorId, selection.attribute)
      for (const rule of after.rules) {
        if (rule.direction === 'Outbound' && rule.connectorId === selection.connectorId) addType(rule)
      }
      continue
    }
    for (const rule of after.rules) {
      if (rule.direction !== 'Inbound' || rule.connectorId !== selection.connectorId) continue
      const reads = rule.flows.filter((flow) =>
        flowReads(flow).some((name) => nameKey(name) === nameKey(selection.attribute)),
      )
      if (reads.length > 0) addType(rule)
      for (const flow of reads) metaverse.add(spelled(flow.target))
    }
  }
  // Outbound mappings that read a touched metaverse attribute, or whose rule is scoped on one, change too.
  for (const rule of [...before.rules, ...after.rules]) {
    if (rule.direction !== 'Outbound') continue
    const scoped = rule.scopeGroups.some((group) =>
      group.clauses.some((clause) => metaverse.has(nameKey(clause.attribute))),
    )
    for (const flow of rule.flows) {
      if (scoped || flowReads(flow).some((name) => metaverse.has(nameKey(name)))) {
        target(rule.connectorId, flow.target)
        addType(rule)
      }
    }
  }
  return { metaverse, names, targets, mvTypes: allTypes ? 'all' : types }
}

/**
 * A quick test that an object gets the same values before and after: every changed inbound rule (both
 * versions) is disabled or out of scope for its connected objects, and every changed outbound rule (and every
 * outbound rule writing an attribute the draft selects for export) is out of scope for its metaverse object.
 * Testing scopes is much cheaper than simulating a synchronization. An attribute selected for import changes
 * nothing but the draft's own object (its values are not in the snapshot). Null when the metaverse is computed
 * (outbound scopes then read computed values) and the draft touches outbound rules.
 */
function quickCheck(
  before: ServerConfiguration,
  after: ServerConfiguration,
  draft: FixDraft,
  store: ObjectStore,
): (mvRow: number, mvObjectId: string, objects: ObjectIndex) => boolean {
  const metaverseExported = store.metaverseSource === 'exported'
  const old = rulesById(before.rules)
  /** Each changed rule version with the mappings whose result can differ. */
  const versions: { readonly rule: SyncRule; readonly flows: readonly AttributeFlow[] }[] = []
  for (const rule of after.rules) {
    const previous = old.get(rule.id)
    if (previous === rule) continue
    if (previous && sameRuleFrame(previous, rule)) {
      const flows = differentFlows(previous, rule)
      versions.push({ rule, flows }, { rule: previous, flows })
      continue
    }
    versions.push({ rule, flows: rule.flows })
    if (previous) versions.push({ rule: previous, flows: previous.flows })
  }
  const exported = draft.changes.filter(
    (change): change is SelectionChange => change.kind === 'select-attribute' && change.side === 'export',
  )
  for (const selection of exported) {
    for (const rule of after.rules) {
      if (rule.direction !== 'Outbound' || rule.connectorId !== selection.connectorId) continue
      const flows = rule.flows.filter((flow) => nameKey(flow.target) === nameKey(selection.attribute))
      if (flows.length > 0) versions.push({ rule, flows })
    }
  }
  const live = versions.filter((version) => !version.rule.disabled)
  const inbound = live.filter((version) => version.rule.direction === 'Inbound')
  const outbound = live.filter((version) => version.rule.direction === 'Outbound')
  if (outbound.length > 0 && !metaverseExported) return () => false
  const inboundConnectors = new Set(inbound.map((version) => version.rule.connectorId))
  // Mappings that only copy attributes: an object holding none of their sources gets NULL either way.
  const copies = (version: (typeof versions)[number]): readonly string[] | null =>
    version.flows.every((flow) => flow.flowType === 'Direct')
      ? version.flows.flatMap((flow) => flow.sources.map(nameKey))
      : null
  const holdsNone = (names: ReadonlySet<string>, version: (typeof versions)[number]): boolean =>
    copies(version)?.every((name) => !names.has(name)) ?? false
  return (mvRow, mvObjectId, objects) => {
    for (const row of store.csRowsLinkedTo(mvObjectId)) {
      const connectorId = store.csConnectorIdAt(row)
      // An object whose connector is known only by name is simulated rather than guessed.
      if (connectorId === null) return false
      // Rows of connectors without a changed rule are never built.
      if (!inboundConnectors.has(connectorId)) continue
      const type = nameKey(store.csRows.objectType(row))
      const applying = inbound.filter(
        (version) =>
          version.rule.connectorId === connectorId && nameKey(version.rule.sourceObjectType) === type,
      )
      if (applying.length === 0) continue
      const held = new Set(store.csAttributeNamesWithValues(row).map(nameKey))
      const undecided = applying.filter((version) => !holdsNone(held, version))
      if (undecided.length === 0) continue
      const csObject = store.csObjectAt(row)
      const source = inboundSource(csObject)
      const membership = connectorSpaceMembership(objects, connectorId, csObject.dn)
      if (undecided.some((version) => evaluateScope(version.rule.scopeGroups, source, membership).inScope)) {
        return false
      }
    }
    if (outbound.length === 0) return true
    const type = nameKey(store.mvObjectTypeAt(mvRow))
    const applying = outbound.filter((version) => nameKey(version.rule.sourceObjectType) === type)
    if (applying.length === 0) return true
    const held = new Set(
      store
        .mvAttributeOriginsAt(mvRow)
        .filter((origin) => origin.valueCount > 0)
        .map((origin) => nameKey(origin.name)),
    )
    const undecided = applying.filter((version) => !holdsNone(held, version))
    if (undecided.length === 0) return true
    const mvObject = objects.mvObject(mvObjectId)
    if (!mvObject) return false
    const source = mvBag(mvObject)
    return undecided.every((version) => !evaluateScope(version.rule.scopeGroups, source).inScope)
  }
}

/** True when the draft changes no outbound rule and selects no attribute for export. */
function outboundUnchanged(
  before: ServerConfiguration,
  after: ServerConfiguration,
  draft: FixDraft,
): boolean {
  if (draft.changes.some((change) => change.kind === 'select-attribute' && change.side === 'export'))
    return false
  const old = rulesById(before.rules)
  return after.rules.every((rule) => {
    const previous = old.get(rule.id)
    return (
      previous === rule || (rule.direction === 'Inbound' && (previous?.direction ?? 'Inbound') === 'Inbound')
    )
  })
}

/** True when two versions of a rule differ at most in their mappings. */
function sameRuleFrame(a: SyncRule, b: SyncRule): boolean {
  return (
    a.direction === b.direction &&
    a.connectorId === b.connectorId &&
    a.precedence === b.precedence &&
    a.disabled === b.disabled &&
    a.linkType === b.linkType &&
    nameKey(a.sourceObjectType) === nameKey(b.sourceObjectType) &&
    nameKey(a.targetObjectType) === nameKey(b.targetObjectType) &&
    JSON.stringify(a.scopeGroups) === JSON.stringify(b.scopeGroups) &&
    JSON.stringify(a.joinGroups) === JSON.stringify(b.joinGroups)
  )
}

/** The mappings of either version that the other lacks or has differently (both versions of each). */
function differentFlows(a: SyncRule, b: SyncRule): readonly AttributeFlow[] {
  const text = (flow: AttributeFlow): string => JSON.stringify(flow)
  const inA = new Set(a.flows.map(text))
  const inB = new Set(b.flows.map(text))
  return [
    ...a.flows.filter((flow) => !inB.has(text(flow))),
    ...b.flows.filter((flow) => !inA.has(text(flow))),
  ]
}

/** The configuration cut down to the mappings that write touched attributes, plus every join and provisioning rule. */
function reduced(configuration: ServerConfiguration, touched: Touched): EngineConfig {
  const rules: SyncRule[] = []
  for (const rule of configuration.rules) {
    const keeps =
      rule.direction === 'Inbound'
        ? (name: string) => touched.metaverse.has(nameKey(name))
        : (name: string) => touched.targets.get(rule.connectorId)?.has(nameKey(name)) ?? false
    const flows = rule.flows.filter((flow) => keeps(flow.target))
    const links = rule.joinGroups.length > 0 || rule.linkType === 'Provision'
    if (flows.length === 0 && !links) continue
    rules.push(flows.length === rule.flows.length ? rule : { ...rule, flows })
  }
  return engineConfig(rules, configuration.connectors)
}

function rowsOfTypes(store: ObjectStore, types: ReadonlySet<string> | 'all'): readonly number[] {
  const rows: number[] = []
  for (let row = 0; row < store.mvRowCount; row++) {
    if (types === 'all' || types.has(nameKey(store.mvObjectTypeAt(row)))) rows.push(row)
  }
  return rows
}

function awaitingImport(
  store: ObjectStore,
  configuration: ServerConfiguration,
  draft: FixDraft,
): readonly AwaitingImport[] {
  return draft.changes
    .filter(
      (change): change is SelectionChange => change.kind === 'select-attribute' && change.side === 'import',
    )
    .map((selection) => {
      const types = new Set(
        configuration.rules
          .filter(
            (rule) =>
              rule.direction === 'Inbound' &&
              rule.connectorId === selection.connectorId &&
              !rule.disabled &&
              rule.flows.some((flow) =>
                flowReads(flow).some((name) => nameKey(name) === nameKey(selection.attribute)),
              ),
          )
          .map((rule) => nameKey(rule.sourceObjectType)),
      )
      let objects = 0
      for (const row of store.csRowsOfConnector(selection.connectorId)) {
        if (types.has(nameKey(store.csRows.objectType(row)))) objects++
      }
      return { connectorName: selection.connectorName, attribute: selection.attribute, objects }
    })
}

function keptByFilter(
  store: ObjectStore,
  before: ServerConfiguration,
  after: ServerConfiguration,
  draft: FixDraft,
): readonly KeptByFilter[] {
  return containerChanges(draft).map((change) => {
    const old = before.connectors.find((connector) => connector.id === change.connectorId)
    const now = after.connectors.find((connector) => connector.id === change.connectorId)
    let objects = 0
    if (old && now) {
      const dns = store.csRows.dns
      for (const row of store.csRowsOfConnector(change.connectorId)) {
        const dn = dns.get(row)
        const type = store.csRows.objectType(row)
        if (
          containerVerdict(old, dn, type).kind !== 'in-filter' &&
          containerVerdict(now, dn, type).kind === 'in-filter'
        )
          objects++
      }
    }
    return { connectorName: change.connectorName, partition: change.partition, objects }
  })
}

function touchedList(configuration: ServerConfiguration, touched: Touched): DraftImpact['touched'] {
  const name = (id: string): string =>
    configuration.connectors.find((connector) => connector.id === id)?.name ?? id
  const spelled = (key: string): string => touched.names.get(key) ?? key
  return [
    ...[...touched.metaverse]
      .sort()
      .map((key) => ({ where: 'metaverse' as const, connectorName: null, attribute: spelled(key) })),
    ...[...touched.targets].flatMap(([connectorId, attributes]) =>
      [...attributes].sort().map((key) => ({
        where: 'target' as const,
        connectorName: name(connectorId),
        attribute: spelled(key),
      })),
    ),
  ]
}
