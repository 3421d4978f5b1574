import type { IssueBudget } from '../formats/csexport/issue-budget'
import { invalidTextIssue } from '../formats/csexport/object-stream-reader'
import type { SegmentJob, SegmentLoader, SegmentOutcome } from '../io/source'
import type { LoadIssue } from '../model/load-issue'
import type { ObjectStore } from '../store/object-store'
import { segmentRoot } from './segment-reader'

/** Object files together smaller than this are read in one thread: a reader's start costs more than it saves. */
export const MIN_SEGMENT_BYTES = 16 << 20
/** The smallest piece a file is cut into (a reader's segment costs a store segment and a join). */
export const MIN_PIECE_BYTES = 4 << 20
/**
 * The largest piece. A reader holds the piece it reads twice (store and binary form) until it is handed over, and
 * its heap grows with it: measured at 100k objects without a metaverse export in two threads (2026-12-07), pieces of
 * at most 32 MiB peaked at 554 to 594 MB, 16 MiB at 568 to 577 MB, 8 MiB at 518 to 539 MB and 4 MiB at 514 to 546
 * MB, in the same time or less (the loading thread also waits less for the last piece in flight).
 */
const MAX_PIECE_BYTES = 8 << 20
/** How far past a planned cut a segment start is looked for. */
const SEARCH_WINDOW_BYTES = 1 << 20
/**
 * What is read first at a planned cut: an object is a few kilobytes, so its start is nearly always this close, and
 * the whole window is read only where it is not. Reading the whole window at every cut (one cut per 8 MiB) had the
 * loading thread and the readers wait before the first byte of a load: 0.8 s for the 282 cuts of 100k objects with
 * a metaverse export, 1.5 s for the 378 of 300k without.
 */
const FIRST_WINDOW_BYTES = 64 << 10
/** Cuts whose windows are read at a time (the file system reads them side by side). */
const WINDOWS_IN_FLIGHT = 8
/**
 * Pieces per reading thread: many small pieces even out files of different sizes and readers that start late,
 * and keep short the wait for the last piece in flight when the loading thread meets the readers' part.
 */
const PIECES_PER_THREAD = 8

/** One planned segment of a file, with the column its first byte has in the file (for issue positions). */
export interface PlannedSegment {
  readonly job: SegmentJob
  /** 1-based column of the segment's first byte on its line (1 at the file's start). */
  readonly column: number
}

/** What a file needs to be cut into segments. */
export interface SegmentedFile {
  readonly path: string
  readonly kind: SegmentJob['kind']
  readonly size: number
  /** The file's first bytes: only UTF-8 files are cut (a byte pattern means the same thing everywhere in them). */
  readonly head: Uint8Array
  readonly connectorId: string | null
  readonly connectorName: string | null
}

/**
 * Peak memory of a load in one thread, per byte of object files and beside it, measured with the command on Node 24
 * and taken a little above. With a metaverse export (2026-12-06): 723 MB at 100k objects (2,354 MB of XML) and
 * 1,842 MB at 300k (7,068 MB); 669 to 690 MB at 100k since the command's allocator settings (2026-12-07,
 * `READING_MALLOC_ENV`). Without one (the metaverse computed from the links; 2026-12-07, with those settings): 451
 * to 460 MB at 100k (1,059 MB of connector spaces) and 1,113 to 1,118 MB at 300k (3,187 MB). Loads under
 * AUTOMATIC_PARALLEL_MIN_BYTES read in one thread whatever this says: there a thread's fixed costs weigh more. Small
 * loads peak above this estimate (2026-12-07, 6 rounds each: at 10k objects, 236 MB of XML, 183 to 193 MB in one
 * thread and 214 to 229 MB in two; at 5k, 119 MB, 159 to 161 MB in one thread and 187 to 198 MB in two).
 */
const ONE_THREAD_PEAK = {
  exported: { perByte: 0.27, bytes: 100e6 },
  computed: { perByte: 0.31, bytes: 135e6 },
} as const
/**
 * What each reading thread adds to a load's peak: its own heap and the pieces it holds (measured 2026-12-07 with
 * pieces of 8 MiB and the command's allocator settings: at 100k with a metaverse export, 1 to 8 threads, 669 to 690
 * MB in one, 720 in two, 777 to 782 in three, 814 in four, 870 in five, 1,035 to 1,063 in eight; without one, 42 MB
 * for a second thread at 100k and 43 to 67 MB at 300k, 1,173 MB in three threads there). Before those two changes a
 * reader cost 79 to 112 MB.
 */
