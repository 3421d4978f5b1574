import { decodeEntities } from './entities'
import { NAME_HASH_SEED, NameTable, UNINTERNED_NAME, hashStep } from './name-table'
import { Utf8Decoder } from './utf8-decoder'
import {
  DEFAULT_XML_LIMITS,
  type XmlError,
  type XmlLimits,
  type XmlPosition,
  type XmlSink,
  type XmlTag,
  type XmlTokenizer,
} from './xml-sink'
import { formatBytes } from '../../text/format'

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const BANG = 0x21
const QUESTION = 0x3f
const EQUALS = 0x3d
const DOUBLE_QUOTE = 0x22
const SINGLE_QUOTE = 0x27
const AMPERSAND = 0x26
const LF = 0x0a
const CR = 0x0d
const TAB = 0x09
const DASH = 0x2d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d

/** Scan results below zero: the token continues in the next chunk, or the document failed. */
const NEED_MORE = -1
const FAILED = -2

/** What an incomplete token at the end of the buffer is waiting for. */
const PENDING_NONE = 0
const PENDING_TEXT = 1
const PENDING_START_TAG = 2
const PENDING_END_TAG = 3
const PENDING_COMMENT = 4
const PENDING_CDATA = 5
const PENDING_PI = 6
/** Too few bytes after `<` to tell what the markup is; waits for a few more. */
const PENDING_SHORT = 7

const NAME_START = 1
const NAME_CHAR = 2
const SPACE = 4
const BYTE_CLASS = buildByteClasses()
/** Bytes an attribute-value loop must look at: quotes, `<`, `&` and control characters. */
const VALUE_SPECIAL = buildValueSpecials()

const HAS_AMPERSAND = 1
const HAS_WHITESPACE_CONTROL = 2

/** How much a start tag may exceed the value bound (names, quotes, other attributes). */
const TAG_OVERHEAD_BYTES = 1024 * 1024
const INITIAL_BUFFER_BYTES = 64 * 1024
/** Text runs up to this long are searched for their end without calling indexOf. */
const SHORT_TEXT_BYTES = 32
const EMPTY = new Uint8Array(0)
/** Ends the data in the buffer: no name, space or value byte, so every inner loop stops on it. */
const SENTINEL = 0
const SENTINEL_ONLY = new Uint8Array(1)
const utf8 = new TextEncoder()
/** Attribute values up to this long are interned (`attributeValueId`): types, flags, GUIDs, lineage times. */
const MAX_INTERNED_VALUE_BYTES = 64
/** Distinct attribute values interned per document; later new values are decoded each time. */
const MAX_INTERNED_VALUES = 16384
/** State of an interned value: not yet checked, or whether its text is exact (no U+FFFD from invalid bytes). */
const VALUE_UNCHECKED = 0
const VALUE_EXACT = 1
const VALUE_INVALID = 2

const CDATA_OPEN = [0x3c, 0x21, 0x5b, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5b] // <![CDATA[
const DOCTYPE_OPEN = [0x3c, 0x21, 0x44, 0x4f, 0x43, 0x54, 0x59, 0x50, 0x45] // <!DOCTYPE
const ENTITY_OPEN = [0x3c, 0x21, 0x45, 0x4e, 0x54, 0x49, 0x54, 0x59] // <!ENTITY

/**
 * A streaming XML scanner over UTF-8 bytes, tailored for large exports. It tokenizes with byte
 * loops and `indexOf`, decodes only names it has not seen and text the sink asks for, refuses
 * DOCTYPE and entity declarations, and bounds value sizes, name lengths and nesting depth.
 *
 * Not validated, for speed: character data the sink does not ask for (indentation, mixed content)
 * is skipped without checking its entity references or characters.
 */
export class FastXmlScanner implements XmlTokenizer, XmlTag {
  /** The first error met, or null. */
  public error: XmlError | null = null

  /** Text and attribute values that held bytes invalid in UTF-8 (read with U+FFFD in their place). */
  public get invalidTextValues(): number {
    return this.decoder.invalidValues
  }

  private readonly limits: XmlLimits
  private readonly decoder = new Utf8Decoder()

  /** The bytes being scanned (`len` of them, then the sentinel): a view of `data`. */
  private buf: Uint8Array = SENTINEL_ONLY
  private len = 0
  private pos = 0
  private data: Uint8Array = new Uint8Array(INITIAL_BUFFER_BYTES)
  /** `data` read four bytes at a time, for counting line breaks. */
  private words: Uint32Array = wordsOf(this.data)

