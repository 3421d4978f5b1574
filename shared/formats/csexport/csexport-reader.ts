import { loadIssue } from '../../model/load-issue'
import { NameTable } from '../../xml/fast/name-table'
import { DEFAULT_XML_LIMITS, type XmlLimits, type XmlTokenizerFactory } from '../../xml/fast/xml-sink'
import { XmlStream } from '../../xml/fast/xml-stream'
import { CSEXPORT } from './csexport-names'
import { CsExportSink, type CsExportSinkOptions } from './csexport-sink'

/** Options of a CsExportReader. */
export interface CsExportReaderOptions extends CsExportSinkOptions {
  /** The tokenizer; tests pass the saxes-based reference to compare results. */
  readonly tokenizer?: XmlTokenizerFactory
  /** Size and depth bounds; the defaults suit real exports. */
  readonly limits?: XmlLimits
}

/** What a finished read delivered. */
export interface ReadSummary {
  /** Objects delivered to `onObject`. */
  readonly objects: number
  /** True when an error stopped the read (or the file is not of this format): later objects are missing. */
  readonly partial: boolean
  /** Bytes received. */
  readonly bytes: number
}

/**
 * Reads a csexport file (`csexport.exe` output or `Get-ADSyncCSObject .SerializedXml`) pushed in
 * chunks of bytes, delivering each CsObject as soon as its end tag is read. Every call is
 * synchronous, so the caller can check for cancellation and report progress between chunks.
 */
export class CsExportReader {
  private readonly sink: CsExportSink
  private readonly stream: XmlStream
  private failed = false

  /** Creates a reader for one file. */
  public constructor(options: CsExportReaderOptions) {
    const names = new NameTable(CSEXPORT.names)
    const limits = options.limits ?? DEFAULT_XML_LIMITS
    const sink = new CsExportSink(names, options, limits.maxDepth)
    this.sink = sink
    this.stream = new XmlStream({
      sink,
      names,
      limits,
      tokenizer: options.tokenizer,
      onError: (error) => {
        this.failed = true
        sink.report(
          loadIssue(
            'error',
            options.file,
            `${error.message}. The ${sink.objects} objects before this point were loaded; the rest of the file was not read`,
            error,
          ),
        )
      },
    })
  }

  /** Reads the next chunk of the file. */
  public push(chunk: Uint8Array): void {
    this.stream.push(chunk)
  }

  /** Ends the file and says what was delivered. */
  public end(): ReadSummary {
    this.stream.end()
    return {
      objects: this.sink.objects,
      partial: this.failed || this.sink.wrongRoot,
      bytes: this.stream.bytes,
    }
  }
}