const PEAK_BYTES_PER_READER = 55e6
/** The memory budget of an open (issue 18): 0.35 times the XML plus 150 MB. */
const BUDGET_PER_BYTE = 0.35
const BUDGET_BYTES = 150e6

/**
 * The most threads (the loading thread included) a load of `totalBytes` of object files may read with and stay
 * within its memory budget, by the measured costs above. With a metaverse export: 5 at 100k objects (2.35 GB of
 * XML), 12 at 300k (more than any machine's readers: MAX_READERS caps them); an idle 8-core workstation would
 * otherwise read 2.35 GB with eight threads and peak at about 1.05 GB, over the 974 MB budget. Without one,
 * computing the metaverse leaves the budget less room: 2 threads at 100k (1.06 GB of connector spaces), 3 at 300k
 * (3.19 GB). At least 1.
 */
export function threadsWithinMemory(totalBytes: number, metaverseExported = true): number {
  const oneThread = ONE_THREAD_PEAK[metaverseExported ? 'exported' : 'computed']
  const budget = BUDGET_PER_BYTE * totalBytes + BUDGET_BYTES
  const peak = oneThread.perByte * totalBytes + oneThread.bytes
  return 1 + Math.max(0, Math.floor((budget - peak) / PEAK_BYTES_PER_READER))
}

/** Bytes per segment for a load of `totalBytes` of object files on `parallelism` reading threads. */
export function segmentBytes(totalBytes: number, parallelism: number, minimum = MIN_PIECE_BYTES): number {
  const share = Math.ceil(totalBytes / Math.max(1, parallelism * PIECES_PER_THREAD))
  return Math.max(minimum, Math.min(MAX_PIECE_BYTES, share))
}

/**
 * Who reads which segment of a load (all files' segments in file order): the loading thread takes them from the
 * front, straight into the store, and the readers from the back, so that the loading thread never waits for a
 * segment before the ones it reads and only the readers' part is joined. Where they meet depends on who is faster.
 */
export class SegmentClaims {
  private front = 0
  private back: number

  /** Claims over `count` segments. */
  public constructor(count: number) {
    this.back = count
  }

  /** The loading thread takes segment `index` when it is the next from the front and no reader has it. */
  public claimFront(index: number): boolean {
    if (index !== this.front || this.front >= this.back) return false
    this.front += 1
    return true
  }

  /** A reader takes the last segment nobody has yet; null when none is left. */
  public claimBack(): number | null {
    if (this.back <= this.front) return null
    this.back -= 1
    return this.back
  }
}

/**
 * Cuts a file into byte ranges that each start with an object's start tag on a line of its own (`<cs-object` or
 * `<mv-object` after a line feed and indentation), near equal shares of `pieceBytes`. Where no such tag lies
 * within a window after a planned cut, the cut is dropped. A file that is not UTF-8 stays one piece.
 */
export async function planSegments(
  file: SegmentedFile,
  pieceBytes: number,
  loader: Pick<SegmentLoader, 'readRange'>,
): Promise<PlannedSegment[]> {
  const pieces = isUtf8(file.head) ? Math.max(1, Math.round(file.size / pieceBytes)) : 1
  const cuts = Array.from({ length: pieces - 1 }, (_, index) =>
    Math.floor((file.size * (index + 1)) / pieces),
  )
  const found = await mapInFlight(cuts, WINDOWS_IN_FLIGHT, (cut) => objectStartAfter(file, cut, loader))
  const starts: { readonly offset: number; readonly column: number }[] = [{ offset: 0, column: 1 }]
  cuts.forEach((cut, index) => {
    const start = found[index]
    // A cut inside the previous piece's search is dropped, as is one with no object start within its window.
    if (cut <= (starts[starts.length - 1]?.offset ?? 0) || start === null || start === undefined) return
    starts.push({ offset: cut + start.offset, column: start.column })
  })
  return starts.map((start, index) => {
    const end = starts[index + 1]?.offset ?? file.size
    return {
      column: start.column,
      job: {
        path: file.path,
        kind: file.kind,
        start: start.offset,
        end,
        connectorId: file.connectorId,
        connectorName: file.connectorName,
        startsInside: start.offset > 0,
        endsInside: end < file.size,
      },
    }
  })
}

