import { NameTable } from '../../xml/fast/name-table'
import { DEFAULT_XML_LIMITS } from '../../xml/fast/xml-sink'
import { CSEXPORT } from './csexport-names'
import { CsExportSink, type CsExportSinkOptions } from './csexport-sink'
import { ObjectStreamReader, type ObjectReaderTuning, type ReadSummary } from './object-stream-reader'

/** What a finished read delivered (shared by the object readers). */
export type { ReadSummary } from './object-stream-reader'

/** Options of a CsExportReader. */
export interface CsExportReaderOptions extends CsExportSinkOptions, ObjectReaderTuning {}

/**
 * Reads a csexport file (`csexport.exe` output or `Get-ADSyncCSObject .SerializedXml`) pushed in
 * chunks of bytes, delivering each CsObject as soon as its end tag is read. Every call is
 * synchronous, so the caller can check for cancellation and report progress between chunks.
 */
export class CsExportReader {
  private readonly reader: ObjectStreamReader

  /** Creates a reader for one file. */
  public constructor(options: CsExportReaderOptions) {
    const names = new NameTable(CSEXPORT.names)
    const limits = options.limits ?? DEFAULT_XML_LIMITS
    const sink = new CsExportSink(names, options, limits.maxDepth)
    this.reader = new ObjectStreamReader(options.file, sink, names, { ...options, limits })
  }

  /** Reads the next chunk of the file; the chunk may be reused once this returns. */
  public push(chunk: Uint8Array): void {
    this.reader.push(chunk)
  }

  /** True once an error stopped the read: the rest of the file would be ignored, so it need not be pushed. */
  public get failed(): boolean {
    return this.reader.failed
  }

  /** Ends the file and says what was delivered. */
  public end(): ReadSummary {
    return this.reader.end()
  }
}
