import { CsExportReader } from '../formats/csexport/csexport-reader'
import { parseManifest, type SnapshotManifest } from '../formats/manifest/manifest'
import { MvObjectsReader } from '../formats/mv-objects/mv-objects-reader'
import { parseRuleScript } from '../formats/ps1/rule-script'
import { readConnectorXml } from '../formats/serverconfig/connector-xml'
import { readMvXml } from '../formats/serverconfig/mv-xml'
import { assembleConfiguration, type ServerConfiguration } from '../formats/serverconfig/server-configuration'
import { readSyncRuleXml } from '../formats/serverconfig/sync-rule-xml'
import type { Connector } from '../model/connector'
import { IssueCollector, type LoadIssue, loadIssue } from '../model/load-issue'
import type { MetaverseConfig } from '../model/metaverse-schema'
import type { SyncRule } from '../model/sync-rule'
import { emptySnapshotMessage } from '../model/snapshot-summary'
import { ObjectStore } from '../store/object-store'
import { decodeText } from '../text/decode'
import { parseXmlTree, type XmlElement } from '../xml/element-tree'
import { findConnectorSpaceOwner, inferredConnector } from './connector-space-owner'
import { DETECTION_HEAD_BYTES, detectFileKind, FILE_KIND_LABELS, type FileKind } from '../io/detect'
import { ProgressTracker } from './progress'
import { type AbortSignalLike, LoadCancelled } from '../model/cancel'
import { type ProgressListener } from './progress'
import type {
  LoadAccelerators,
  ObjectCache,
  SegmentJob,
  SegmentLoader,
  SegmentLoaderFactory,
  SegmentOutcome,
  SnapshotSource,
  SourceFile,
} from '../io/source'
import { type FileRows, keepObjects, restoreObjects } from './cached-objects'
import { IssueBudget } from '../formats/csexport/issue-budget'
import { invalidTextIssue } from '../formats/csexport/object-stream-reader'
import {
  allClean,
  joinSegments,
  lineFeedsBefore,
  MIN_SEGMENT_BYTES,
  planSegments,
  type PlannedSegment,
  positionedStarts,
  SegmentClaims,
  segmentBytes,
  threadsWithinMemory,
} from './parallel-objects'
import { alternatingBuffers, readAhead } from './read-ahead'
import { SegmentReader } from './segment-reader'

/** A loaded snapshot: everything read from its files, plus what went wrong. */
export interface LoadedSnapshot {
  readonly name: string
  readonly configuration: ServerConfiguration
  /** Connector-space and metaverse objects, compact and indexed. */
  readonly objects: ObjectStore
  readonly issues: readonly LoadIssue[]
  /** What each file was recognised as, by path. */
  readonly fileKinds: ReadonlyMap<string, FileKind>
  /** The collector's manifest, when the snapshot has one. */
  readonly manifest: SnapshotManifest | null
}

/** Thrown when a source holds nothing SyncLens can read; carries the per-file problems. */
export class NotASnapshotError extends Error {
  public constructor(
    message: string,
    public readonly issues: readonly LoadIssue[],
  ) {
    super(message)
    this.name = 'NotASnapshotError'
  }
}

/** Collects what each small file contributes while a snapshot loads. */
interface Collected {
  readonly rules: SyncRule[]
  readonly connectors: Connector[]
  metaverse: MetaverseConfig | null
  manifest: SnapshotManifest | null
  readonly issues: IssueCollector
}

interface DetectedFile {
  readonly index: number
  readonly file: SourceFile
  readonly kind: FileKind
  readonly headText: string
}

/** Files read at the same time (heads, small files): one after another, each waits for the I/O threads in turn. */
const SMALL_FILE_CONCURRENCY = 8
/** Progress is reported at most this often (milliseconds), however small the chunks. */
const PROGRESS_INTERVAL_MS = 100

/**
 * Reads every file of a snapshot, recognising each by content.
 *
 * Configuration files (rules, connectors, scripts, manifest) are read first, so that connector
 * spaces can be matched to their connectors; connector spaces and metaverse exports are then
 * streamed chunk by chunk into the object store. A broken file yields issues and is skipped (a
 * truncated connector space keeps the objects read before the break); the rest still loads. The
 * signal is checked between chunks, so Cancel stops promptly; nothing is kept from a cancelled load.
 */