  private pending = PENDING_NONE
  private resumeAt = 0
  private pendingQuote = 0

  /** Line bookkeeping: `line`/`column` (0-based characters) hold at byte `countedTo` of `buf`. */
  private countedTo = 0
  private line = 1
  private column = 0
  /** Line and column of `buf[0]`. */
  private bufferLine = 1
  private bufferColumn = 0

  private depth = 0
  private readonly stackIds: Int32Array
  private readonly stackRawNames: (Uint8Array | null)[] = []
  private rootSeen = false

  private tagStart = 0
  private tagNameId = 0
  private tagNameStart = 0
  private tagNameEnd = 0
  private attrCount = 0
  private attrNameIds: Int32Array = new Int32Array(16)
  private attrNameStarts: Int32Array = new Int32Array(16)
  private attrNameEnds: Int32Array = new Int32Array(16)
  private attrValueStarts: Int32Array = new Int32Array(16)
  private attrValueEnds: Int32Array = new Int32Array(16)
  private attrFlags: Uint8Array = new Uint8Array(16)
  private readonly attrDecoded: string[] = []
  /** Interned attribute values: ids for `attributeValueId`, each text decoded once. */
  private readonly values = new NameTable([], MAX_INTERNED_VALUES)
  private valueStates: Uint8Array = new Uint8Array(256)

  /** Creates a scanner reporting to `sink`; `names` maps names to the ids the sink expects. */
  public constructor(
    private readonly sink: XmlSink,
    private readonly names: NameTable,
    limits: XmlLimits = DEFAULT_XML_LIMITS,
  ) {
    this.limits = limits
    this.stackIds = new Int32Array(limits.maxDepth + 1)
  }

  /** Number of attributes of the tag being reported. */
  public get attributeCount(): number {
    return this.attrCount
  }

  /**
   * Scans the next chunk. The chunk may be reused by the caller once this returns. Only the bytes up to the last `>`
   * are scanned now (`scanLimit`); the rest waits for the next chunk or the end.
   */
  public push(chunk: Uint8Array): void {
    if (this.error !== null || chunk.length === 0) return
    this.append(chunk)
    if (this.pending === PENDING_NONE || this.resumePending()) this.pos = this.run(this.scanLimit())
    if (this.error === null) this.keepRest()
  }

  /** Ends the input: anything still open or incomplete is reported as truncation. */
  public end(): void {
    if (this.error !== null) return
    // What followed the last `>` of the last chunk: scanned now, up to the end of the input.
    if (this.pending === PENDING_NONE && this.pos < this.len) this.pos = this.run(this.len)
    if (this.error !== null) return
    if (this.depth > 0) {
      const open = this.openElementName(this.depth - 1)
      this.fail(
        `the file ends inside <${open}> (${this.depth} element${this.depth === 1 ? ' is' : 's are'} still open); it is truncated or was not completely written`,
        this.len,
      )
    } else if (this.pos < this.len) {
      this.fail('the file ends inside a markup construct; it is truncated', this.len)
    } else if (!this.rootSeen) {
      this.fail('the file has no root element', this.len)
    }
  }

  /** The element name of the tag being reported. */
  public elementName(): string {
    if (this.tagNameId !== UNINTERNED_NAME) return this.names.text(this.tagNameId)
    return this.decoder.decode(this.buf, this.tagNameStart, this.tagNameEnd)
  }

  /** Name-table id of an attribute name. */
  public attributeNameId(index: number): number {
    return this.attrNameIds[index]
  }

  /** An attribute name as text. */
  public attributeName(index: number): string {
    const id = this.attrNameIds[index]
    if (id !== UNINTERNED_NAME) return this.names.text(id)
    return this.decoder.decode(this.buf, this.attrNameStarts[index], this.attrNameEnds[index])
  }

  /** An attribute value, decoded. */
  public attributeValue(index: number): string {
    if (this.attrFlags[index] !== 0) return this.attrDecoded[index]
    return this.decoder.decode(this.buf, this.attrValueStarts[index], this.attrValueEnds[index])
  }

