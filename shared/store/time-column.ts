import { uint32Array, uint8Array } from './chunked-array'
import { TextPool } from './text-pool'

const NULL_TIME = 0
const TEXT_TIME = 255
/** `2024-01-15T03:21:31.000Z`, `2024-01-15 03:21:31.377`, with an optional fraction and zone. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/

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

  private pack(time: string): PackedTime | null {
    const parts = TIMESTAMP.exec(time)
    if (parts === null) return null
    const [, yearText, monthText, dayText, separator, hoursText, minutesText, secondsText, fraction, zone] =
      parts
    const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)]
    const [hours, minutes, secs] = [Number(hoursText), Number(minutesText), Number(secondsText)]
    // Out-of-range fields (month 13, 24:61) would be normalised by Date.UTC: keep those as text.
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
    if (hours > 23 || minutes > 59 || secs > 59) return null
    const seconds = Date.UTC(year, month - 1, day, hours, minutes, secs) / 1000
    if (!(seconds >= 0 && seconds <= 0xffffffff)) return null
    const shape = `${separator ?? 'T'}${fraction?.length ?? 0}${zone ?? ''}`
    let shapeId = this.shapes.indexOf(shape) + 1
    if (shapeId === 0) {
      if (this.shapes.length >= TEXT_TIME - 1) return null
      this.shapes.push(shape)
      shapeId = this.shapes.length
    }
    return { shape: shapeId, seconds, fraction: Number(fraction ?? '0') }
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

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}