export async function loadSnapshot(
  source: SnapshotSource,
  onProgress: ProgressListener = () => undefined,
  signal: AbortSignalLike = { aborted: false },
): Promise<LoadedSnapshot> {
  const tracker = new ProgressTracker(source.files)
  let lastReport = 0
  const report = (force = false): void => {
    const now = Date.now()
    if (!force && now - lastReport < PROGRESS_INTERVAL_MS) return
    lastReport = now
    onProgress(tracker.snapshot())
  }
  const checkCancel = (): void => {
    if (signal.aborted) throw new LoadCancelled()
  }

  const ahead = startAhead(source.files, source.accelerators)
  try {
    return await readFiles(source, ahead, { tracker, report, checkCancel })
  } finally {
    ahead.release()
  }
}

/** A load once what it starts ahead has started: the files recognised, the configuration read, then the objects. */
async function readFiles(
  source: SnapshotSource,
  ahead: Ahead,
  control: StreamControl,
): Promise<LoadedSnapshot> {
  const { tracker, report, checkCancel } = control
  const detected: DetectedFile[] = []
  const issues = new IssueCollector()
  // Heads are read a batch at a time: one after another, each file's open, read and close wait for the I/O threads
  // in turn, which cost a fifth of a second on every open of a snapshot with a few dozen files.
  const heads = await readEach(source.files, issues, checkCancel, (file) => file.head(DETECTION_HEAD_BYTES))
  for (const [index, file] of source.files.entries()) {
    const head = heads[index] ?? null
    if (head === null) {
      tracker.finish(index)
      continue
    }
    const kind = detectFileKind(head)
    detected.push({ index, file, kind, headText: kind === 'csexport' ? decodeText(head) : '' })
    tracker.update(index, { kind: FILE_KIND_LABELS[kind] })
    if (kind === 'unknown' || kind === 'zip') tracker.finish(index)
    report()
  }
  detected.sort((a, b) => a.file.path.localeCompare(b.file.path))

  const collected: Collected = {
    rules: [],
    connectors: [],
    metaverse: null,
    manifest: null,
    issues,
  }
  const small = detected.filter((entry) => isSmallKind(entry.kind))
  for (let start = 0; start < small.length; start += SMALL_FILE_CONCURRENCY) {
    const batch = small.slice(start, start + SMALL_FILE_CONCURRENCY)
    const texts = await readEach(
      batch.map((entry) => entry.file),
      collected.issues,
      checkCancel,
      async (file) => decodeText(await file.readAll()),
    )
    batch.forEach((entry, offset) => {
      const text = texts[offset] ?? null
      if (text === null) {
        tracker.finish(entry.index)
        return
      }
      const replaced = text.indexOf('\ufffd')
      if (replaced >= 0) {
        const line = text.slice(0, replaced).split('\n').length
        collected.issues.push(
          loadIssue(
            'warning',
            entry.file.path,
            'The file has bytes that are not valid in its encoding (UTF-8, or UTF-16 with a byte-order mark); they ' +
              'show as \ufffd. Re-export it, or save it as UTF-8, if names or values look wrong.',
            { line, column: replaced - text.lastIndexOf('\n', replaced - 1) },
          ),
        )
      }
      readSmallFile(entry, text, collected)
      tracker.finish(entry.index, entry.kind === 'rule-script' || entry.kind === 'sync-rule' ? 1 : 0)
    })
    report()
  }
  for (const entry of detected.filter((e) => e.kind === 'zip')) {
    collected.issues.push(
      loadIssue(
        'warning',
        entry.file.path,
        'A zip archive inside a snapshot is not opened; open the archive itself.',
      ),
    )
  }

  const assembled = assembleConfiguration(collected.rules, collected.connectors, collected.metaverse)
  issues.pushAll(assembled.issues)
  const objectFiles = detected.filter((entry) => entry.kind === 'csexport' || entry.kind === 'mv-objects')
  // Without any configuration, each connector space is shown under a connector named from its file.
  const inferred: Connector[] = []
  if (assembled.configuration.connectors.length === 0)
    for (const entry of objectFiles) inferredFor(entry, inferred)
  const context: ObjectContext = {
    connectors: inferred.length > 0 ? inferred : assembled.configuration.connectors,
    manifest: collected.manifest,
    issues: new IssueCollector(),
    rows: new Map(),
  }
  const cache = objectFiles.length > 0 ? ahead.cache : undefined
  let store = cache === undefined ? null : await restoreObjects(cache, objectFiles, context, tracker)
  const fresh = store === null
  if (store === null) store = await loadObjects(objectFiles, source.accelerators?.segments, context, control)
  const configuration =
    inferred.length === 0 ? assembled.configuration : { ...assembled.configuration, connectors: inferred }
  checkCancel()

  const recognised = detected.filter((entry) => entry.kind !== 'unknown').length
  if (source.files.length === 0) throw new NotASnapshotError(emptySnapshotMessage(source.name), issues.list())
  if (recognised === 0) {
    throw new NotASnapshotError(
      `${source.name} holds no snapshot file (${source.files.length} file(s) looked at). Open the folder written by ` +
        'Get-ADSyncServerConfiguration, a csexport file, a metaverse export or a rule script.',
      issues.list(),
    )
  }
  store.finish({ mvObjectType: metaverseTypeResolver(assembled.configuration.rules) })
  report(true)
  if (fresh && cache !== undefined) keepObjects(cache, store, context, objectFiles, tracker)
  for (const issue of duplicateIssues(store, context.rows)) context.issues.push(issue)
  issues.pushAll(context.issues.list())
  return {
    name: source.name,
    configuration,
    objects: store,
    issues: issues.list(),
    fileKinds: new Map(detected.map((entry) => [entry.file.path, entry.kind])),
    manifest: collected.manifest,
  }
}

