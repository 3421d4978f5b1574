import type { LoadIssue } from '../../model/load-issue'
import { loadIssue } from '../../model/load-issue'
import type { NameTable } from '../../xml/fast/name-table'
import type { XmlLimits, XmlSink, XmlTokenizerFactory } from '../../xml/fast/xml-sink'
import { XmlStream } from '../../xml/fast/xml-stream'

/** What a finished read delivered. */
export interface ReadSummary {
  /** Objects delivered to `onObject`. */
  readonly objects: number
  /** True when an error stopped the read (or the file is not of this format): later objects are missing. */
  readonly partial: boolean
  /** Bytes received. */
  readonly bytes: number
}

/** A format sink that delivers objects one by one. */
export interface ObjectSink extends XmlSink {
  readonly objects: number
  readonly wrongRoot: boolean
  report(issue: LoadIssue): void
}

/** Tokenizer choice and bounds, shared by the object readers. */
export interface ObjectReaderTuning {
  /** The tokenizer; tests pass the saxes-based reference to compare results. */
  readonly tokenizer?: XmlTokenizerFactory
  /** Size and depth bounds; the defaults suit real exports. */
  readonly limits?: XmlLimits
}

/** Pushes a file through the XML stream into an object sink and turns a failure into one error issue. */
export class ObjectStreamReader {
  private readonly stream: XmlStream
  private readonly sink: ObjectSink
  private stopped = false

  /** Creates the reader. */
  public constructor(
    private readonly file: string,
    sink: ObjectSink,
    names: NameTable,
    tuning: ObjectReaderTuning,
  ) {
    this.stream = new XmlStream({
      sink,
      names,
      limits: tuning.limits,
      tokenizer: tuning.tokenizer,
      onError: (error) => {
        this.stopped = true
        sink.report(
          loadIssue(
            'error',
            file,
            `${error.message}. The ${sink.objects} objects before this point were loaded; the rest of the file was not read`,
            error,
          ),
        )
      },
    })
    this.sink = sink
  }

  /** True once an error stopped the read or the root is not this format's: later chunks are ignored. */
  public get failed(): boolean {
    return this.stopped || this.sink.wrongRoot
  }

  /** Reads the next chunk. */
  public push(chunk: Uint8Array): void {
    this.stream.push(chunk)
  }

  /** Ends the file. */
  public end(): ReadSummary {
    this.stream.end()
    const invalid = this.stream.invalidTextValues
    if (invalid > 0) {
      this.sink.report(
        loadIssue(
          'warning',
          this.file,
          `${invalid} value(s) held bytes that are not valid UTF-8 and show as \ufffd; the file may have been saved ` +
            'in another encoding. Re-export it with csexport, or save it as UTF-8, if names or values look wrong.',
        ),
      )
    }
    return {
      objects: this.sink.objects,
      partial: this.stopped || this.sink.wrongRoot,
      bytes: this.stream.bytes,
    }
  }
}
