/**
 * Type conversions between the language's value types, as the conversion functions and operators use
 * them. Each conversion names the function that asked, so a type error says where it happened.
 */
import type { ReferenceValue } from './api'
import { dateFromFiletime } from './dates/filetime'
import { formatDateTime } from './dates/format-date-time'
import { parseDateText } from './dates/parse-date'
import { EvalFailure } from './eval-failure'
import { MAX_VALUE_LENGTH } from './limits'
import type { RuntimeValue } from './runtime-value'
import { isEnum, isList, isReference, isSpecial, reference, typeName } from './runtime-value'

/** Throws when a string or binary of `length` would pass the value size limit. */
export function ensureLength(length: number, what: string): void {
  if (length > MAX_VALUE_LENGTH) {
    throw new EvalFailure(
      `The result of ${what} would be longer than 1 MiB (${MAX_VALUE_LENGTH} characters or bytes).`,
    )
  }
}

function typeError(what: string, expected: string, value: RuntimeValue): EvalFailure {
  return new EvalFailure(`${what} expects ${expected} but got ${typeName(value)}${preview(value)}.`)
}

function preview(value: RuntimeValue): string {
  if (typeof value === 'string') return ` "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
  if (typeof value === 'number' || typeof value === 'boolean') return ` ${formatScalarText(value)}`
  return ''
}

function formatScalarText(value: number | boolean): string {
  return typeof value === 'boolean' ? (value ? 'True' : 'False') : formatNumber(value)
}

/** Decimal text of a number without exponent notation for integers. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString()
  return String(value)
}

/**
 * Default text of a date (`CStr`, `&`). UNSURE: the engine uses .NET's current culture; the invariant
 * culture's general format is used here.
 */
export function formatDateDefault(date: Date): string {
  const result = formatDateTime(date, 'MM/dd/yyyy HH:mm:ss')
  return result.ok ? result.text : date.toISOString()
}

/** CStr: text of a string, number, boolean, reference or date; binary has no text form. */
export function asString(value: RuntimeValue, what: string): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return formatNumber(value)
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (value instanceof Date) return formatDateDefault(value)
  if (isReference(value)) return value.dn
  throw typeError(what, 'a string', value)
}

/** Text of a value when it has one, else null (IsString). */
export function tryString(value: RuntimeValue): string | null {
  if (value instanceof Uint8Array || isList(value) || isSpecial(value) || isEnum(value)) return null
  return asString(value, 'CStr')
}

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/
const HEX_TEXT = /^\s*&[Hh]([0-9A-Fa-f]{1,16})\s*$/

/** The number a value converts to, or null (IsNumeric, comparisons). */
export function tryNumber(value: RuntimeValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string') {
    if (INTEGER_TEXT.test(value)) {
      const number = Number(value.trim())
      return Number.isFinite(number) ? number : null
    }
    const hex = HEX_TEXT.exec(value)
    return hex === null ? null : Number(BigInt(`0x${hex[1] ?? '0'}`))
  }
  // UNSURE: .NET's Convert.ToInt64(true) is 1 (VBA's CInt(True) would be -1); the engine is .NET.
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Uint8Array) return value.length > 0 && value.length <= 8 ? littleEndian(value) : null
  return null
}

/**
 * Binary as a little-endian unsigned integer. UNSURE: only the device-key rule uses CNum on binary
 * (`CNum(Mid([searchableDeviceKey],5,2))`), where little-endian lengths are what the key format stores.
 */
function littleEndian(bytes: Uint8Array): number {
  let value = 0n
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] ?? 0)
  return Number(value)
}

/** CNum: a number from a number, integer text, boolean or up to 8 bytes of binary. */
export function asNumber(value: RuntimeValue, what: string): number {
  const number = tryNumber(value)
  if (number === null) throw typeError(what, 'a number', value)
  return number
}

/** A whole number argument (counts, positions). */
export function asInteger(value: RuntimeValue, what: string): number {
  return Math.trunc(asNumber(value, what))
}

/** CBool: booleans, numbers (non-zero is True) and the texts True/False (any case) or integers. */
export function tryBoolean(value: RuntimeValue): boolean | null {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase()
    if (lower === 'true') return true
    if (lower === 'false') return false
    const number = tryNumber(value)
    return number === null ? null : number !== 0
  }
  return null
}

/** CBool, throwing a type error. */
export function asBoolean(value: RuntimeValue, what: string): boolean {
  const result = tryBoolean(value)
  if (result === null) throw typeError(what, 'a boolean', value)
  return result
}

/** A condition (IIF, Switch, &&, ||): NULL counts as False, as VBA's IIf treats Null. */
export function asCondition(value: RuntimeValue, what: string): boolean {
  if (isSpecial(value)) return false
  return asBoolean(value, what)
}

/**
 * CDate: dates, date text, and numbers read as AD FILETIME. UNSURE: the engine accepts numbers and
 * binary in CDate; FILETIME (number, or 8 little-endian bytes) is the only date number AD stores.
 */
export function tryDate(value: RuntimeValue): Date | null {
  if (value instanceof Date) return value
  if (typeof value === 'string') return parseDateText(value)
  if (typeof value === 'number') return dateFromFiletime(value)
  if (value instanceof Uint8Array && value.length === 8) return dateFromFiletime(littleEndian(value))
  return null
}

/** CDate, throwing a type error. */
export function asDate(value: RuntimeValue, what: string): Date {
  const date = tryDate(value)
  if (date === null) throw typeError(what, 'a date', value)
  return date
}

/** A binary argument; text is not converted implicitly. */
export function asBinary(value: RuntimeValue, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value
  throw typeError(what, 'binary', value)
}

/** CRef: a reference, or a DN given as text. */
export function asReference(value: RuntimeValue, what: string): ReferenceValue {
  if (isReference(value)) return value
  if (typeof value === 'string') return reference(value)
  throw typeError(what, 'a reference (DN)', value)
}

/** An option constant or its name as text (`UTF8`, `"DC"`, `"IgnoreCase"`). */
export function asOptionName(value: RuntimeValue, what: string): string {
  if (isEnum(value)) return value.name
  if (typeof value === 'string') return value
  throw typeError(what, 'an option name', value)
}