/**
 * Reads every file, `SMALL_FILE_CONCURRENCY` at a time, and gives back what each read gave in file order. A file
 * that cannot be read (a damaged zip entry, a file removed meanwhile) gives null and an error naming it, so the
 * loader skips it and loads the rest. Errors are recorded in file order whichever read ends first, so a load
 * reports the same issues in the same order every time. `checkCancel` runs before each batch.
 */
async function readEach<T>(
  files: readonly SourceFile[],
  issues: IssueCollector,
  checkCancel: () => void,
  read: (file: SourceFile) => Promise<T>,
): Promise<(T | null)[]> {
  const results: (T | null)[] = []
  for (let start = 0; start < files.length; start += SMALL_FILE_CONCURRENCY) {
    checkCancel()
    const batch = files.slice(start, start + SMALL_FILE_CONCURRENCY)
    const settled = await Promise.allSettled(batch.map((file) => read(file)))
    settled.forEach((outcome, offset) => {
      if (outcome.status === 'fulfilled') {
        results.push(outcome.value)
        return
      }
      if (outcome.reason instanceof LoadCancelled) throw outcome.reason
      const file = batch[offset]
      if (file !== undefined) issues.push(unreadableIssue(file, outcome.reason))
      results.push(null)
    })
  }
  return results
}

function unreadableIssue(file: SourceFile, error: unknown): LoadIssue {
  const reason = error instanceof Error ? error.message : String(error)
  return loadIssue('error', file.path, `This file could not be read, so it was skipped: ${reason}`)
}

/** Adds the inferred connector of a csexport (by name, so two files of one space share it). */
function inferredFor(entry: DetectedFile, inferred: Connector[]): void {
  if (entry.kind !== 'csexport') return
  const connector = inferredConnector(entry.file.path, entry.headText)
  if (!inferred.some((known) => known.id === connector.id)) inferred.push(connector)
}

function isSmallKind(kind: FileKind): boolean {
  return (
    kind === 'sync-rule' ||
    kind === 'connector' ||
    kind === 'mv-config' ||
    kind === 'rule-script' ||
    kind === 'manifest'
  )
}