/** The first object start within the search window after `cut` (relative to it): a short read first, then all. */
async function objectStartAfter(
  file: SegmentedFile,
  cut: number,
  loader: Pick<SegmentLoader, 'readRange'>,
): Promise<{ readonly offset: number; readonly column: number } | null> {
  const first = await loader.readRange(file.path, cut, FIRST_WINDOW_BYTES)
  const near = findObjectStart(first, file.kind)
  if (near !== null || first.length < FIRST_WINDOW_BYTES) return near
  return findObjectStart(await loader.readRange(file.path, cut, SEARCH_WINDOW_BYTES), file.kind)
}

/** `map` over `items` with an async step, at most `inFlight` of them at a time; results in the items' order. */
async function mapInFlight<T, R>(
  items: readonly T[],
  inFlight: number,
  step: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++)
      results[index] = await step(items[index] as T)
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker))
  return results
}

/**
 * The first object start tag in a window that begins a line (after a line feed and spaces or tabs): its offset
 * and 1-based column. The line feed must lie inside the window, so that the tag is known to start its line.
 */
export function findObjectStart(
  window: Uint8Array,
  kind: SegmentJob['kind'],
): { readonly offset: number; readonly column: number } | null {
  const tag = new TextEncoder().encode(kind === 'csexport' ? '<cs-object' : '<mv-object')
  for (let at = window.indexOf(tag[0] ?? 60); at >= 0; at = window.indexOf(tag[0] ?? 60, at + 1)) {
    if (at + tag.length >= window.length) return null
    let matches = true
    for (let index = 1; index < tag.length && matches; index += 1) matches = window[at + index] === tag[index]
    const after = window[at + tag.length] ?? 0
    if (!matches || !(after === 32 || after === 9 || after === 13 || after === 10 || after === 62)) continue
    let lineStart = at
    while (lineStart > 0 && (window[lineStart - 1] === 32 || window[lineStart - 1] === 9)) lineStart -= 1
    if (lineStart > 0 && window[lineStart - 1] === 10) return { offset: at, column: at - lineStart + 1 }
  }
  return null
}

/** Whether a file's first bytes say UTF-8 (no UTF-16 byte-order mark, no NUL of UTF-16 without one). */
function isUtf8(head: Uint8Array): boolean {
  if (head.length < 2) return true
  const [first, second] = head
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) return false
  return first !== 0 && second !== 0
}

/** Where a file's join starts: after the part the loading thread read itself (nothing, when it read none). */
export interface JoinStart {
  /** The file's issue budget (the loading thread's part has already reported through it). */
  readonly budget: IssueBudget
  /** Line feeds in the file before each joined segment that has issues with positions, by its start offset. */
  readonly linesBefore: ReadonlyMap<number, number>
  /** Values with invalid UTF-8 before the first joined segment. */
  readonly invalidTextValues: number
}

/** Start offsets of the segments whose issues have positions: only their lines need counting (`lineFeedsBefore`). */
export function positionedStarts(
  planned: readonly PlannedSegment[],
  outcomes: readonly SegmentOutcome[],
): number[] {
  return planned
    .filter((_, index) => outcomes[index]?.issues.some(({ issue }) => issue.line !== null) === true)
    .map((segment) => segment.job.start)
}

/**
 * Line feeds in a file before each of `offsets` (ascending), counted in one pass over the file's start. Only a
 * file with issues in a reader's segment needs them, so the readers do not count lines while they read.
 */
export async function lineFeedsBefore(
  read: (start: number, length: number) => Promise<Uint8Array>,
  offsets: readonly number[],
  chunkBytes = 1 << 20,
): Promise<Map<number, number>> {
  const counts = new Map<number, number>()
  let at = 0
  let lines = 0
  for (const offset of offsets) {
    while (at < offset) {
      const chunk = await read(at, Math.min(chunkBytes, offset - at))
      if (chunk.byteLength === 0) break
      lines += countLineFeeds(chunk)
      at += chunk.byteLength
    }
    counts.set(offset, lines)
  }
  return counts
}

