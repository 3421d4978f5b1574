import { type BinaryReader, type BinaryWriter, StoreFormatError } from './binary'
import { uint32Array, uint8Array } from './chunked-array'
import { TextPool } from './text-pool'

const NULL_TIME = 0
const TEXT_TIME = 255

interface PackedTime {
  readonly shape: number
  readonly seconds: number
  readonly fraction: number
}

/**
 * A column of nullable timestamps (lineage times): nine bytes each instead of a 24-character string.
 *
 * A timestamp of the usual form is kept as seconds since 1970 (32 bits), its fraction, and a small
 * "shape" id (separator, fraction digits, zone) from which it is written back exactly; anything
 * else is kept as text.
 */
export class TimeColumn {
  private readonly kinds = uint8Array()
  private readonly seconds = uint32Array()
  private readonly fractions = uint32Array()
  /** Separator, number of fraction digits, zone: e.g. `T3Z`. */
  private readonly shapes: string[] = []
  private readonly texts = new TextPool()
  private lastText: string | null = null
  private lastPacked: PackedTime | null = null

  /** Number of entries. */
  public get length(): number {
    return this.kinds.length
  }

  /** Appends a timestamp (or null). */
  public push(time: string | null): void {
    if (time === null) {
      this.pushEntry(NULL_TIME, 0, 0)
      return
    }
    // Lineage times repeat within an object: one remembered conversion saves most parsing.
    const packed = time === this.lastText ? this.lastPacked : this.pack(time)
    this.lastText = time
    this.lastPacked = packed
    if (packed === null) this.pushEntry(TEXT_TIME, this.texts.push(time), 0)
    else this.pushEntry(packed.shape, packed.seconds, packed.fraction)
  }

  /** Appends a copy of another column's entry without formatting and parsing it again. */
  public pushFrom(other: TimeColumn, index: number): void {
    const kind = other.kinds.get(index)
    if (kind === NULL_TIME || kind === TEXT_TIME) {
      this.push(other.get(index))
      return
    }
    const shape = other.shapes[kind - 1] ?? 'T0'
    let mapped = this.shapes.indexOf(shape) + 1
    if (mapped === 0 && this.shapes.length < TEXT_TIME - 1) mapped = this.shapes.push(shape)
    if (mapped === 0) this.push(other.get(index))
    else this.pushEntry(mapped, other.seconds.get(index), other.fractions.get(index))
  }

  /** The timestamp at an index, as it was added. */
  public get(index: number): string | null {
    const kind = this.kinds.get(index)
    if (kind === NULL_TIME) return null
    if (kind === TEXT_TIME) return this.texts.get(this.seconds.get(index))
    return formatTime(this.shapes[kind - 1] ?? 'T0', this.seconds.get(index), this.fractions.get(index))
  }

  /** Seals the text kept for timestamps of other forms. */
  public seal(): void {
    this.texts.seal()
  }

  /** Bytes held. */
  public byteSize(): number {
    return this.kinds.byteSize() + this.seconds.byteSize() + this.fractions.byteSize() + this.texts.byteSize()
  }

  /** Writes the column. */
  public writeTo(out: BinaryWriter): void {
    out.json(this.shapes)
    out.arrays(this.kinds.parts())
    out.arrays(this.seconds.parts())
    out.arrays(this.fractions.parts())
    this.texts.writeTo(out)
  }

  /** Appends a column written by `writeTo`; into an empty column, straight into its chunks. */
  public readFrom(input: BinaryReader): void {
    const shapes = input.json<string[]>()
    if (this.length > 0 || this.shapes.length > 0) {
      const kinds = input.uint8Array()
      const seconds = input.uint32Array()
      const fractions = input.uint32Array()
      this.appendEntries(shapes, kinds, seconds, fractions, () => this.texts.readFrom(input))
      return
    }
    if (!Array.isArray(shapes) || shapes.length >= TEXT_TIME)
      throw new StoreFormatError('time column: damaged shapes')
    for (const shape of shapes) this.shapes.push(String(shape))
    const count = input.arrayInto(this.kinds, 1)
    input.arrayInto(this.seconds, 4, count)
    input.arrayInto(this.fractions, 4, count)
    this.texts.readFrom(input)
    for (let index = 0; index < count; index += 1) {
      const kind = this.kinds.get(index)
      if (kind === TEXT_TIME ? this.seconds.get(index) >= this.texts.length : kind > this.shapes.length)
        throw new StoreFormatError('time column: damaged entries')
    }
  }

  /** Appends every entry of another column. */
  public append(other: TimeColumn): void {
    this.appendEntries(other.shapes, other.kinds.flat(), other.seconds.flat(), other.fractions.flat(), () =>
      this.texts.append(other.texts),
    )
  }