function readSmallFile(entry: DetectedFile, text: string, collected: Collected): void {
  const path = entry.file.path
  switch (entry.kind) {
    case 'sync-rule': {
      const root = readTree(path, text, collected.issues)
      if (!root) return
      const result = readSyncRuleXml(root, path)
      collected.issues.pushAll(result.issues)
      if (result.rule) collected.rules.push(result.rule)
      return
    }
    case 'connector': {
      const root = readTree(path, text, collected.issues)
      if (!root) return
      const result = readConnectorXml(root, path)
      collected.issues.pushAll(result.issues)
      if (result.connector) collected.connectors.push(result.connector)
      return
    }
    case 'mv-config': {
      const root = readTree(path, text, collected.issues)
      if (!root) return
      if (collected.metaverse) {
        collected.issues.push(loadIssue('warning', path, 'A second metaverse configuration was ignored.'))
        return
      }
      collected.metaverse = readMvXml(root)
      return
    }
    case 'rule-script': {
      const result = parseRuleScript(text, path)
      collected.issues.pushAll(result.issues)
      for (const rule of result.rules) collected.rules.push(rule)
      return
    }
    case 'manifest': {
      const result = parseManifest(text, path)
      collected.issues.pushAll(result.issues)
      if (result.manifest && collected.manifest) {
        collected.issues.push(loadIssue('warning', path, 'A second snapshot.json was ignored.'))
      } else if (result.manifest) {
        collected.manifest = result.manifest
      }
      return
    }
    default:
      return
  }
}

function readTree(path: string, text: string, issues: IssueCollector): XmlElement | null {
  const parsed = parseXmlTree(text)
  if (parsed.ok) return parsed.root
  issues.push(
    loadIssue(
      'error',
      path,
      `${parsed.error.message} The file was skipped; re-export it from the sync server.`,
      {
        line: parsed.error.line,
        column: parsed.error.column,
      },
    ),
  )
  return null
}

interface StreamControl {
  readonly tracker: ProgressTracker
  readonly report: (force?: boolean) => void
  readonly checkCancel: () => void
}

/** What reading the object files needs from the configuration, and where their issues go. */
interface ObjectContext {
  readonly connectors: readonly Connector[]
  readonly manifest: SnapshotManifest | null
  /** The object files' own issues (the reopen cache keeps them), capped per file. */
  readonly issues: IssueCollector
  /** The rows each object file's objects took, by path (which file a duplicate came from). */
  readonly rows: Map<string, FileRows>
}

/**
 * Reads the object files into a store in their order: in parallel segments when the host offers readers and the
 * files are large enough to gain from them, else chunk by chunk in this thread.
 */
async function loadObjects(
  files: readonly DetectedFile[],
  segments: SegmentLoaderFactory | undefined,
  context: ObjectContext,
  control: StreamControl,
): Promise<ObjectStore> {
  const total = objectBytes(files)
  // The size first: a factory decides its thread count when `parallelism` is read, which a small load never needs.
  const splittable = segments !== undefined && worthSplitting(segments, total)
  if (splittable) await segments.settle?.()
  const threads = splittable ? readingThreads(segments, total, files) : 1
  if (splittable && threads > 1) {
    const store = new ObjectStore()
    const own: ObjectContext = { ...context, issues: new IssueCollector(), rows: new Map() }
    if (await loadInSegments(files, segments, threads, total, store, own, control)) {
      context.issues.pushAll(own.issues.list())
      for (const [path, rows] of own.rows) context.rows.set(path, rows)
      return store
    }
  }
  const store = new ObjectStore()
  for (const entry of files) {
    control.checkCancel()
    const before = rowMark(store)
    await streamObjects(entry, ownerOf(entry, context), store, context.issues, control)
    context.rows.set(entry.file.path, fileRows(before, store))
  }
  return store
}

/** One object file of a parallel load, with its segments and where they start in the load's list. */
interface SegmentPlan {
  readonly entry: DetectedFile
  readonly owner: ConnectorOwner
  readonly planned: readonly PlannedSegment[]
  /** Index of the file's first segment among all the load's segments. */
  readonly first: number
}

/** What the loading thread needs while it reads the object files with the help of segment readers. */
interface SegmentLoad {
  readonly loader: SegmentLoader
  readonly claims: SegmentClaims
  /**
   * Each segment's outcome once a reader has read it (null: its read failed); a file's entries are dropped once
   * it is loaded, so that joined segments do not stay in memory until the whole load ends.
   */
  readonly outcomes: (Promise<SegmentOutcome | null> | null)[]
  readonly store: ObjectStore
  readonly context: ObjectContext
  readonly control: StreamControl
  /** Bytes and objects read so far per segment, by whoever reads it (progress). */
  readonly progress: { bytes: number; objects: number }[]
  /** Bytes the loading thread reads at a time, and the buffer for its next read (two taking turns: `readOwn`). */
  readonly ownBytes: number
  readonly ownBuffer: () => Uint8Array
}

