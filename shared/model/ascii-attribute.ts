import { asciiSlice } from '../text/ascii'
import type { Attribute, AttributeType, MvAttribute, ValueLineage } from './objects'

const NO_BYTES = new Uint8Array(0)

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
 * Readers make these only for the objects they hand to a store (see the readers' `valuesAsBytes`).
 */
export class AsciiAttribute implements Attribute {
  private made: readonly string[] | null = null

  /** `bounds` holds each value's start and end in `source.bytes`, from `source.offset`, in order. */
  public constructor(
    public readonly name: string,
    public readonly type: AttributeType,
    public readonly multiValued: boolean,
    public readonly source: ValueBytes,
    public readonly bounds: readonly number[],
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

  /** The plain attribute (for JSON: `values` is not an own property). */
  public toJSON(): Attribute {
    return { name: this.name, type: this.type, multiValued: this.multiValued, values: this.values }
  }
}

/** A metaverse attribute whose values are all ASCII text kept as bytes, with the lineage of each value. */
export class AsciiMvAttribute extends AsciiAttribute implements MvAttribute {
  public constructor(
    name: string,
    type: AttributeType,
    multiValued: boolean,
    source: ValueBytes,
    bounds: readonly number[],
    public readonly lineage: readonly ValueLineage[],
  ) {
    super(name, type, multiValued, source, bounds)
  }

  /** The plain attribute, lineage included. */
  public override toJSON(): MvAttribute {
    return { ...super.toJSON(), lineage: this.lineage }
  }
}

/** Number of values of an attribute, without making the strings of one kept as bytes. */
export function valueCountOf(attribute: Attribute): number {
  return attribute instanceof AsciiAttribute ? attribute.bounds.length >> 1 : attribute.values.length
}
