/** Values as text for traces and the UI, and as JSON for the command line. */
import type { ExprValue, ScalarValue } from './api'
import { bytesToBase64 } from '../text/base64'
import { formatNumber } from './convert'
import type { RuntimeValue } from './runtime-value'
import { isList } from './runtime-value'

/** A JSON value as `synclens eval --json` prints it. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[]

/** A string literal as the language writes it: quoted, with `\\ \" \n \r \t` escaped. */
export function quoteString(text: string): string {
  return `"${text.replace(/[\\"\n\r\t]/g, (char) => ESCAPES.get(char) ?? char)}"`
}

const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\\', '\\\\'],
  ['"', '\\"'],
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
])

/** ISO 8601 UTC without milliseconds when they are zero. */
export function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'Invalid date'
  const iso = date.toISOString()
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso
}

function renderScalar(value: ScalarValue): string {
  if (typeof value === 'string') return quoteString(value)
  if (typeof value === 'number') return formatNumber(value)
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (value instanceof Uint8Array) return `bin:${bytesToBase64(value)}`
  if (value instanceof Date) return `date:${isoDate(value)}`
  return `ref:${quoteString(value.dn)}`
}

/**
 * A value for display: strings quoted, numbers plain, `True`/`False`, `bin:` + base64, `date:` + ISO,
 * `ref:` + quoted DN, multi-values as `[a, b]`.
 */
export function renderValue(value: ExprValue): string {
  if (isList(value)) return `[${value.map(renderScalar).join(', ')}]`
  return renderScalar(value)
}

/** A runtime value for display, including NULL, AuthoritativeNull, IgnoreThisFlow and option constants. */
export function renderRuntimeValue(value: RuntimeValue): string {
  if (isList(value)) return renderValue(value)
  if (typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Date)) {
    switch (value.kind) {
      case 'null':
        return 'NULL'
      case 'authoritativeNull':
        return 'AuthoritativeNull'
      case 'ignoreThisFlow':
        return 'IgnoreThisFlow'
      case 'enum':
        return value.name
      case 'reference':
        return renderScalar(value)
    }
  }
  return renderScalar(value)
}

/**
 * A rendering cut to `max` characters, saying how long the whole was.
 *
 * Long strings and lists are rendered from a prefix only: a trace renders every step, and rendering
 * megabyte values whole at each step made long traces take minutes and keep gigabytes alive.
 */
export function renderShort(value: RuntimeValue, max: number): string {
  if (typeof value === 'string' && value.length > max) {
    return `${detach(quoteString(value.slice(0, max)).slice(0, max))}… (${quotedLength(value)} characters)`
  }
  if (isList(value) && value.length > max) {
    const head = renderValue(value.slice(0, max))
    return `${detach(head.slice(0, max))}… (${value.length} values)`
  }
  const text = renderRuntimeValue(value)
  return text.length <= max ? text : `${detach(text.slice(0, max))}… (${text.length} characters)`
}

/** A copy that does not share the memory of the string it was sliced from. */
function detach(slice: string): string {
  return ` ${slice}`.slice(1)
}

function quotedLength(text: string): number {
  let length = text.length + 2
  for (const char of ESCAPES.keys()) {
    for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) length++
  }
  return length
}

function jsonScalar(value: ScalarValue): JsonValue {
  if (value instanceof Uint8Array) return bytesToBase64(value)
  if (value instanceof Date) return isoDate(value)
  if (typeof value === 'object') return value.dn
  return value
}

/** A value as JSON: binary as base64, dates as ISO 8601 text, references as their DN. */
export function toJsonValue(value: ExprValue): JsonValue {
  if (isList(value)) return value.map(jsonScalar)
  return jsonScalar(value)
}