/**
 * The parallel load: every file cut into segments, in file order. The loading thread reads segments from the
 * front straight into the store, as a serial load does; the readers take segments from the back, each into a
 * store segment of its own, which the loading thread joins in order once it meets them. A file whose readers'
 * segments did not all read cleanly is read on from where the loading thread stopped, or again in one piece, so
 * that what it reports is what a serial load reports. Returns false, when the loading thread's own part turns
 * out not to end between objects, for the caller to read every file again in one thread.
 */
async function loadInSegments(
  files: readonly DetectedFile[],
  factory: SegmentLoaderFactory,
  threads: number,
  total: number,
  store: ObjectStore,
  context: ObjectContext,
  control: StreamControl,
): Promise<boolean> {
  const loader = factory.start(threads)
  try {
    const pieceBytes = segmentBytes(total, threads, factory.minSegmentBytes)
    const plans: SegmentPlan[] = []
    let first = 0
    for (const entry of files) {
      control.checkCancel()
      const owner = ownerOf(entry, { ...context, issues: new IssueCollector() })
      const head = await entry.file.head(16)
      const planned = await planSegments(
        { path: entry.file.path, kind: objectKind(entry.kind), size: entry.file.size, head, ...owner },
        pieceBytes,
        loader,
      )
      plans.push({ entry, owner, planned, first })
      first += planned.length
    }
    const all = plans.flatMap((plan) => plan.planned.map((segment) => ({ plan, segment })))
    const claims = new SegmentClaims(all.length)
    const progress = all.map(() => ({ bytes: 0, objects: 0 }))
    const settle: (((outcome: SegmentOutcome | null) => void) | undefined)[] = []
    const outcomes = all.map(() => new Promise<SegmentOutcome | null>((resolve) => settle.push(resolve)))
    const ownBytes = loader.ownReadBytes ?? OWN_READ_BYTES
    const ownBuffer = alternatingBuffers(ownBytes)
    const load: SegmentLoad = {
      loader,
      claims,
      outcomes,
      store,
      context,
      control,
      progress,
      ownBytes,
      ownBuffer,
    }
    const fileProgress = (plan: SegmentPlan): void => {
      const parts = progress.slice(plan.first, plan.first + plan.planned.length)
      control.tracker.update(plan.entry.index, {
        bytesRead: parts.reduce((sum, part) => sum + part.bytes, 0),
        objects: parts.reduce((sum, part) => sum + part.objects, 0),
      })
      control.report()
    }
    // Each reader asks for the last segment nobody has, as soon as it is free, until none is left.
    const serve = async (): Promise<void> => {
      for (;;) {
        let index = -1
        const outcome = await loader
          .read(
            () => {
              index = claims.claimBack() ?? -1
              return all[index]?.segment.job ?? null
            },
            (bytes, objects) => {
              const part = all[index]
              if (part === undefined) return
              progress[index] = { bytes, objects }
              fileProgress(part.plan)
            },
          )
          // A reader that fails (a thread out of memory, a file gone) sends its file back to this thread.
          .catch(() => null)
        if (index < 0) return
        // A resolver holds its promise, and a settled promise its segment: drop it, so that a joined segment is
        // garbage at once instead of living until the whole load ends.
        const resolve = settle[index]
        settle[index] = undefined
        resolve?.(outcome)
      }
    }
    for (let reader = 1; reader < threads; reader += 1) void serve()
    for (const plan of plans) {
      control.checkCancel()
      ownerOf(plan.entry, context)
      const before = rowMark(store)
      if (!(await loadFileInSegments(plan, load, fileProgress))) return false
      context.rows.set(plan.entry.file.path, fileRows(before, store))
      control.report()
    }
    return true
  } finally {
    loader.close()
  }
}

/**
 * The threads a parallel load reads with: a count the host chose itself, lowered to what keeps the load within its
 * memory budget (`threadsWithinMemory`); one the user asked for, as it is.
 */
function readingThreads(
  segments: SegmentLoaderFactory,
  total: number,
  files: readonly DetectedFile[],
): number {
  const exported = files.some((entry) => entry.kind === 'mv-objects')
  return Math.min(segments.parallelism, threadBound(segments, total, exported))
}

/** The most threads a load may read with: the memory bound for a count the host chooses, else no bound. */
function threadBound(segments: SegmentLoaderFactory, total: number, metaverseExported: boolean): number {
  return segments.automatic === true
    ? threadsWithinMemory(total, metaverseExported)
    : Number.POSITIVE_INFINITY
}

