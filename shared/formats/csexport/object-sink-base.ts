import type { LoadIssue } from '../../model/load-issue'
import { loadIssue } from '../../model/load-issue'
import type { NameTable } from '../../xml/fast/name-table'
import type { XmlPosition, XmlTag } from '../../xml/fast/xml-sink'
import { IssueBudget, type IssueRecorder } from './issue-budget'
import { ValueBytes } from '../../model/ascii-attribute'
import { asciiSlice } from '../../text/ascii'
import { PLAIN_ASCII, isPlainAscii } from '../../xml/fast/plain-ascii'
import type { ObjectSink } from './object-stream-reader'

/**
 * Bytes of a slab of value bytes (`ObjectSinkBase.asciiText`): a few hundred objects' plain ASCII values, one
 * allocation for them all instead of one per object.
 */
const VALUE_SLAB_BYTES = 128 * 1024
/** No slab yet: a reader that keeps no value as bytes never makes one. */
const NO_SLAB = new Uint8Array(0)
/**
 * Longest run kept as bytes. A longer one (a photo in base64, say) is decoded as before: a string of its own costs
 * little beside its length, and the slab and the pool's run buffer stay a few times the objects' usual values.
 */
const MAX_KEPT_RUN_BYTES = 64 * 1024

/**
 * The frame that the sinks of both object formats (csexport, mv-objects) build their state machines on: a stack
 * of contexts (what each open element means to the format, a small number chosen by the parent's context), the
 * element names on that stack, the text collected for the current element, the issue budget of the file and the
 * position of the object being read.
 */
export abstract class ObjectSinkBase implements ObjectSink {
  /** Read by the scanner before each text run. */
  public wantsText = false
  /** Read by the scanner before each text run: when true, the run is offered to `asciiText` first. */
  public wantsAsciiBytes = false
  /** Objects delivered. */
  public objects = 0
  /** True when the file turned out to be of another format. */
  public wrongRoot = false

  /** Depth of the current element; the context at depth 0 is the document itself. */
  protected depth = 0
  protected readonly contexts: Int32Array
  protected readonly nameIds: Int32Array
  /**
   * Text of the current element so far, when it came as a string (see `collectedText`). A sink that sets
   * `asciiNext` before an element is entered may get that element's text as bytes instead: then `collectedStart`
   * is not -1, and the text is `bytes[collectedStart, collectedEnd)` of the object's value bytes.
   */
  protected collected = ''
  protected collectedStart = -1
  protected collectedEnd = -1
  /** Set while opening an element whose text may come as bytes (plain ASCII); `enter` takes it. */
  protected asciiNext = false
  /**
   * The slab that holds the value bytes of the objects read one after the other: the current object's start at
   * `objectBytesStart`, and `valueBytesUsed` bytes used in all. Objects handed over keep a view of their slab
   * (`ValueBytes`); a full slab is left to them, and the object being read moves to a new one.
   */
  private valueBytes = NO_SLAB
  private objectBytesStart = 0
  private valueBytesUsed = 0
  /** Where the object being read keeps its values as bytes; null when this reader keeps none (`valuesAsBytes`). */
  protected valueSource: ValueBytes | null = null
  protected readonly issues: IssueBudget
  /** Where the object being read starts, for warnings about it. */
  protected objectPosition: XmlPosition | null = null

  /** `wantsTextIn[context]` says whether an element in that context has text worth decoding. */
  protected constructor(
    protected readonly names: NameTable,
    protected readonly file: string,
    onIssue: (issue: LoadIssue) => void,
    maxDepth: number,
    private readonly wantsTextIn: readonly boolean[],
    recorder?: IssueRecorder,
    private readonly valuesAsBytes = false,
  ) {
    this.contexts = new Int32Array(maxDepth + 2)
    this.nameIds = new Int32Array(maxDepth + 2)
    this.issues = new IssueBudget(file, onIssue, recorder)
  }

  /** Reports an issue through the file's budget (the reader uses it for the error that stops a read). */
  public report(issue: LoadIssue): void {
    this.issues.report(issue)
  }

  /** A start tag. */
  public abstract openElement(nameId: number, tag: XmlTag): void

  /** An end tag. */
  public abstract closeElement(nameId: number): void

  /** Character data of the current element. */
  public text(value: string): void {
    const before = this.collectedText()
    this.collectedStart = -1
    this.collected = before === '' ? value : before + value
  }