  /**
   * The interned id of an attribute value. A value whose bytes are not valid UTF-8 is never interned: each read of
   * it goes through `attributeValue`, which counts it, as every other invalid value is counted.
   */
  public attributeValueId(index: number): number {
    if (this.attrFlags[index] !== 0) return UNINTERNED_NAME
    const start = this.attrValueStarts[index]
    const end = this.attrValueEnds[index]
    if (end - start > MAX_INTERNED_VALUE_BYTES) return UNINTERNED_NAME
    const b = this.buf
    const id = this.values.lookup(b, start, end, sampledHash(b, start, end))
    if (id === UNINTERNED_NAME) return id
    if (id >= this.valueStates.length) this.valueStates = grownUint8(this.valueStates, id * 2)
    let state = this.valueStates[id]
    if (state === VALUE_UNCHECKED) {
      state = this.values.text(id).includes('\ufffd') ? VALUE_INVALID : VALUE_EXACT
      this.valueStates[id] = state
    }
    return state === VALUE_EXACT ? id : UNINTERNED_NAME
  }

  /** Position of the tag being reported. */
  public position(): XmlPosition {
    return this.positionAt(this.tagStart)
  }

  /**
   * Where a chunk's scan stops: just after the last `>` in the buffer, or at its end where there is none. A chunk's
   * scan then almost never ends inside a tag, so on well-formed exports the code that puts a cut token aside
   * (`waitStartTag` and the like) is almost never run. That matters for speed, not for what is read: V8's optimizing
   * compiler leaves a path that has never run out of the code it builds, and running it later throws that code away.
   * When every chunk's end cut a tag, each new place it did so (in a name, before a value, inside one) threw away the
   * scanner's hottest code: measured on a 237 MB snapshot, 8 optimizing compiles of `scanStartTag` and 7 of `run` in
   * one load, against 3 and 4 with this limit. A `>` inside a value or a text may set the limit early; a token that
   * crosses it is then put aside and finished with the next chunk, as any cut token is. The inner loops may read past
   * the limit: the bytes there are data, and the sentinel still ends the buffer.
   */
  private scanLimit(): number {
    const last = this.buf.lastIndexOf(GT, this.len - 1)
    return last >= this.pos ? last + 1 : this.len
  }

  /**
   * Scans tokens from `pos` up to `n` and returns where it stopped: at `n`, or at the start of a token that goes on
   * in the next chunk, or where the document failed. The caller stores it: a store after the loop here would first
   * run when a chunk's scan ends, after V8 has already compiled the loop while it ran (on-stack replacement),
   * without knowing the store, and that compiled code would be thrown away there.
   */
  private run(n: number): number {
    const b = this.buf
    let p = this.pos
    while (p < n) {
      let next: number
      if (b[p] !== LT) next = this.scanText(b, p, n)
      else if (p + 1 >= n) next = this.waitShort()
      else {
        const c = b[p + 1]
        if (c === SLASH) next = this.scanEndTag(b, p, n)
        else if (c === BANG) next = this.scanBang(b, p, n)
        else if (c === QUESTION) next = this.scanProcessingInstruction(b, p, n)
        else next = this.scanStartTag(b, p, n)
      }
      if (next < 0) break
      p = next
    }
    return p
  }

  private scanText(b: Uint8Array, p: number, n: number): number {
    // Most text runs are the indentation between tags, a few bytes long: a plain loop over them costs less
    // than a call into indexOf, which takes over for longer runs.
    const shortEnd = p + SHORT_TEXT_BYTES < n ? p + SHORT_TEXT_BYTES : n
    let lt = p
    while (lt < shortEnd && b[lt] !== LT) lt++
    if (lt === shortEnd) lt = shortEnd < n ? b.indexOf(LT, shortEnd) : -1
    const end = lt === -1 ? n : lt
    if (this.depth === 0) {
      for (let i = p; i < end; i++) {
        if ((BYTE_CLASS[b[i]] & SPACE) === 0)
          return this.fail('text is not allowed outside the root element', i)
      }
      return end
    }
    if (!this.sink.wantsText) return end
    if (end - p > this.limits.maxValueBytes) return this.failTooLarge('a text value', p)
    if (lt === -1) {
      this.pending = PENDING_TEXT
      this.resumeAt = n
      return NEED_MORE
    }
    this.emitText(b, p, lt)
    return this.error === null ? lt : FAILED
  }

