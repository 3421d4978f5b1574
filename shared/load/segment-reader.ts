import { CsExportReader } from '../formats/csexport/csexport-reader'
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

/**
 * Reads one byte range of an object file, pushed in chunks, into a store segment of its own: the work of one
 * worker thread in a parallel load. A range that starts or ends inside the file is wrapped in the format's root
 * element, so the file's reader reads it as it reads the whole file; every issue is recorded, not capped (the
 * file's budget replays them in order), and whether the range read as whole objects is handed back.
 */
export class SegmentReader {
  private readonly store = new ObjectStore()
  private readonly recorded: RecordedIssue[] = []
  private readonly reader: CsExportReader | MvObjectsReader
  private readonly encoder = new TextEncoder()
  private overflow = false
  private lineFeeds = 0
  private objectCount = 0

  /** Creates the reader for one job. */
  public constructor(private readonly job: SegmentJob) {
    const common = {
      file: job.path,
      countInvalidTextOnly: true,
      onIssue: (): void => undefined,
      recordIssue: (issue: RecordedIssue['issue'], onceKey: string | null): void => {
        if (this.recorded.length < MAX_RECORDED_ISSUES) this.recorded.push({ issue, onceKey })
        else this.overflow = true
      },
    }
    this.reader =
      job.kind === 'csexport'
        ? new CsExportReader({
            ...common,
            connectorId: job.connectorId,
            connectorName: job.connectorName,
            onObject: (object) => {
              this.store.addCsObject(object)
              this.objectCount += 1
            },
          })
        : new MvObjectsReader({
            ...common,
            onObject: (object) => {
              this.store.addMvObject(object)
              this.objectCount += 1
            },
          })
    if (job.startsInside) this.reader.push(this.encoder.encode(segmentRoot(job.kind).open))
  }

  /** Objects read so far. */
  public get objects(): number {
    return this.objectCount
  }

  /** Reads the next chunk of the range. */
  public push(chunk: Uint8Array): void {
    this.lineFeeds += countLineFeeds(chunk)
    this.reader.push(chunk)
  }

  /** Ends the range and hands back the segment. */
  public end(): SegmentOutcome {
    if (this.job.endsInside) this.reader.push(this.encoder.encode(segmentRoot(this.job.kind).close))
    const summary = this.reader.end()
    return {
      store: this.store.toBinary(),
      objects: summary.objects,
      issues: this.recorded,
      clean: !summary.partial && !this.overflow,
      invalidTextValues: summary.invalidTextValues,
      lineFeeds: this.lineFeeds,
    }
  }
}

/** Line feeds in a chunk of bytes. */
export function countLineFeeds(bytes: Uint8Array): number {
  let count = 0
  for (let index = bytes.indexOf(10); index >= 0; index = bytes.indexOf(10, index + 1)) count += 1
  return count
}
