import { NameTable } from '../../xml/fast/name-table'
import { DEFAULT_XML_LIMITS } from '../../xml/fast/xml-sink'
import {
  ObjectStreamReader,
  type ObjectReaderTuning,
  type ReadSummary,
} from '../csexport/object-stream-reader'
import { MV_OBJECTS } from './mv-objects-names'
import { MvObjectsSink, type MvObjectsSinkOptions } from './mv-objects-sink'

/** Options of an MvObjectsReader. */
export interface MvObjectsReaderOptions extends MvObjectsSinkOptions, ObjectReaderTuning {}

/**
 * Reads metaverse objects (`<mv-objects>`, Get-ADSyncMVObject `.SerializedXml`) pushed in chunks of
 * bytes, delivering each MvObject when its end tag is read; synchronous per chunk.
 */
export class MvObjectsReader {
  private readonly reader: ObjectStreamReader

  /** Creates a reader for one file. */
  public constructor(options: MvObjectsReaderOptions) {
    const names = new NameTable(MV_OBJECTS.names)
    const limits = options.limits ?? DEFAULT_XML_LIMITS
    const sink = new MvObjectsSink(names, options, limits.maxDepth)
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