  private emitText(b: Uint8Array, start: number, end: number): void {
    const sink = this.sink
    // A sink that takes plain ASCII as bytes checks the run while it copies it, and says when it took it.
    if (sink.wantsAsciiBytes === true && sink.asciiText !== undefined && sink.asciiText(b, start, end)) return
    const raw = this.decoder.decode(b, start, end)
    let text = raw
    if (text.indexOf('\r') !== -1) text = normalizeNewlines(text)
    if (text.indexOf('&') !== -1) {
      const decoded = decodeEntities(text)
      if (!decoded.ok) {
        const rawResult = decodeEntities(raw)
        const offset = rawResult.ok ? 0 : rawResult.offset
        this.fail(decoded.message, start + utf8.encode(raw.slice(0, offset)).length)
        return
      }
      text = decoded.value
    }
    this.sink.text(text)
  }

  private scanStartTag(b: Uint8Array, p: number, n: number): number {
    let i = p + 1
    let c = b[i]
    if ((BYTE_CLASS[c] & NAME_START) === 0)
      return this.fail('"<" must start a tag name (write &lt; for a literal "<")', i)
    let hash = hashStep(NAME_HASH_SEED, c)
    i++
    while ((BYTE_CLASS[(c = b[i])] & NAME_CHAR) !== 0) {
      hash = hashStep(hash, c)
      i++
    }
    if (i >= n) return this.waitStartTag(p, n)
    const nameEnd = i
    if (nameEnd - p - 1 > this.limits.maxNameBytes) return this.failNameTooLong(p + 1)
    const nameId = this.names.lookup(b, p + 1, nameEnd, hash)
    let count = 0
    let selfClosing = false
    for (;;) {
      const beforeSpace = i
      while ((BYTE_CLASS[b[i]] & SPACE) !== 0) i++
      if (i >= n) return this.waitStartTag(p, n)
      c = b[i]
      if (c === GT) {
        i++
        break
      }
      if (c === SLASH) {
        if (i + 1 >= n) return this.waitStartTag(p, n)
        if (b[i + 1] !== GT) return this.fail('expected ">" after "/" in a tag', i + 1)
        selfClosing = true
        i += 2
        break
      }
      if (i === beforeSpace) return this.fail('attributes must be separated by whitespace', i)
      if ((BYTE_CLASS[c] & NAME_START) === 0) return this.fail(`unexpected character in a tag`, i)
      const attrStart = i
      hash = hashStep(NAME_HASH_SEED, c)
      i++
      while ((BYTE_CLASS[(c = b[i])] & NAME_CHAR) !== 0) {
        hash = hashStep(hash, c)
        i++
      }
      const attrEnd = i
      if (attrEnd - attrStart > this.limits.maxNameBytes) return this.failNameTooLong(attrStart)
      while ((BYTE_CLASS[b[i]] & SPACE) !== 0) i++
      if (i >= n) return this.waitStartTag(p, n)
      if (b[i] !== EQUALS) return this.fail('expected "=" after an attribute name', i)
      i++
      while ((BYTE_CLASS[b[i]] & SPACE) !== 0) i++
      if (i >= n) return this.waitStartTag(p, n)
      const quote = b[i]
      if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE)
        return this.fail('an attribute value must be quoted', i)
      i++
      const valueStart = i
      let flags = 0
      for (;;) {
        while (VALUE_SPECIAL[(c = b[i])] === 0) i++
        if (i >= n) return this.waitStartTag(p, n)
        if (c === quote) break
        if (c === AMPERSAND) flags |= HAS_AMPERSAND
        else if (c === TAB || c === LF || c === CR) flags |= HAS_WHITESPACE_CONTROL
        else if (c === LT) return this.fail('"<" is not allowed in an attribute value (write &lt;)', i)
        else if (c !== DOUBLE_QUOTE && c !== SINGLE_QUOTE) {
          return this.fail('a control character is not allowed in XML', i)
        }
        i++
      }
      if (i - valueStart > this.limits.maxValueBytes)
        return this.failTooLarge('an attribute value', valueStart)
      if (count === this.attrNameIds.length) this.growAttributes()
      const attrId = this.names.lookup(b, attrStart, attrEnd, hash)
      for (let k = 0; k < count; k++) {
        if (this.attrNameIds[k] === attrId && this.sameAttributeName(b, k, attrStart, attrEnd)) {
          return this.fail('an attribute appears twice in the same tag', attrStart)
        }
      }
      this.attrNameIds[count] = attrId
      this.attrNameStarts[count] = attrStart
      this.attrNameEnds[count] = attrEnd
      this.attrValueStarts[count] = valueStart
      this.attrValueEnds[count] = i
      this.attrFlags[count] = flags
      if (flags !== 0 && !this.decodeSpecialValue(b, count, valueStart, i, flags)) return FAILED
      count++
      i++
    }
    if (this.depth === 0) {
      if (this.rootSeen) return this.fail('a document has only one root element', p)
      this.rootSeen = true
    }
    if (this.depth >= this.limits.maxDepth) {
      return this.fail(`elements are nested deeper than ${this.limits.maxDepth} levels`, p)
    }
    this.stackIds[this.depth] = nameId
    this.stackRawNames[this.depth] = nameId === UNINTERNED_NAME ? b.slice(p + 1, nameEnd) : null
    this.depth++
    this.tagStart = p
    this.tagNameId = nameId
    this.tagNameStart = p + 1
    this.tagNameEnd = nameEnd
    this.attrCount = count
    this.sink.openElement(nameId, this)
    if (selfClosing) {
      this.depth--
      this.sink.closeElement(nameId)
    }
    return i
  }

  private decodeSpecialValue(
    b: Uint8Array,
    index: number,
    start: number,
    end: number,
    flags: number,
  ): boolean {
    let value = this.decoder.decode(b, start, end)
    if ((flags & HAS_WHITESPACE_CONTROL) !== 0) value = normalizeAttributeWhitespace(value)
    if ((flags & HAS_AMPERSAND) !== 0) {
      const decoded = decodeEntities(value)
      if (!decoded.ok) {
        this.fail(decoded.message, b.indexOf(AMPERSAND, start))
        return false
      }
      value = decoded.value
    }
    this.attrDecoded[index] = value
    return true
  }

  private sameAttributeName(b: Uint8Array, index: number, start: number, end: number): boolean {
    if (this.attrNameIds[index] !== UNINTERNED_NAME) return true
    const otherStart = this.attrNameStarts[index]
    if (this.attrNameEnds[index] - otherStart !== end - start) return false
    for (let k = 0; k < end - start; k++) if (b[otherStart + k] !== b[start + k]) return false
    return true
  }

  private scanEndTag(b: Uint8Array, p: number, n: number): number {
    if (this.depth === 0) return this.fail('a closing tag without a matching opening tag', p)
    const top = this.depth - 1
    const id = this.stackIds[top]
    let expected: Uint8Array
    let expectedStart: number
    let nameLength: number
    if (id === UNINTERNED_NAME) {
      expected = this.stackRawNames[top] ?? EMPTY
      expectedStart = 0
      nameLength = expected.length
    } else {
      expected = this.names.pool
      expectedStart = this.names.offsetOf(id)
      nameLength = this.names.lengthOf(id)
    }
    let i = p + 2
    for (let k = 0; k < nameLength; k++, i++) {
      if (b[i] !== expected[expectedStart + k]) {
        if (i >= n) return this.waitEndTag(p)
        return this.failMismatch(b, p, n, top)
      }
    }
    if (i >= n) return this.waitEndTag(p)
    let c = b[i]
    if (c !== GT) {
      if ((BYTE_CLASS[c] & SPACE) === 0) return this.failMismatch(b, p, n, top)
      while (i < n && (BYTE_CLASS[b[i]] & SPACE) !== 0) i++
      if (i >= n) return this.waitEndTag(p)
      c = b[i]
      if (c !== GT) return this.fail('expected ">" to end the closing tag', i)
    }
    this.depth = top
    this.sink.closeElement(id)
    return i + 1
  }

  private failMismatch(b: Uint8Array, p: number, n: number, top: number): number {
    let end = p + 2
    while (end < n && (BYTE_CLASS[b[end]] & NAME_CHAR) !== 0 && end - p < 200) end++
    const found = this.decoder.decode(b, p + 2, end)
    return this.fail(
      `closing tag </${found}> does not match the open element <${this.openElementName(top)}>`,
      p,
    )
  }

  private scanBang(b: Uint8Array, p: number, n: number): number {
    if (p + 3 >= n) return this.waitShort()
    if (b[p + 2] === DASH) {
      if (b[p + 3] !== DASH) return this.fail('invalid markup: "<!-" must start a comment "<!--"', p)
      const close = findSequence(b, p + 4, n, DASH, DASH, GT)
      if (close === -1) return this.waitFor(PENDING_COMMENT, p, n)
      if (close - p > this.limits.maxValueBytes) return this.failTooLarge('a comment', p)
      return close + 3
    }
    if (b[p + 2] === OPEN_BRACKET) {
      if (p + CDATA_OPEN.length > n) return this.waitShort()
      if (!startsWith(b, p, CDATA_OPEN)) return this.fail('invalid markup after "<!["', p)
      if (this.depth === 0) return this.fail('a CDATA section is not allowed outside the root element', p)
      const bodyStart = p + CDATA_OPEN.length
      const close = findSequence(b, bodyStart, n, CLOSE_BRACKET, CLOSE_BRACKET, GT)
      if (close === -1) return this.waitFor(PENDING_CDATA, p, n)
      if (close - bodyStart > this.limits.maxValueBytes) return this.failTooLarge('a CDATA section', p)
      if (this.sink.wantsText) {
        let text = this.decoder.decode(b, bodyStart, close)
        if (text.indexOf('\r') !== -1) text = normalizeNewlines(text)
        this.sink.text(text)
      }
      return close + 3
    }
    if (p + DOCTYPE_OPEN.length > n && matchesSoFar(b, p, n, DOCTYPE_OPEN)) return this.waitShort()
    if (startsWith(b, p, DOCTYPE_OPEN)) {
      return this.fail(
        'the file contains a <!DOCTYPE> declaration, which SyncLens refuses: DTDs can define entities that expand without bound or point to external files, and export files never contain one',
        p,
      )
    }
    if (p + ENTITY_OPEN.length > n && matchesSoFar(b, p, n, ENTITY_OPEN)) return this.waitShort()
    if (startsWith(b, p, ENTITY_OPEN)) {
      return this.fail('the file contains an entity declaration (<!ENTITY>), which SyncLens refuses', p)
    }
    return this.fail('invalid markup: "<!" must start a comment or a CDATA section', p)
  }

  private scanProcessingInstruction(b: Uint8Array, p: number, n: number): number {
    const close = findSequence(b, p + 2, n, QUESTION, GT, -1)
    if (close === -1) return this.waitFor(PENDING_PI, p, n)
    if (close - p > this.limits.maxValueBytes) return this.failTooLarge('a processing instruction', p)
    return close + 2
  }

  private waitShort(): number {
    this.pending = PENDING_SHORT
    return NEED_MORE
  }

  private waitStartTag(p: number, n: number): number {
    if (n - p > this.limits.maxValueBytes + TAG_OVERHEAD_BYTES) return this.failTooLarge('a start tag', p)
    this.pending = PENDING_START_TAG
    this.resumeAt = p + 1
    this.pendingQuote = 0
    return NEED_MORE
  }

  private waitEndTag(p: number): number {
    this.pending = PENDING_END_TAG
    this.resumeAt = p + 2
    return NEED_MORE
  }

  private waitFor(kind: number, p: number, n: number): number {
    if (n - p > this.limits.maxValueBytes) return this.failTooLarge(pendingDescription(kind), p)
    this.pending = kind
    this.resumeAt = Math.max(p + 2, n - 2)
    return NEED_MORE
  }

  /** Continues looking for the end of the pending token; true when it is now complete. */
  private resumePending(): boolean {
    const b = this.buf
    const n = this.len
    const kind = this.pending
    let found: number
    switch (kind) {
      case PENDING_SHORT:
        found = n
        break
      case PENDING_TEXT:
        found = b.indexOf(LT, this.resumeAt)
        this.resumeAt = n
        break
      case PENDING_END_TAG:
        found = b.indexOf(GT, this.resumeAt)
        this.resumeAt = n
        break
      case PENDING_START_TAG:
        found = this.findTagEnd(b, n)
        break
      case PENDING_COMMENT:
        found = findSequence(b, this.resumeAt, n, DASH, DASH, GT)
        this.resumeAt = Math.max(this.resumeAt, n - 2)
        break
      case PENDING_CDATA:
        found = findSequence(b, this.resumeAt, n, CLOSE_BRACKET, CLOSE_BRACKET, GT)
        this.resumeAt = Math.max(this.resumeAt, n - 2)
        break
      case PENDING_PI:
        found = findSequence(b, this.resumeAt, n, QUESTION, GT, -1)
        this.resumeAt = Math.max(this.resumeAt, n - 1)
        break
      default:
        found = n
    }
    if (found !== -1) {
      this.pending = PENDING_NONE
      return true
    }
    const size = n - this.pos
    const bound =
      kind === PENDING_END_TAG
        ? this.limits.maxNameBytes + TAG_OVERHEAD_BYTES
        : kind === PENDING_START_TAG
          ? this.limits.maxValueBytes + TAG_OVERHEAD_BYTES
          : this.limits.maxValueBytes
    if (size > bound) this.failTooLarge(pendingDescription(kind), this.pos)
    return false
  }

  private findTagEnd(b: Uint8Array, n: number): number {
    let quote = this.pendingQuote
    let i = this.resumeAt
    for (; i < n; i++) {
      const c = b[i]
      if (quote !== 0) {
        if (c === quote) quote = 0
      } else if (c === GT) {
        this.pendingQuote = 0
        return i
      } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) quote = c
    }
    this.pendingQuote = quote
    this.resumeAt = n
    return -1
  }

  /** Drops the consumed bytes; the unconsumed tail stays at the start of the buffer. */
  private keepRest(): void {
    this.countLinesTo(this.pos)
    this.bufferLine = this.line
    this.bufferColumn = this.column
    const rest = this.len - this.pos
    if (this.pos > 0 && rest > 0) this.data.copyWithin(0, this.pos, this.len)
    this.resumeAt -= this.pos
    this.pos = 0
    this.countedTo = 0
    this.len = rest
    this.data[rest] = SENTINEL
    this.buf = this.data.subarray(0, rest + 1)
  }

  /**
   * Appends a chunk after the unconsumed tail. The scanner always works on its own copy with a
   * sentinel byte after the data, so inner loops need no end-of-buffer test: the sentinel stops
   * them, and one check afterwards tells a token that continues in the next chunk.
   */
  private append(chunk: Uint8Array): void {
    const needed = this.len + chunk.length
    if (this.data.length < needed + 1) {
      const grown = new Uint8Array(nextCapacity(needed + 1))
      grown.set(this.data.subarray(0, this.len), 0)
      this.data = grown
      this.words = wordsOf(grown)
    }
    this.data.set(chunk, this.len)
    this.data[needed] = SENTINEL
    this.len = needed
    this.buf = this.data.subarray(0, needed + 1)
  }

  private countLinesTo(to: number): void {
    const b = this.buf
    const from = this.countedTo
    const breaks = countLineBreaks(b, this.words, from, to)
    if (breaks === 0) {
      this.column += countCharacters(b, from, to)
    } else {
      this.line += breaks
      this.column = countCharacters(b, b.lastIndexOf(LF, to - 1) + 1, to)
    }
    this.countedTo = to
  }

  private positionAt(offset: number): XmlPosition {
    const at = Math.max(0, Math.min(offset, this.len))
    if (at < this.countedTo) {
      this.countedTo = 0
      this.line = this.bufferLine
      this.column = this.bufferColumn
    }
    this.countLinesTo(at)
    return { line: this.line, column: this.column + 1 }
  }

  private fail(message: string, offset: number): number {
    if (this.error === null) {
      const { line, column } = this.positionAt(offset)
      this.error = { message, line, column }
    }
    this.pending = PENDING_NONE
    return FAILED
  }

  private failTooLarge(what: string, offset: number): number {
    return this.fail(
      `${what} is larger than ${formatBytes(this.limits.maxValueBytes)}, the limit SyncLens reads`,
      offset,
    )
  }

  private failNameTooLong(offset: number): number {
    return this.fail(`a name is longer than ${this.limits.maxNameBytes} bytes`, offset)
  }

  private openElementName(level: number): string {
    const id = this.stackIds[level]
    if (id !== UNINTERNED_NAME) return this.names.text(id)
    const raw = this.stackRawNames[level] ?? EMPTY
    return this.decoder.decode(raw, 0, raw.length)
  }

  private growAttributes(): void {
    const size = this.attrNameIds.length * 2
    this.attrNameIds = grownInt32(this.attrNameIds, size)
    this.attrNameStarts = grownInt32(this.attrNameStarts, size)
    this.attrNameEnds = grownInt32(this.attrNameEnds, size)
    this.attrValueStarts = grownInt32(this.attrValueStarts, size)
    this.attrValueEnds = grownInt32(this.attrValueEnds, size)
    const flags = new Uint8Array(size)
    flags.set(this.attrFlags, 0)
    this.attrFlags = flags
  }
}

