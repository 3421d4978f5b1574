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
  /** Values that held bytes not valid in UTF-8. */
  readonly invalidTextValues: number
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
  /** Only count values with invalid UTF-8 (a segment of a file: the whole file's reader warns once). */
  readonly countInvalidTextOnly?: boolean
}

/** The warning about values whose bytes are not valid UTF-8, `count` of them in a file. */
export function invalidTextIssue(file: string, count: number): LoadIssue {
  return loadIssue(
    'warning',
    file,
    `${count} value(s) held bytes that are not valid UTF-8 and show as \ufffd; the file may have been saved ` +
      'in another encoding. Re-export it with csexport, or save it as UTF-8, if names or values look wrong.',
  )
}

/** Pushes a file through the XML stream into an object sink and turns a failure into one error issue. */
export class ObjectStreamReader {
  private readonly stream: XmlStream
  private readonly sink: ObjectSink
  private stopped = false
  private readonly countOnly: boolean

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
    this.countOnly = tuning.countInvalidTextOnly === true
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
    if (invalid > 0 && !this.countOnly) this.sink.report(invalidTextIssue(this.file, invalid))
    return {
      objects: this.sink.objects,
      partial: this.stopped || this.sink.wrongRoot,
      bytes: this.stream.bytes,
      invalidTextValues: invalid,
    }
  }
}
