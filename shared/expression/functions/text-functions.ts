/** Text functions (functions reference, "Text"). Edge rules follow the reference where it states them. */
import { randomGuid } from '../codec/guid'
import { asInteger, asOptionName, asString, ensureLength } from '../convert'
import { EvalFailure } from '../eval-failure'
import type { RuntimeValue } from '../runtime-value'
import { NULL, isSpecial } from '../runtime-value'
import type { FunctionImpl } from './function-types'
import { arg, given } from './function-types'

/** `vbTextCompare` (or 1) ignores case; `vbBinaryCompare` (or 0) does not. */
function textCompare(value: RuntimeValue, what: string): boolean {
  if (typeof value === 'number') return value === 1
  const name = asOptionName(value, what).toLowerCase()
  if (name === 'vbtextcompare') return true
  if (name === 'vbbinarycompare') return false
  throw new EvalFailure(`${what} compare must be vbTextCompare or vbBinaryCompare, not "${name}".`)
}

const inStr: FunctionImpl = (args) => {
  const text = asString(arg(args, 0), 'InStr')
  const match = asString(arg(args, 1), 'InStr')
  const start = given(args, 2) ? asInteger(arg(args, 2), 'InStr start') : 1
  if (start < 1) throw new EvalFailure(`InStr start must be 1 or more, not ${start}.`)
  const ignoreCase = given(args, 3) && textCompare(arg(args, 3), 'InStr')
  if (start > text.length) return match === '' && start === text.length + 1 ? start : 0
  if (match === '') return start
  const haystack = ignoreCase ? text.toLowerCase() : text
  const needle = ignoreCase ? match.toLowerCase() : match
  return haystack.indexOf(needle, start - 1) + 1
}

const inStrRev: FunctionImpl = (args) => {
  const text = asString(arg(args, 0), 'InStrRev')
  const match = asString(arg(args, 1), 'InStrRev')
  const requested = given(args, 2) ? asInteger(arg(args, 2), 'InStrRev start') : -1
  if (requested === 0 || requested < -1)
    throw new EvalFailure(`InStrRev start must be -1 or 1 or more, not ${requested}.`)
  const start = requested === -1 ? text.length : requested
  if (start > text.length) return 0
  if (match === '') return start
  const ignoreCase = given(args, 3) && textCompare(arg(args, 3), 'InStrRev')
  // Like VBA, the match must end at or before `start`.
  const window = text.slice(0, start)
  const haystack = ignoreCase ? window.toLowerCase() : window
  return haystack.lastIndexOf(ignoreCase ? match.toLowerCase() : match) + 1
}

/** A string or binary argument that becomes "" when NULL (Left, Right, Mid, PadLeft, PadRight, Word). */
function sliceable(value: RuntimeValue, what: string): string | Uint8Array {
  if (isSpecial(value)) return ''
  if (value instanceof Uint8Array) return value
  return asString(value, what)
}

function slice(value: string | Uint8Array, from: number, to: number): string | Uint8Array {
  return typeof value === 'string' ? value.slice(from, to) : value.slice(from, to)
}

const left: FunctionImpl = (args) => {
  if (!given(args, 1)) return NULL
  const text = sliceable(arg(args, 0), 'Left')
  const count = asInteger(arg(args, 1), 'Left')
  if (count === 0) return slice(text, 0, 0)
  if (count < 0) return text
  return slice(text, 0, count)
}

const right: FunctionImpl = (args) => {
  if (!given(args, 1)) return NULL
  const text = sliceable(arg(args, 0), 'Right')
  const count = asInteger(arg(args, 1), 'Right')
  if (count === 0) return slice(text, 0, 0)
  if (count < 0 || count >= text.length) return text
  return slice(text, text.length - count, text.length)
}

const mid: FunctionImpl = (args) => {
  if (!given(args, 1) || (args.length > 2 && !given(args, 2))) return NULL
  const text = sliceable(arg(args, 0), 'Mid')
  const start = asInteger(arg(args, 1), 'Mid')
  const count = args.length > 2 ? asInteger(arg(args, 2), 'Mid') : text.length
  if (count === 0) return slice(text, 0, 0)
  if (count < 0 || start > text.length || start <= 0) return text
  return slice(text, start - 1, start - 1 + count)
}

const len: FunctionImpl = (args) => {
  const value = arg(args, 0)
  return value instanceof Uint8Array ? value.length : asString(value, 'Len').length
}

function padCharacter(value: RuntimeValue, what: string): string {
  const pad = asString(value, what)
  if (pad.length === 0) throw new EvalFailure(`${what} needs a pad character, not an empty string.`)
  return pad.charAt(0)
}