function buildByteClasses(): Uint8Array {
  const classes = new Uint8Array(256)
  for (let c = 0; c < 256; c++) {
    const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
    if (letter || c === 0x5f || c === 0x3a || c >= 0x80) classes[c] = NAME_START | NAME_CHAR
    else if ((c >= 0x30 && c <= 0x39) || c === DASH || c === 0x2e) classes[c] = NAME_CHAR
  }
  for (const c of [0x20, TAB, LF, CR]) classes[c] = SPACE
  return classes
}

function buildValueSpecials(): Uint8Array {
  const specials = new Uint8Array(256)
  for (let c = 0; c < 0x20; c++) specials[c] = 1
  for (const c of [DOUBLE_QUOTE, SINGLE_QUOTE, AMPERSAND, LT]) specials[c] = 1
  return specials
}

/** Index of the first `a b c` (or `a b` when `c` is -1) at or after `from`, or -1. */
function findSequence(
  b: Uint8Array,
  from: number,
  n: number,
  a: number,
  second: number,
  third: number,
): number {
  const tail = third === -1 ? 1 : 2
  let i = from
  for (;;) {
    i = b.indexOf(a, i)
    if (i === -1 || i + tail >= n) return -1
    if (b[i + 1] === second && (third === -1 || b[i + 2] === third)) return i
    i++
  }
}