  /**
   * Character data of the current element, taken as bytes when it is plain ASCII (only while `wantsAsciiBytes`):
   * the bytes are checked as they are copied, and a run that is not plain is left (false) for the scanner to hand
   * over as a string.
   */
  public asciiText(bytes: Uint8Array, start: number, end: number): boolean {
    if (this.collectedStart !== -1 || this.collected !== '') {
      // A second piece (text around a comment, say): the text goes on as a string.
      if (!isPlainAscii(bytes, start, end)) return false
      this.text(asciiSlice(bytes, start, end))
      return true
    }
    const length = end - start
    if (length > MAX_KEPT_RUN_BYTES) return false
    if (this.valueBytesUsed + length > this.valueBytes.length) this.moveToNewSlab(length)
    const at = this.valueBytesUsed
    const into = this.valueBytes
    if (length > 64) {
      if (!isPlainAscii(bytes, start, end)) return false
      into.set(bytes.subarray(start, end), at)
    } else {
      for (let from = start; from < end; from++) {
        const byte = bytes[from]
        if (PLAIN_ASCII[byte] === 0) return false
        into[at + from - start] = byte
      }
    }
    this.collectedStart = at - this.objectBytesStart
    this.collectedEnd = this.collectedStart + length
    this.valueBytesUsed = at + length
    return true
  }

  /** Text of the current element so far, as a string. */
  protected collectedText(): string {
    if (this.collectedStart === -1) return this.collected
    return this.valueText(this.collectedStart, this.collectedEnd)
  }

  /** The bytes at `[start, end)` of the object's value bytes, as text. */
  protected valueText(start: number, end: number): string {
    return asciiSlice(this.valueBytes, this.objectBytesStart + start, this.objectBytesStart + end)
  }

  /**
   * Starts the value bytes of a new object, with a `valueSource` of its own when this reader keeps values as bytes
   * (the last object's bytes, if it was not handed over, are let go).
   */
  protected beginValueBytes(): void {
    this.valueSource = this.valuesAsBytes ? new ValueBytes() : null
    this.valueBytesUsed = this.objectBytesStart
  }

  /** Points the object's `valueSource` at its value bytes, which stay where they are; the next object's follow. */
  protected handOverValueBytes(): void {
    const source = this.valueSource
    if (source === null) return
    source.bytes = this.valueBytes
    source.offset = this.objectBytesStart
    this.objectBytesStart = this.valueBytesUsed
  }

  /** Moves the object being read to a new slab with room for `more` bytes (its collected text counts from it). */
  private moveToNewSlab(more: number): void {
    const used = this.valueBytesUsed - this.objectBytesStart
    let size = VALUE_SLAB_BYTES
    while (size < 2 * (used + more)) size *= 2
    const slab = new Uint8Array(size)
    slab.set(this.valueBytes.subarray(this.objectBytesStart, this.valueBytesUsed))
    this.valueBytes = slab
    this.objectBytesStart = 0
    this.valueBytesUsed = used
  }

  /** Enters an element in `context`; `keepText` keeps the parent's text (an unknown child inside mixed content). */
  protected enter(context: number, nameId: number, keepText: boolean): void {
    this.depth++
    this.contexts[this.depth] = context
    this.nameIds[this.depth] = nameId
    if (!keepText) {
      this.collected = ''
      this.collectedStart = -1
    }
    this.wantsText = this.wantsTextIn[context] ?? false
    this.wantsAsciiBytes = this.asciiNext
    this.asciiNext = false
  }

  /** Leaves the current element; `keepText` as for `enter`. */
  protected leave(keepText: boolean): void {
    if (!keepText) {
      this.collected = ''
      this.collectedStart = -1
    }
    this.depth--
    this.wantsText = this.wantsTextIn[this.contexts[this.depth]] ?? false
    this.wantsAsciiBytes = false
  }

  /** Notes that the root element belongs to another format: "this is not `what`: …, expected `expected`". */
  protected refuseRoot(tag: XmlTag, what: string, expected: string): void {
    this.wrongRoot = true
    this.issues.report(
      loadIssue(
        'error',
        this.file,
        `this is not ${what}: the root element is <${tag.elementName()}>, expected ${expected}`,
        tag.position(),
      ),
    )
  }

  /** Element names from depth `from` to the current depth, joined by `/` (empty when `from` is deeper). */
  protected pathFrom(from: number): string {
    let path = ''
    for (let level = from; level <= this.depth; level++) {
      const name = this.names.text(this.nameIds[level])
      path = path === '' ? name : `${path}/${name}`
    }
    return path
  }

  /** A warning at the start of the object being read. */
  protected warnAtObject(message: string): void {
    this.issues.report(loadIssue('warning', this.file, message, this.objectPosition ?? undefined))
  }
}
