import type { AbortSignalLike } from '../model/cancel'
import type { SyncRule } from '../model/sync-rule'
import type { ObjectStore } from '../store/object-store'
import type { MetaverseQuery } from './metaverse-query'

/**
 * How long one slice of index building runs before the host reads its messages (milliseconds): a request that
 * arrives meanwhile waits at most about this long for the slice to end.
 */
const SLICE_MS = 8

/** How a host lets the indexer run between its messages. */
export interface BackgroundIndexOptions {
  /** Awaited between slices (a macrotask), so the host answers messages meanwhile. */
  readonly yieldControl: () => Promise<void>
  /** Stops the indexer for good (the session moved on to another snapshot). */
  readonly signal: AbortSignalLike
  readonly sliceMs?: number
  /** The clock slices are timed with (milliseconds). */
  readonly now?: () => number
}

/**
 * Builds the sorted indexes of metaverse attributes in short slices between a worker's messages, after the load:
 * first the attributes joins look up (so a first `why` finds them built), then each attribute a search used with
 * Equals or Starts with, ahead of the rest. Until an attribute's index is built, searches scan its values, which
 * answers in tens of milliseconds where the build takes hundreds at 300k objects.
 */
export class BackgroundIndexer {
  private readonly queue: string[] = []
  private running: Promise<void> | null = null

  public constructor(
    private readonly store: ObjectStore,
    private readonly options: BackgroundIndexOptions,
  ) {}

  /** Asks for these attributes' indexes, ahead of those asked for before; starts the work if idle. */
  public request(attributes: readonly string[]): void {
    const wanted = attributes.filter((attribute) => this.store.mvColumn(attribute)?.indexed === false)
    if (wanted.length === 0) return
    const folded = new Set(wanted.map((attribute) => attribute.toLowerCase()))
    const rest = this.queue.filter((attribute) => !folded.has(attribute.toLowerCase()))
    this.queue.length = 0
    for (const attribute of new Set(wanted)) this.queue.push(attribute)
    for (const attribute of rest) this.queue.push(attribute)
    this.running ??= this.run()
      // A column that cannot be read (a reopen cache entry found damaged and removed) stops the work: a search then
      // reads, and reports, what it needs itself. Unhandled, the failure would end the worker it runs in.
      .catch(() => undefined)
      .finally(() => {
        this.running = null
      })
  }

  /** Attributes still waiting for their index, the next first. */
  public get pending(): readonly string[] {
    return this.queue
  }

  /** Resolves when every requested index is built (or the indexer was stopped). */
  public idle(): Promise<void> {
    return this.running ?? Promise.resolve()
  }

  private async run(): Promise<void> {
    const now = this.options.now ?? Date.now
    const sliceMs = this.options.sliceMs ?? SLICE_MS
    // The request that started the work is answered first.
    await this.options.yieldControl()
    while (this.queue.length > 0 && this.options.signal.aborted !== true) {
      const column = this.store.mvColumn(this.queue[0] ?? '')
      const deadline = now() + sliceMs
      if (column === null || column.buildIndexFor(() => now() >= deadline)) this.queue.shift()
      await this.options.yieldControl()
    }
  }
}

/** The metaverse attributes the rules' joins look up, each once. */
export function joinAttributes(rules: readonly SyncRule[]): string[] {
  const seen = new Map<string, string>()
  for (const rule of rules) {
    for (const group of rule.joinGroups) {
      for (const condition of group.conditions) {
        const key = condition.mvAttribute.toLowerCase()
        if (condition.mvAttribute !== '' && !seen.has(key)) seen.set(key, condition.mvAttribute)
      }
    }
  }
  return [...seen.values()]
}

/** The attributes a query compares with Equals or Starts with: those a sorted index answers. */
export function indexableAttributes(query: MetaverseQuery): string[] {
  return query.groups.flatMap((group) =>
    group.clauses
      .filter((clause) => clause.operator === 'equals' || clause.operator === 'starts-with')
      .map((clause) => clause.attribute),
  )
}