function startsWith(b: Uint8Array, p: number, prefix: readonly number[]): boolean {
  if (p + prefix.length > b.length) return false
  for (let k = 0; k < prefix.length; k++) if (b[p + k] !== prefix[k]) return false
  return true
}

function matchesSoFar(b: Uint8Array, p: number, n: number, prefix: readonly number[]): boolean {
  for (let k = 0; k < prefix.length && p + k < n; k++) if (b[p + k] !== prefix[k]) return false
  return true
}

/** A four-byte view of a scan buffer (whose length is a multiple of four). */
function wordsOf(data: Uint8Array): Uint32Array {
  return new Uint32Array(data.buffer, data.byteOffset, data.byteLength >>> 2)
}

/**
 * Line feeds in `b[from, to)`. Every byte of a file passes through here once, so whole words are tested four bytes
 * at a time: a byte of `x = word ^ 0x0a0a0a0a` is zero exactly where the word held a line feed, and the exact
 * zero-byte test marks each such byte with its high bit.
 */
function countLineBreaks(b: Uint8Array, words: Uint32Array, from: number, to: number): number {
  let count = 0
  let i = from
  for (; i < to && (i & 3) !== 0; i++) if (b[i] === LF) count++
  const lastWord = to >>> 2
  for (let word = i >>> 2; word < lastWord; word++) {
    const x = words[word] ^ 0x0a0a0a0a
    const marks = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080
    if (marks !== 0) count += Math.imul(marks >>> 7, 0x01010101) >>> 24
  }
  for (i = Math.max(i, lastWord << 2); i < to; i++) if (b[i] === LF) count++
  return count
}

