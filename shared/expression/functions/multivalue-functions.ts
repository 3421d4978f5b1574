/** Multi-valued functions: they receive the whole list (a single value counts as a list of one). */
import type { ScalarValue } from '../api'
import { bytesToBase64 } from '../../text/base64'
import { asInteger, asOptionName, asString, ensureLength, formatNumber } from '../convert'
import { EvalFailure } from '../eval-failure'
import type { RuntimeValue } from '../runtime-value'
import { NULL, isEnum, isList, isReference, isSpecial, listOrNull } from '../runtime-value'
import type { FunctionImpl } from './function-types'
import { arg, given } from './function-types'

/** The values of an argument: none for NULL, one for a single value. */
export function valuesOf(value: RuntimeValue): readonly ScalarValue[] {
  if (isSpecial(value)) return []
  if (isList(value)) return value
  if (isEnum(value)) return [value.name]
  return [value]
}

/**
 * Contains: the 1-based index of the first value containing `search` (references: equal to it), 0 when
 * none does. UNSURE: references compare ignoring case, as DNs do.
 */
const contains: FunctionImpl = (args) => {
  if (!given(args, 1)) return 0
  const search = asString(arg(args, 1), 'Contains')
  let ignoreCase = false
  if (given(args, 2)) {
    const option = asOptionName(arg(args, 2), 'Contains').toLowerCase()
    if (option !== 'caseinsensitive' && option !== 'casesensitive') {
      throw new EvalFailure(`Contains option must be CaseSensitive or CaseInsensitive, not "${option}".`)
    }
    ignoreCase = option === 'caseinsensitive'
  }
  const needle = ignoreCase ? search.toLowerCase() : search
  const values = valuesOf(arg(args, 0))
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (value === undefined) continue
    if (isReference(value)) {
      if (value.dn.toLowerCase() === search.toLowerCase()) return i + 1
      continue
    }
    if (value instanceof Uint8Array) continue
    const text = asString(value, 'Contains')
    if ((ignoreCase ? text.toLowerCase() : text).includes(needle)) return i + 1
  }
  return 0
}

function item(args: readonly RuntimeValue[], orNull: boolean): RuntimeValue {
  const list = arg(args, 0)
  // UNSURE: Item on a missing attribute gives NULL rather than an out-of-bounds error.
  if (isSpecial(list) || !given(args, 1)) return NULL
  const values = valuesOf(list)
  const index = asInteger(arg(args, 1), orNull ? 'ItemOrNull' : 'Item')
  const value = values[index - 1]
  if (index >= 1 && value !== undefined) return value
  if (orNull) return NULL
  throw new EvalFailure(`Item index ${index} is out of bounds: the value has ${values.length} value(s).`)
}

const join: FunctionImpl = (args) => {
  const list = arg(args, 0)
  if (isSpecial(list)) return NULL
  const delimiter = args.length < 2 ? ' ' : given(args, 1) ? asString(arg(args, 1), 'Join') : ''
  const texts = valuesOf(list).map((value) => asString(value, 'Join'))
  ensureLength(
    texts.reduce((sum, text) => sum + text.length + delimiter.length, 0),
    'Join',
  )
  return texts.join(delimiter)
}

function identity(value: ScalarValue): string {
  if (typeof value === 'string') return `s:${value}`
  if (typeof value === 'number') return `n:${formatNumber(value)}`
  if (typeof value === 'boolean') return `b:${value}`
  if (value instanceof Uint8Array) return `x:${bytesToBase64(value)}`
  if (value instanceof Date) return `d:${value.getTime()}`
  return `r:${value.dn.toLowerCase()}`
}

/** RemoveDuplicates: the first of equal values is kept. UNSURE: strings compare case-sensitively. */
const removeDuplicates: FunctionImpl = (args) => {
  const list = arg(args, 0)
  if (!isList(list)) return list
  const seen = new Set<string>()
  const unique: ScalarValue[] = []
  for (const value of list) {
    const key = identity(value)
    if (seen.has(key)) continue
    seen.add(key)
    unique.push(value)
  }
  return unique
}

/**
 * Split(value, delimiter[, limit]): the reference says a single-character delimiter; a longer one splits
 * on the whole text. With a limit, the last value keeps the rest, as .NET's String.Split(count) does.
 */
const split: FunctionImpl = (args) => {
  const source = arg(args, 0)
  if (isSpecial(source) || !given(args, 1)) return NULL
  const delimiter = asString(arg(args, 1), 'Split')
  const limit = given(args, 2) ? asInteger(arg(args, 2), 'Split') : Infinity
  if (limit < 1) throw new EvalFailure(`Split limit must be 1 or more, got ${limit}.`)
  const out: ScalarValue[] = []
  for (const value of valuesOf(source)) {
    const text = asString(value, 'Split')
    if (delimiter === '') {
      out.push(text)
      continue
    }
    const parts = text.split(delimiter)
    const kept = Math.min(parts.length, limit - 1)
    for (let index = 0; index < kept; index++) out.push(parts[index] ?? '')
    if (parts.length > limit - 1) out.push(parts.slice(limit - 1).join(delimiter))
  }
  return listOrNull(out)
}

/** Concat(a, b): the values of both, in order. UNSURE: inferred from the engine signature (Multi, Multi). */
const concat: FunctionImpl = (args) => listOrNull([...valuesOf(arg(args, 0)), ...valuesOf(arg(args, 1))])

/** The multi-valued functions by name. */
export const MULTIVALUE_FUNCTIONS: ReadonlyMap<string, FunctionImpl> = new Map<string, FunctionImpl>([
  ['Contains', contains],
  ['Count', (args) => valuesOf(arg(args, 0)).length],
  ['Item', (args) => item(args, false)],
  ['ItemOrNull', (args) => item(args, true)],
  ['Join', join],
  ['RemoveDuplicates', removeDuplicates],
  ['Split', split],
  ['Concat', concat],
])
