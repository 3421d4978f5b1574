import { CsExportReader } from '../formats/csexport/csexport-reader'
import type { IssueRecorder } from '../formats/csexport/issue-budget'
import { MvObjectsReader } from '../formats/mv-objects/mv-objects-reader'
import type { RecordedIssue, SegmentJob, SegmentOutcome } from '../io/source'
import { ObjectStore } from '../store/object-store'

/** Issues one segment records before it gives up and lets the file be read again in one piece. */
const MAX_RECORDED_ISSUES = 10_000

/** The root element a segment that starts inside a file is wrapped in, per format. */
export function segmentRoot(kind: SegmentJob['kind']): { readonly open: string; readonly close: string } {
  return kind === 'csexport'
    ? { open: '<cs-objects>', close: '</cs-objects>' }
    : { open: '<mv-objects>', close: '</mv-objects>' }
}

/** Where a segment reader puts what it reads; by default a store segment of its own, issues recorded in a list. */
export interface SegmentTarget {
  /** The store the objects go to (the loading thread reads the start of a file straight into the load's store). */
  readonly store?: ObjectStore
  /** Receives every issue, uncapped, in order (the file's issue budget, when the range starts the file). */
  readonly record?: IssueRecorder
}

/** How a segment read ended. */
export interface SegmentSummary {
  readonly objects: number
  /** False when the range did not read as a whole run of objects, or too many issues were met to record. */
  readonly clean: boolean
  /** True when an error stopped the read (or the root is not the format's): later objects are missing. */
  readonly partial: boolean
  readonly invalidTextValues: number
}

/**
 * Reads one byte range of an object file, pushed in chunks, into a store segment of its own: the work of one
 * worker thread in a parallel load. A range that starts or ends inside the file is wrapped in the format's root
 * element, so the file's reader reads it as it reads the whole file; every issue is recorded, not capped (the
 * file's budget replays them in order), and whether the range read as whole objects is handed back.
 */
export class SegmentReader {
  private readonly store: ObjectStore
  private readonly recorded: RecordedIssue[] = []
  private readonly reader: CsExportReader | MvObjectsReader
  private overflow = false
  private objectCount = 0

  /** Creates the reader for one job. */
  public constructor(
    private readonly job: SegmentJob,
    target: SegmentTarget = {},
  ) {
    const store = target.store ?? new ObjectStore()
    this.store = store
    const common = {
      file: job.path,
      countInvalidTextOnly: true,
      onIssue: (): void => undefined,
      recordIssue:
        target.record ??
        ((issue: RecordedIssue['issue'], onceKey: string | null): void => {
          if (this.recorded.length < MAX_RECORDED_ISSUES) this.recorded.push({ issue, onceKey })
          else this.overflow = true
        }),
    }
    this.reader =
      job.kind === 'csexport'
        ? new CsExportReader({
            ...common,
            connectorId: job.connectorId,
            connectorName: job.connectorName,
            onObject: (object) => {
              store.addCsObject(object)
              this.objectCount += 1
            },
            valuesAsBytes: true,
          })
        : new MvObjectsReader({
            ...common,
            onObject: (object) => {
              store.addMvObject(object)
              this.objectCount += 1
            },
            valuesAsBytes: true,
          })
    if (job.startsInside) this.reader.push(new TextEncoder().encode(segmentRoot(job.kind).open))
  }

  /** Objects read so far. */
  public get objects(): number {
    return this.objectCount
  }

  /** Whether the read has stopped at an error: the rest of the range is not read. */
  public get failed(): boolean {
    return this.reader.failed
  }

  /** Reads the next chunk of the range. */
  public push(chunk: Uint8Array): void {
    this.reader.push(chunk)
  }

  /** Ends the read; `cut` closes the wrapping root, as for a range that ends inside the file. */
  public close(cut = this.job.endsInside): SegmentSummary {
    if (cut) this.reader.push(new TextEncoder().encode(segmentRoot(this.job.kind).close))
    const summary = this.reader.end()
    return {
      objects: summary.objects,
      clean: !summary.partial && !this.overflow,
      partial: summary.partial,
      invalidTextValues: summary.invalidTextValues,
    }
  }

  /** Ends the range and hands back the segment (in binary form) with the issues it recorded. */
  public end(): SegmentOutcome {
    const summary = this.close()
    return {
      store: this.store.toBinary(),
      objects: summary.objects,
      issues: this.recorded,
      clean: summary.clean,
      invalidTextValues: summary.invalidTextValues,
    }
  }
}
