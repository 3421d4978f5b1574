import { type BinaryReader, type BinaryWriter, StoreFormatError } from './binary'
import { uint32Array, uint8Array } from './chunked-array'
import { formatGuid, hashGuidWords, packGuidInto, packGuidLoosely, type GuidSpelling } from './guid'
import { hashText } from './hash'
import { TextPool } from './text-pool'

const NULL_ID = 0
const TEXT_ID = 5
/** The words of the id being pushed (`packGuidInto`). */
const scratch = new Uint32Array(4)

/** What an id lookup compares: the GUID's words when the text is a GUID in any spelling, else the text. */
export interface IdKey {
  readonly words: readonly [number, number, number, number] | null
  readonly text: string
  readonly hash: number
}

/** The lookup key of an id as a caller writes it: GUIDs match in any case, with or without braces. */
export function idKey(text: string): IdKey {
  const packed = packGuidLoosely(text)
  if (packed === null) return { words: null, text, hash: hashText(text) }
  const [w0, w1, w2, w3] = packed.words
  return { words: packed.words, text, hash: hashGuidWords(w0, w1, w2, w3) }
}

/**
 * A column of nullable ids, mostly GUIDs, in 17 bytes each instead of a 36-character string.
 *
 * GUIDs in one of the four usual spellings are packed into four 32-bit words plus a spelling byte;
 * anything else (mixed case, another format) is kept as text, so every id reads back exactly.
 */
export class IdColumn {
  private readonly kinds = uint8Array()
  private readonly words = uint32Array()
  private readonly others = new TextPool()

  /** Number of entries. */
  public get length(): number {
    return this.kinds.length
  }

  /** Appends an id (or null) and returns its index. */
  public push(id: string | null): number {
    if (id === null) this.pushEntry(NULL_ID, 0, 0, 0, 0)
    else {
      const spelling = packGuidInto(id, scratch)
      if (spelling === 0) this.pushEntry(TEXT_ID, this.others.push(id), 0, 0, 0)
      else this.pushEntry(spelling, scratch[0] ?? 0, scratch[1] ?? 0, scratch[2] ?? 0, scratch[3] ?? 0)
    }
    return this.kinds.length - 1
  }

  /** Appends a copy of another column's entry (no text round trip for GUIDs) and returns its index. */
  public pushFrom(other: IdColumn, index: number): number {
    const kind = other.kinds.get(index)
    if (kind === TEXT_ID) return this.push(other.get(index))
    const base = index * 4
    const words = other.words
    this.pushEntry(kind, words.get(base), words.get(base + 1), words.get(base + 2), words.get(base + 3))
    return this.kinds.length - 1
  }

  /** The id at an index, spelled as it was added. */
  public get(index: number): string | null {
    const kind = this.kinds.get(index)
    if (kind === NULL_ID) return null
    const base = index * 4
    if (kind === TEXT_ID) return this.others.get(this.words.get(base))
    return formatGuid(
      this.words.get(base),
      this.words.get(base + 1),
      this.words.get(base + 2),
      this.words.get(base + 3),
      kind as GuidSpelling,
    )
  }

  /** The lookup hash of an entry (see `idKey`); 0 for null. */
  public hash(index: number): number {
    const kind = this.kinds.get(index)
    if (kind === NULL_ID) return 0
    if (kind === TEXT_ID) return idKey(this.others.get(this.words.get(index * 4))).hash
    const base = index * 4
    return hashGuidWords(
      this.words.get(base),
      this.words.get(base + 1),
      this.words.get(base + 2),
      this.words.get(base + 3),
    )
  }