  private appendEntries(
    shapes: readonly string[],
    kinds: Uint8Array,
    seconds: Uint32Array,
    fractions: Uint32Array,
    appendTexts: () => void,
  ): void {
    if (seconds.length !== kinds.length || fractions.length !== kinds.length)
      throw new RangeError('time column: damaged entries')
    // Shape ids of the other column become this column's; a shape that no longer fits is kept as text.
    const shapeIds = shapes.map((shape) => {
      const known = this.shapes.indexOf(shape)
      if (known >= 0) return known + 1
      if (this.shapes.length >= TEXT_TIME - 1) return -1
      this.shapes.push(shape)
      return this.shapes.length
    })
    const textBase = this.texts.length
    appendTexts()
    for (let index = 0; index < kinds.length; index += 1) {
      const kind = kinds[index] ?? NULL_TIME
      if (kind === NULL_TIME) continue
      if (kind === TEXT_TIME) {
        seconds[index] = (seconds[index] ?? 0) + textBase
        continue
      }
      const mapped = shapeIds[kind - 1] ?? -1
      if (mapped > 0) kinds[index] = mapped
      else {
        kinds[index] = TEXT_TIME
        seconds[index] = this.texts.push(
          formatTime(shapes[kind - 1] ?? 'T0', seconds[index] ?? 0, fractions[index] ?? 0),
        )
      }
    }
    this.kinds.appendAll(kinds)
    this.seconds.appendAll(seconds)
    this.fractions.appendAll(fractions)
  }

  private pack(time: string): PackedTime | null {
    const fields = parseTimestamp(time)
    if (fields === null) return null
    const { year, month, day, hours, minutes, seconds: secs } = fields
    // Out-of-range fields (month 13, 24:61) would be normalised by Date.UTC: keep those as text.
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
    if (hours > 23 || minutes > 59 || secs > 59) return null
    const seconds = Date.UTC(year, month - 1, day, hours, minutes, secs) / 1000
    if (!(seconds >= 0 && seconds <= 0xffffffff)) return null
    const shape = `${time.charAt(10)}${fields.fractionDigits}${time.slice(fields.zoneStart)}`
    let shapeId = this.shapes.indexOf(shape) + 1
    if (shapeId === 0) {
      if (this.shapes.length >= TEXT_TIME - 1) return null
      this.shapes.push(shape)
      shapeId = this.shapes.length
    }
    return { shape: shapeId, seconds, fraction: fields.fraction }
  }

  private pushEntry(kind: number, seconds: number, fraction: number): void {
    this.kinds.push(kind)
    this.seconds.push(seconds)
    this.fractions.push(fraction)
  }
}

/** Writes a packed timestamp in its shape. */
function formatTime(shape: string, seconds: number, fraction: number): string {
  const date = new Date(seconds * 1000)
  const digits = Number(shape.charAt(1))
  const fractionText = digits === 0 ? '' : `.${String(fraction).padStart(digits, '0')}`
  return (
    `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}${shape.charAt(0)}` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}${fractionText}` +
    shape.slice(2)
  )
}

interface TimestampFields {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hours: number
  readonly minutes: number
  readonly seconds: number
  readonly fraction: number
  readonly fractionDigits: number
  /** Where the zone (`Z`, `+02:00`) starts; the string's length when there is none. */
  readonly zoneStart: number
}

/**
 * Reads `YYYY-MM-DD[T ]hh:mm:ss[.f…][Z|±hh:mm]` (up to nine fraction digits) by character
 * positions, which is several times faster than a regular expression on millions of lineage times.
 */
function parseTimestamp(time: string): TimestampFields | null {
  if (time.length < 19 || time.charCodeAt(4) !== 45 || time.charCodeAt(7) !== 45) return null
  const separator = time.charCodeAt(10)
  if ((separator !== 84 && separator !== 32) || time.charCodeAt(13) !== 58 || time.charCodeAt(16) !== 58)
    return null
  const year = digitsAt(time, 0, 4)
  const month = digitsAt(time, 5, 2)
  const day = digitsAt(time, 8, 2)
  const hours = digitsAt(time, 11, 2)
  const minutes = digitsAt(time, 14, 2)
  const seconds = digitsAt(time, 17, 2)
  if (year < 0 || month < 0 || day < 0 || hours < 0 || minutes < 0 || seconds < 0) return null
  let position = 19
  let fraction = 0
  let fractionDigits = 0
  if (time.charCodeAt(position) === 46) {
    while (fractionDigits < 10 && digitsAt(time, position + 1 + fractionDigits, 1) >= 0) fractionDigits += 1
    if (fractionDigits === 0 || fractionDigits > 9) return null
    fraction = digitsAt(time, position + 1, fractionDigits)
    position += 1 + fractionDigits
  }
  const zoneStart = position
  if (position === time.length)
    return { year, month, day, hours, minutes, seconds, fraction, fractionDigits, zoneStart }
  const zone = time.charCodeAt(position)
  const validZone =
    zone === 90
      ? position + 1 === time.length
      : (zone === 43 || zone === 45) &&
        position + 6 === time.length &&
        digitsAt(time, position + 1, 2) >= 0 &&
        time.charCodeAt(position + 3) === 58 &&
        digitsAt(time, position + 4, 2) >= 0
  return validZone ? { year, month, day, hours, minutes, seconds, fraction, fractionDigits, zoneStart } : null
}

/** The decimal number written by `count` digits from `start`, or -1 when any is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0
  for (let index = start; index < start + count; index += 1) {
    const digit = text.charCodeAt(index) - 48
    if (!(digit >= 0 && digit <= 9)) return -1
    value = value * 10 + digit
  }
  return value
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}
