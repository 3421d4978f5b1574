import type { LoadIssue } from '../../model/load-issue'
import { loadIssue } from '../../model/load-issue'
import type { NameTable } from '../../xml/fast/name-table'
import type { XmlPosition, XmlTag } from '../../xml/fast/xml-sink'
import { IssueBudget, type IssueRecorder } from './issue-budget'
import type { ObjectSink } from './object-stream-reader'

/**
 * The frame that the sinks of both object formats (csexport, mv-objects) build their state machines on: a stack
 * of contexts (what each open element means to the format, a small number chosen by the parent's context), the
 * element names on that stack, the text collected for the current element, the issue budget of the file and the
 * position of the object being read.
 */
export abstract class ObjectSinkBase implements ObjectSink {
  /** Read by the scanner before each text run. */
  public wantsText = false
  /** Objects delivered. */
  public objects = 0
  /** True when the file turned out to be of another format. */
  public wrongRoot = false

  /** Depth of the current element; the context at depth 0 is the document itself. */
  protected depth = 0
  protected readonly contexts: Int32Array
  protected readonly nameIds: Int32Array
  /** Text of the current element so far. */
  protected collected = ''
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
    this.collected = this.collected === '' ? value : this.collected + value
  }

  /** Enters an element in `context`; `keepText` keeps the parent's text (an unknown child inside mixed content). */
  protected enter(context: number, nameId: number, keepText: boolean): void {
    this.depth++
    this.contexts[this.depth] = context
    this.nameIds[this.depth] = nameId
    if (!keepText) this.collected = ''
    this.wantsText = this.wantsTextIn[context] ?? false
  }

  /** Leaves the current element; `keepText` as for `enter`. */
  protected leave(keepText: boolean): void {
    if (!keepText) this.collected = ''
    this.depth--
    this.wantsText = this.wantsTextIn[this.contexts[this.depth]] ?? false
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
