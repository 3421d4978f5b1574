import type { XmlTag } from '../../xml/fast/xml-sink'
import { guidOrText } from './csexport-values'

/** A cache slot not filled yet (every answer below is a string or null). */
const UNKNOWN = undefined

/**
 * What the object sinks read from attribute values that repeat on every element (the lineage GUIDs, connector ids
 * and times of every metaverse value), kept per interned value (`XmlTag.attributeValueId`): a value
 * seen before is neither decoded nor parsed again. A value that is not interned is read and parsed as it comes, so
 * every answer is exactly what the plain functions give.
 */
export class TagValues {
  private readonly guids: (string | null | undefined)[] = []
  private readonly trimmed: (string | null | undefined)[] = []

  /** `guidOrText` of the value: a normalized GUID, else the trimmed text, null when empty. */
  public guidOrText(tag: XmlTag, index: number): string | null {
    const id = tag.attributeValueId(index)
    if (id < 0) return guidOrText(tag.attributeValue(index))
    const known = this.guids[id]
    return known !== UNKNOWN ? known : remember(this.guids, id, guidOrText(tag.attributeValue(index)))
  }

  /** The value trimmed, null when that leaves nothing. */
  public trimmedOrNull(tag: XmlTag, index: number): string | null {
    const id = tag.attributeValueId(index)
    if (id < 0) return nonEmptyTrimmed(tag.attributeValue(index))
    const known = this.trimmed[id]
    return known !== UNKNOWN ? known : remember(this.trimmed, id, nonEmptyTrimmed(tag.attributeValue(index)))
  }
}

/** Stores an answer at `id`, filling the slots before it so that the array stays dense (ids are small). */
function remember<T>(cache: (T | undefined)[], id: number, answer: T): T {
  while (cache.length < id) cache.push(UNKNOWN)
  cache[id] = answer
  return answer
}

function nonEmptyTrimmed(text: string): string | null {
  const trimmed = text.trim()
  return trimmed === '' ? null : trimmed
}