/** Whether object files of `total` bytes are large enough for `segments` to split them. */
function worthSplitting(segments: SegmentLoaderFactory, total: number): boolean {
  return total >= Math.max(segments.minTotalBytes ?? 0, segments.minSegmentBytes ?? MIN_SEGMENT_BYTES)
}

function objectBytes(files: readonly DetectedFile[]): number {
  return files.reduce((sum, entry) => sum + entry.file.size, 0)
}

/** What a load starts before it reads its files (`startAhead`). */
interface Ahead {
  /** The reopen cache, its lookup already under way; undefined without one. */
  readonly cache: ObjectCache | undefined
  /** Ends what the load did not take: a cache entry found and not read, readers started and not used. */
  release(): void
}

/**
 * Starts, before a snapshot's files are recognised and its configuration read, what its object files will need:
 * the reopen cache's lookup (it hashes the files' heads and tails) and, when it finds nothing, the segment readers
 * (`SegmentLoaderFactory.prepare`) where the files are large enough to be split. Their kinds are not known yet: the
 * files' sizes stand for the object files' (configuration files are a few kilobytes), and the memory bound is taken
 * as with a metaverse export, the looser one; a reader the load turns out not to want ends unused. A reader thread
 * takes 0.1 to 0.2 s to start, about as long as recognising the files and reading the configuration of a snapshot
 * (measured on this 2-core machine at 10k objects, 2026-12-07): started then, it is ready by the time the objects
 * are reached.
 */
function startAhead(files: readonly SourceFile[], accelerators: LoadAccelerators | undefined): Ahead {
  const cache = files.length > 0 ? accelerators?.cache : undefined
  const segments = accelerators?.segments
  const found = cache === undefined ? Promise.resolve(null) : cache.read().catch(() => null)
  let taken = false
  let released = false
  const total = files.reduce((sum, file) => sum + file.size, 0)
  if (segments?.prepare !== undefined && worthSplitting(segments, total)) {
    const bound = threadBound(segments, total, true)
    void found.then((input) => {
      if (input === null && !released && bound > 1) segments.prepare?.(bound)
    })
  }
  return {
    cache:
      cache === undefined
        ? undefined
        : {
            read: () => {
              taken = true
              return found
            },
            write: (produce) => cache.write(produce),
          },
    release: () => {
      released = true
      if (!taken) void found.then((input) => input?.close())
      segments?.release?.()
    },
  }
}

/** Bytes the loading thread reads at a time from a range, where its loader does not say (`ownReadBytes`). */
const OWN_READ_BYTES = 1 << 20

/**
 * One file of a parallel load: the loading thread reads the file's first segments itself while no reader has
 * them, then joins the readers' segments. False when its own part does not end between objects.
 */