  /** Whether an entry matches a lookup key. */
  public matches(index: number, key: IdKey): boolean {
    const kind = this.kinds.get(index)
    if (kind === NULL_ID) return false
    if (kind === TEXT_ID) {
      const text = this.others.get(this.words.get(index * 4))
      if (key.words === null) return text === key.text
      return sameWords(idKey(text).words, key.words)
    }
    const words = key.words
    const base = index * 4
    return (
      words !== null &&
      this.words.get(base) === words[0] &&
      this.words.get(base + 1) === words[1] &&
      this.words.get(base + 2) === words[2] &&
      this.words.get(base + 3) === words[3]
    )
  }

  /** Whether two entries hold the same id (in the lookup sense of `idKey`); never for nulls. */
  public sameId(left: number, right: number): boolean {
    const leftKind = this.kinds.get(left)
    const rightKind = this.kinds.get(right)
    if (leftKind === NULL_ID || rightKind === NULL_ID) return false
    if (leftKind === TEXT_ID || rightKind === TEXT_ID) return this.matches(right, idKey(this.get(left) ?? ''))
    const a = left * 4
    const b = right * 4
    return (
      this.words.get(a) === this.words.get(b) &&
      this.words.get(a + 1) === this.words.get(b + 1) &&
      this.words.get(a + 2) === this.words.get(b + 2) &&
      this.words.get(a + 3) === this.words.get(b + 3)
    )
  }

  /** Whether an entry is null. */
  public isNull(index: number): boolean {
    return this.kinds.get(index) === NULL_ID
  }

  /** Seals the text kept for ids that are not GUIDs. */
  public seal(): void {
    this.others.seal()
  }

  /** Bytes held. */
  public byteSize(): number {
    return this.kinds.byteSize() + this.words.byteSize() + this.others.byteSize()
  }

  /** Writes the column. */
  public writeTo(out: BinaryWriter): void {
    out.arrays(this.kinds.parts())
    out.arrays(this.words.parts())
    this.others.writeTo(out)
  }

  /** Appends a column written by `writeTo`, straight into this column's chunks. */
  public readFrom(input: BinaryReader): void {
    const first = this.kinds.length
    const textBase = this.others.length
    const count = input.arrayInto(this.kinds, 1)
    // Ids kept as text point into the pool, which follows: shift them past the texts this column has already.
    input.arrayInto(this.words, 4, count * 4, (part, start) => {
      if (textBase === 0) return
      for (let index = start % 4 === 0 ? 0 : 4 - (start % 4); index < part.length; index += 4) {
        if (this.kinds.get((start + index) >>> 2) === TEXT_ID) part[index] = (part[index] ?? 0) + textBase
      }
    })
    this.others.readFrom(input)
    for (let index = first; index < first + count; index += 1) {
      if (this.kinds.get(index) === TEXT_ID && this.words.get(index * 4) >= this.others.length)
        throw new StoreFormatError('id column: damaged text ids')
    }
  }

  /** Appends every entry of another column. */
  public append(other: IdColumn): void {
    this.appendEntries(other.kinds.flat(), other.words.flat(), () => this.others.append(other.others))
  }

  private appendEntries(kinds: Uint8Array, words: Uint32Array, appendOthers: () => void): void {
    if (words.length !== kinds.length * 4) throw new RangeError('id column: damaged words')
    const textBase = this.others.length
    appendOthers()
    if (textBase > 0) {
      for (let index = 0; index < kinds.length; index += 1) {
        if (kinds[index] === TEXT_ID) words[index * 4] = (words[index * 4] ?? 0) + textBase
      }
    }
    this.kinds.appendAll(kinds)
    this.words.appendAll(words)
  }

  private pushEntry(kind: number, w0: number, w1: number, w2: number, w3: number): void {
    this.kinds.push(kind)
    this.words.push(w0)
    this.words.push(w1)
    this.words.push(w2)
    this.words.push(w3)
  }
}

function sameWords(
  left: readonly [number, number, number, number] | null,
  right: readonly [number, number, number, number],
): boolean {
  return (
    left !== null &&
    left[0] === right[0] &&
    left[1] === right[1] &&
    left[2] === right[2] &&
    left[3] === right[3]
  )
}
