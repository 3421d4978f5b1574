import { detachString } from './detach'

/**
 * Gives each distinct string a small integer id: attribute names, object types, connector ids and
 * names, rule names. These repeat millions of times; stored once, each use costs four bytes.
 */
export class Interner {
  private readonly ids = new Map<string, number>()
  private readonly strings: string[] = []
  private chars = 0

  /** The id of a string, adding it when new. */
  public intern(text: string): number {
    const known = this.ids.get(text)
    if (known !== undefined) return known
    const id = this.strings.length
    const own = detachString(text)
    this.strings.push(own)
    this.ids.set(own, id)
    this.chars += own.length
    return id
  }

  /** The string with this id. */
  public text(id: number): string {
    const text = this.strings[id]
    if (text === undefined) throw new RangeError(`No interned string ${id}`)
    return text
  }

  /** Number of distinct strings. */
  public get size(): number {
    return this.strings.length
  }

  /** Every string, by id. */
  public all(): readonly string[] {
    return this.strings
  }

  /** This interner's ids of another interner's strings (adding those it lacks), indexed by the other's ids. */
  public remap(strings: readonly string[]): Uint32Array {
    const ids = new Uint32Array(strings.length)
    for (let index = 0; index < strings.length; index += 1) ids[index] = this.intern(strings[index] ?? '')
    return ids
  }

  /** Bytes held, estimated (string headers, map entries). */
  public byteSize(): number {
    return this.chars * 2 + this.strings.length * 80
  }
}

/** Interns a nullable string as id + 1, with 0 for null, so that it fits an unsigned array. */
export function internNullable(interner: Interner, text: string | null): number {
  return text === null ? 0 : interner.intern(text) + 1
}

/** Reads back a value stored by `internNullable`. */
export function textNullable(interner: Interner, stored: number): string | null {
  return stored === 0 ? null : interner.text(stored - 1)
}