async function loadFileInSegments(
  plan: SegmentPlan,
  load: SegmentLoad,
  fileProgress: (plan: SegmentPlan) => void,
): Promise<boolean> {
  const { entry, owner, planned, first } = plan
  const { store, context, control, claims, loader, progress, ownBytes, ownBuffer } = load
  const path = entry.file.path
  const budget = new IssueBudget(path, (issue) => context.issues.push(issue))
  let own: SegmentReader | null = null
  let taken = 0
  let readTo = 0
  // Reads [from, to) of the file into `own`, one chunk ahead (`readAhead`: a file not in the file cache left this
  // thread waiting for the disk a fifth of the time); a read error is reported as a serial load reports it. The
  // chunks go into two buffers taking turns (the scanner copies what it keeps), not a new one each: at 100k objects
  // without a metaverse export, a new buffer per chunk cost 0.3 to 0.5 s of system time (fresh pages, 4 rounds).
  const readOwn = async (reader: SegmentReader, from: number, to: number): Promise<boolean> => {
    try {
      control.checkCancel()
      let at = from
      for await (const chunk of readAhead(
        (position, length) => loader.readRange(path, position, length, ownBuffer()),
        from,
        to,
        ownBytes,
      )) {
        reader.push(chunk)
        at += chunk.byteLength
        readTo = at
        const part = progress[first + taken]
        if (part !== undefined) {
          part.bytes = at - (planned[taken]?.job.start ?? 0)
          part.objects = reader.objects
        }
        fileProgress(plan)
        if (reader.failed) break
        control.checkCancel()
      }
      return true
    } catch (error) {
      if (error instanceof LoadCancelled) throw error
      context.issues.push(unreadableIssue(entry.file, error))
      return false
    }
  }
  // Ends the loading thread's read of the file as a serial read ends.
  const endOwn = (reader: SegmentReader): void => {
    const summary = reader.close(false)
    if (summary.invalidTextValues > 0) budget.report(invalidTextIssue(path, summary.invalidTextValues))
    control.tracker.update(entry.index, { objects: summary.objects })
    control.tracker.finish(entry.index)
    if (summary.partial) context.issues.push(partialIssue(path, summary.objects))
  }
  while (taken < planned.length && claims.claimFront(first + taken)) {
    const segment = planned[taken]
    if (segment === undefined) break
    own ??= new SegmentReader(
      { ...segment.job, start: 0, end: entry.file.size, startsInside: false, endsInside: false },
      { store, record: (issue, onceKey) => budget.replay(issue, onceKey) },
    )
    const read = await readOwn(own, segment.job.start, segment.job.end)
    taken += 1
    if (!read || own.failed) {
      endOwn(own)
      return true
    }
  }
  if (own !== null && taken === planned.length) {
    endOwn(own)
    return true
  }
  const segments = await Promise.all(load.outcomes.slice(first + taken, first + planned.length))
  load.outcomes.fill(null, first, first + planned.length)
  control.checkCancel()
  if (!allClean(segments)) {
    // A reader's segment did not read as whole objects: read on (or from the start) here, as a serial load does.
    if (own === null) {
      await streamObjects(entry, owner, store, context.issues, control)
      return true
    }
    await readOwn(own, readTo, entry.file.size)
    endOwn(own)
    return true
  }
  const ownPart = own?.close(true) ?? { clean: true, invalidTextValues: 0, objects: 0 }
  if (!ownPart.clean) return false
  const joined = planned.slice(taken)
  const linesBefore = await lineFeedsBefore(
    (start, length) => loader.readRange(path, start, length),
    positionedStarts(joined, segments),
  )
  const objects = ownPart.objects + segments.reduce((sum, outcome) => sum + (outcome?.objects ?? 0), 0)
  joinSegments(store, path, joined, segments, {
    budget,
    linesBefore,
    invalidTextValues: ownPart.invalidTextValues,
  })
  control.tracker.update(entry.index, { bytesRead: entry.file.size, objects })
  control.tracker.finish(entry.index)
  return true
}

/** The warning of a file whose read stopped at an error. */
function partialIssue(path: string, objects: number): LoadIssue {
  return loadIssue(
    'warning',
    path,
    `Only the first ${objects} object(s) of this file could be read; they are shown and marked as partial.`,
  )
}

/** The connector an object file belongs to (ids null for a metaverse export); warns when it cannot be told. */
interface ConnectorOwner {
  readonly connectorId: string | null
  readonly connectorName: string | null
}

function ownerOf(entry: DetectedFile, context: ObjectContext): ConnectorOwner {
  if (entry.kind !== 'csexport') return { connectorId: null, connectorName: null }
  const path = entry.file.path
  const owner = findConnectorSpaceOwner(path, entry.headText, context.connectors, context.manifest)
  if (!owner && context.connectors.length > 0) {
    context.issues.push(
      loadIssue(
        'warning',
        path,
        'SyncLens could not tell which connector this connector space belongs to (no manifest entry, no ma-id, ' +
          'DNs that match no connector partition). Its objects are loaded without a connector; name the file after ' +
          'the connector or add it to snapshot.json.',
      ),
    )
  }
  return { connectorId: owner?.connector.id ?? null, connectorName: owner?.connector.name ?? null }
}

function objectKind(kind: FileKind): SegmentJob['kind'] {
  return kind === 'csexport' ? 'csexport' : 'mv-objects'
}