function countCharacters(b: Uint8Array, from: number, to: number): number {
  let count = 0
  for (let i = from; i < to; i++) if ((b[i] & 0xc0) !== 0x80) count++
  return count
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

function normalizeAttributeWhitespace(text: string): string {
  return text.replace(/\r\n?/g, ' ').replace(/[\t\n]/g, ' ')
}

/**
 * The hash an interned attribute value is looked up by: its length and about ten of its bytes, spread over it
 * (every byte of a value up to 16 bytes). The lookup compares every byte of a candidate, so equal hashes of
 * different values cost a probe, never a wrong id; and the values interned are GUIDs, times and flags that differ
 * throughout, where hashing all 38 bytes of each of the two GUIDs of every metaverse value was most of the lookup.
 */
function sampledHash(b: Uint8Array, start: number, end: number): number {
  const length = end - start
  const step = length > 16 ? length >>> 3 : 1
  let hash = hashStep(NAME_HASH_SEED, length & 0xff)
  for (let i = start; i < end; i += step) hash = hashStep(hash, b[i])
  return length > 16 ? hashStep(hash, b[end - 1]) : hash
}

function grownUint8(source: Uint8Array, size: number): Uint8Array {
  const grown = new Uint8Array(size)
  grown.set(source, 0)
  return grown
}

function grownInt32(source: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(size)
  grown.set(source, 0)
  return grown
}

function nextCapacity(needed: number): number {
  let capacity = INITIAL_BUFFER_BYTES
  while (capacity < needed) capacity *= 2
  return capacity
}

function pendingDescription(kind: number): string {
  switch (kind) {
    case PENDING_TEXT:
      return 'a text value'
    case PENDING_START_TAG:
      return 'a start tag'
    case PENDING_END_TAG:
      return 'a closing tag'
    case PENDING_COMMENT:
      return 'a comment'
    case PENDING_CDATA:
      return 'a CDATA section'
    case PENDING_PI:
      return 'a processing instruction'
    default:
      return 'a markup construct'
  }
}
