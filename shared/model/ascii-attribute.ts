import { asciiSlice } from '../text/ascii'
import type { Attribute, AttributeType, MvAttribute, ValueLineage } from './objects'

const NO_BYTES = new Uint8Array(0)
/** The lineage of a connector-space attribute kept as bytes: it has none. */
const NO_LINEAGE: readonly ValueLineage[] = []

/**
 * The bytes behind the ASCII values of one object, as its reader copied them out of the file: a value's bounds
 * count from `offset` in `bytes`, which the reader shares between the objects it reads one after the other. Set
 * once, before the object is handed over.
 */
export class ValueBytes {
  public bytes: Uint8Array = NO_BYTES
  public offset = 0
}

/**
 * An attribute whose values are all ASCII text, kept as their bytes: a store copies the bytes into its text pools
 * without a string per value, and anyone else gets the strings from `values`, made once when first asked for.
 * Readers make these only for the objects they hand to a store (see the readers' `valuesAsBytes`). One class for
 * both formats (a metaverse attribute has the lineage of each value, a connector-space one none), so that the code
 * that stores attributes sees one shape more, not two.
 */
export class AsciiAttribute implements MvAttribute {
  private made: readonly string[] | null = null

  /** `bounds` holds each value's start and end in `source.bytes`, from `source.offset`, in order. */
  public constructor(
    public readonly name: string,
    public readonly type: AttributeType,
    public readonly multiValued: boolean,
    public readonly source: ValueBytes,
    public readonly bounds: readonly number[],
    public readonly lineage: readonly ValueLineage[] = NO_LINEAGE,
  ) {}

  /** The values as strings. */
  public get values(): readonly string[] {
    if (this.made === null) {
      const { bytes, offset } = this.source
      const values = new Array<string>(this.bounds.length >> 1)
      for (let index = 0; index < values.length; index++) {
        const start = offset + (this.bounds[2 * index] ?? 0)
        values[index] = asciiSlice(bytes, start, offset + (this.bounds[2 * index + 1] ?? 0))
      }
      this.made = values
    }
    return this.made
  }

  /** The plain attribute (for JSON: `values` is not an own property), with its lineage when it has one. */
  public toJSON(): Attribute | MvAttribute {
    const plain = { name: this.name, type: this.type, multiValued: this.multiValued, values: this.values }
    return this.lineage === NO_LINEAGE ? plain : { ...plain, lineage: this.lineage }
  }
}

/** Number of values of an attribute, without making the strings of one kept as bytes. */
export function valueCountOf(attribute: Attribute): number {
  return attribute instanceof AsciiAttribute ? attribute.bounds.length >> 1 : attribute.values.length
}