async function streamObjects(
  entry: DetectedFile,
  owner: ConnectorOwner,
  store: ObjectStore,
  issues: IssueCollector,
  control: StreamControl,
): Promise<void> {
  const path = entry.file.path
  let objects = 0
  const onIssue = (issue: LoadIssue): void => {
    issues.push(issue)
  }
  let reader: CsExportReader | MvObjectsReader
  if (entry.kind === 'csexport') {
    reader = new CsExportReader({
      file: path,
      connectorId: owner.connectorId,
      connectorName: owner.connectorName,
      onObject: (object) => {
        store.addCsObject(object)
        objects += 1
      },
      onIssue,
      valuesAsBytes: true,
    })
  } else {
    reader = new MvObjectsReader({
      file: path,
      onObject: (object) => {
        store.addMvObject(object)
        objects += 1
      },
      onIssue,
      valuesAsBytes: true,
    })
  }
  let bytesRead = 0
  try {
    for await (const chunk of entry.file.chunks()) {
      control.checkCancel()
      reader.push(chunk)
      bytesRead += chunk.byteLength
      control.tracker.update(entry.index, { bytesRead, objects })
      control.report()
      // Once the scanner has given up on the file, reading (and inflating) the rest is wasted work.
      if (reader.failed) break
    }
  } catch (error) {
    if (error instanceof LoadCancelled) throw error
    issues.push(unreadableIssue(entry.file, error))
  }
  const summary = reader.end()
  control.tracker.update(entry.index, { objects: summary.objects })
  control.tracker.finish(entry.index)
  if (summary.partial) issues.push(partialIssue(path, summary.objects))
}

function rowMark(store: ObjectStore): readonly [number, number] {
  return [store.csRowCount, store.mvRowCount]
}

function fileRows([cs, mv]: readonly [number, number], store: ObjectStore): FileRows {
  return { cs: [cs, store.csRowCount], mv: [mv, store.mvRowCount] }
}

/** Groups of duplicates listed one by one before the rest are summed up in one warning. */
const MAX_DUPLICATE_WARNINGS = 50

/**
 * One warning per group of objects that share an id or (within a connector space) a DN, naming the file, the
 * shared id or DN and how many objects share it. All of them stay loaded and counted; lookups by the shared id or
 * DN show the first.
 */
function duplicateIssues(store: ObjectStore, rows: ReadonlyMap<string, FileRows>): LoadIssue[] {
  const groups = store.duplicateGroups()
  const fileOf = (row: number, metaverse: boolean): string => {
    for (const [path, range] of rows) {
      const [first, end] = metaverse ? range.mv : range.cs
      if (row >= first && row < end) return path
    }
    return ''
  }
  const issues = groups.slice(0, MAX_DUPLICATE_WARNINGS).map((group) => {
    const first = group.rows[0] ?? 0
    const count = group.rows.length
    if (group.kind === 'mv-id') {
      const id = store.mvIdAt(first)
      return loadIssue(
        'warning',
        fileOf(first, true),
        `${count} metaverse objects share the id ${id}; all ${count} are loaded and counted, and looking the id ` +
          'up shows the first. Re-export the metaverse; a metaverse object id is unique on a sync server.',
      )
    }
    const object = store.csObjectAt(first)
    const what = group.kind === 'cs-id' ? `the id ${object.id}` : `the DN "${object.dn}"`
    return loadIssue(
      'warning',
      fileOf(first, false),
      `${count} connector-space objects${object.connectorName === null ? '' : ` of ${object.connectorName}`} share ` +
        `${what}; all ${count} are loaded and counted, and looking ${group.kind === 'cs-id' ? 'the id' : 'the DN'} ` +
        'up shows the first. Re-export the connector space; on a sync server each is unique.',
    )
  })
  const rest = groups.length - MAX_DUPLICATE_WARNINGS
  if (rest > 0) {
    issues.push(
      loadIssue(
        'warning',
        '',
        `${rest} more group(s) of objects share an id or a DN; the first 50 are listed.`,
      ),
    )
  }
  return issues
}

/** Metaverse object type per connector and CS object type, from the inbound rules (for the computed metaverse). */
function metaverseTypeResolver(
  rules: readonly SyncRule[],
): (connectorId: string | null, csType: string) => string | null {
  const types = new Map<string, string>()
  for (const rule of rules) {
    if (rule.direction !== 'Inbound' || rule.disabled || rule.targetObjectType === '*') continue
    const key = `${rule.connectorId}|${rule.sourceObjectType.toLowerCase()}`
    // The lowest precedence (join/provision) rule is seen first: rules arrive sorted.
    if (!types.has(key)) types.set(key, rule.targetObjectType)
  }
  return (connectorId, csType) => types.get(`${connectorId ?? ''}|${csType.toLowerCase()}`) ?? null
}