/** Line feeds in a run of bytes, four bytes at a time. */
export function countLineFeeds(bytes: Uint8Array): number {
  let count = 0
  let index = 0
  const head = Math.min(bytes.length, (4 - (bytes.byteOffset & 3)) & 3)
  for (; index < head; index += 1) if (bytes[index] === 10) count += 1
  const wordCount = (bytes.length - index) >>> 2
  if (wordCount > 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + index, wordCount)
    for (let word = 0; word < wordCount; word += 1) {
      const x = (words[word] ?? 0) ^ 0x0a0a0a0a
      const marks = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080
      if (marks !== 0) count += Math.imul(marks >>> 7, 0x01010101) >>> 24
    }
    index += wordCount * 4
  }
  for (; index < bytes.length; index += 1) if (bytes[index] === 10) count += 1
  return count
}

/** Whether every segment read cleanly: only then are they joined. */
export function allClean(
  outcomes: readonly (SegmentOutcome | null)[],
): outcomes is readonly SegmentOutcome[] {
  return outcomes.every((outcome) => outcome?.clean === true)
}

/**
 * Joins the segments of one file into the store, in order (all must have read cleanly: `allClean`), and reports
 * their issues through the file's budget as a read of the whole file does: positions moved by the lines (and, on
 * a segment's first line, the columns) before the segment, report-once kinds and the warning cap applied across
 * segments, one warning for invalid UTF-8 at the end. Each segment's entry in `outcomes` is released (set to null)
 * once it is joined and its bytes are handed to `release`: the join owns them, and nothing may read them after.
 */
export function joinSegments(
  store: ObjectStore,
  path: string,
  planned: readonly PlannedSegment[],
  outcomes: (SegmentOutcome | null)[],
  start: JoinStart,
): void {
  const { budget } = start
  let invalid = start.invalidTextValues
  outcomes.forEach((outcome, index) => {
    const segment = planned[index]
    if (segment === undefined || outcome === null) return
    outcomes[index] = null
    store.appendBinary(outcome.store)
    release(outcome.store)
    const wrapper = segment.job.startsInside ? segmentRoot(segment.job.kind).open.length : 0
    const lines = start.linesBefore.get(segment.job.start) ?? 0
    for (const { issue, onceKey } of outcome.issues) {
      budget.replay(movedIssue(issue, lines, segment.column - 1 - wrapper), onceKey)
    }
    invalid += outcome.invalidTextValues
  })
  if (invalid > 0) budget.report(invalidTextIssue(path, invalid))
}

/**
 * Lets a joined segment's bytes go at the next minor garbage collection rather than the next full one: they are
 * moved (not copied) to a new buffer that nothing references. A segment waits for its join for seconds and is old
 * by then, and a full collection rarely comes during a join, so without this every joined segment stayed in memory
 * until the join ended (measured at 100k with two threads: 178 MB of segments, 60 MB of the load's peak). A
 * young buffer goes within milliseconds, as the join's own allocations bring on minor collections. Bytes that share
 * their buffer with other data, or cannot be moved, are left to the collector.
 */
export function release(bytes: Uint8Array): void {
  const move = (globalThis as { structuredClone?: StructuredClone }).structuredClone
  const buffer = bytes.buffer
  if (move === undefined || !(buffer instanceof ArrayBuffer)) return
  if (bytes.byteOffset !== 0 || bytes.byteLength !== buffer.byteLength) return
  try {
    move(buffer, { transfer: [buffer] })
  } catch {
    // Already moved, or not transferable here: the collector frees it in its own time.
  }
}

/** The host's structured clone (Node and browsers; the shared code is typed without either's globals). */
type StructuredClone = (value: unknown, options: { readonly transfer: ArrayBuffer[] }) => unknown

/** An issue's position moved from its segment's coordinates to the file's. */
function movedIssue(issue: LoadIssue, lines: number, firstLineShift: number): LoadIssue {
  if (issue.line === null) return issue
  const column = issue.line === 1 && issue.column !== null ? issue.column + firstLineShift : issue.column
  return { ...issue, line: issue.line + lines, column }
}