function pad(args: readonly RuntimeValue[], what: 'PadLeft' | 'PadRight'): RuntimeValue {
  if (!given(args, 1) || !given(args, 2)) return NULL
  const value = arg(args, 0)
  if (isSpecial(value)) return ''
  const text = asString(value, what)
  const length = asInteger(arg(args, 1), what)
  const character = padCharacter(arg(args, 2), what)
  if (text.length >= length) return text
  ensureLength(length, what)
  return what === 'PadLeft' ? text.padStart(length, character) : text.padEnd(length, character)
}

/**
 * Title case of each space-separated word; a word written all in capitals stays as it is (the reference:
 * "does not currently provide proper casing to convert a word that is entirely uppercase").
 */
const pCase: FunctionImpl = (args) =>
  asString(arg(args, 0), 'PCase').replace(/\S+/g, (word) => {
    const upper = word.toUpperCase()
    if (word === upper && word !== word.toLowerCase()) return word
    return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
  })

/** Replace's `\n`, `\r` and `\t` monikers (for patterns that arrive from parameters or attributes). */
function monikers(text: string): string {
  return text.replace(/\\([nrt])/g, (_whole, letter: string) =>
    letter === 'n' ? '\n' : letter === 'r' ? '\r' : '\t',
  )
}

const replace: FunctionImpl = (args) => {
  const text = asString(arg(args, 0), 'Replace')
  const oldValue = monikers(asString(arg(args, 1), 'Replace'))
  const newValue = monikers(asString(arg(args, 2), 'Replace'))
  if (oldValue === '') throw new EvalFailure('Replace needs a non-empty text to look for.')
  const parts = text.split(oldValue)
  ensureLength(text.length + (parts.length - 1) * (newValue.length - oldValue.length), 'Replace')
  return parts.join(newValue)
}

/** Parses `src:target,src:target`; whitespace is ignored, a source is exactly one character. */
function replacePattern(pattern: string): ReadonlyMap<string, string> {
  const map = new Map<string, string>()
  const compact = pattern.replace(/\s+/g, '')
  if (compact === '') return map
  for (const entry of compact.split(',')) {
    const colon = entry.indexOf(':')
    if (colon < 0)
      throw new EvalFailure(`ReplaceChars pattern entry "${entry}" has no ":" (write source:target).`)
    const source = entry.slice(0, colon)
    if ([...source].length !== 1) {
      throw new EvalFailure(`ReplaceChars pattern entry "${entry}" must start with exactly one character.`)
    }
    map.set(source, entry.slice(colon + 1))
  }
  return map
}

const replaceChars: FunctionImpl = (args) => {
  const text = asString(arg(args, 0), 'ReplaceChars')
  const map = replacePattern(asString(arg(args, 1), 'ReplaceChars'))
  let out = ''
  for (const char of text) {
    out += map.get(char) ?? char
    if (out.length > text.length) ensureLength(out.length, 'ReplaceChars')
  }
  return out
}

/**
 * The nth word, any character of `delimiters` separating words. UNSURE: runs of delimiters are treated
 * as one separator (empty words are not counted).
 */
const word: FunctionImpl = (args) => {
  if (!given(args, 1) || !given(args, 2)) return NULL
  const value = arg(args, 0)
  if (isSpecial(value)) return ''
  const text = asString(value, 'Word')
  const number = asInteger(arg(args, 1), 'Word')
  const delimiters = new Set(asString(arg(args, 2), 'Word'))
  if (number < 1) return ''
  const words: string[] = []
  let current = ''
  for (const char of text) {
    if (delimiters.has(char)) {
      if (current !== '') words.push(current)
      current = ''
    } else {
      current += char
    }
  }
  if (current !== '') words.push(current)
  return words[number - 1] ?? ''
}

/** The text functions by name. */
export const TEXT_FUNCTIONS: ReadonlyMap<string, FunctionImpl> = new Map<string, FunctionImpl>([
  ['Guid', (_args, env) => randomGuid(() => env.random())],
  ['InStr', inStr],
  ['InStrRev', inStrRev],
  ['LCase', (args) => asString(arg(args, 0), 'LCase').toLowerCase()],
  ['Left', left],
  ['Len', len],
  ['LTrim', (args) => asString(arg(args, 0), 'LTrim').trimStart()],
  ['Mid', mid],
  ['PadLeft', (args) => pad(args, 'PadLeft')],
  ['PadRight', (args) => pad(args, 'PadRight')],
  ['PCase', pCase],
  ['Replace', replace],
  ['ReplaceChars', replaceChars],
  ['Right', right],
  ['RTrim', (args) => asString(arg(args, 0), 'RTrim').trimEnd()],
  ['Trim', (args) => asString(arg(args, 0), 'Trim').trim()],
  ['UCase', (args) => asString(arg(args, 0), 'UCase').toUpperCase()],
  ['Word', word],
])
