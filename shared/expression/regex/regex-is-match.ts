/** `RegexIsMatch`: .NET-style patterns run by the linear-time engine, with compiled programs cached. */
import { MAX_REGEX_PROGRAM, MAX_REGEX_WORK } from '../limits'
import type { RegexFlags } from './regex-ast'
import { RegexSyntaxError, parseRegex } from './regex-parser'
import type { Instruction } from './regex-program'
import { RegexBudgetError, RegexTooLargeError, compileRegex, runRegex } from './regex-program'

/** A match result, or why the pattern or options cannot be used. */
export type RegexResult =
  { readonly ok: true; readonly matched: boolean } | { readonly ok: false; readonly message: string }

const NO_FLAGS: RegexFlags = {
  ignoreCase: false,
  multiline: false,
  singleline: false,
  ignoreWhitespace: false,
  ecmaScript: false,
}

const CACHE_SIZE = 256
const cache = new Map<string, readonly Instruction[] | string>()

/** Parses RegexOptions names (`IgnoreCase`, `Multiline`, ... separated by `,`, `|` or spaces). */
export function parseRegexOptions(text: string): RegexFlags | string {
  let flags = NO_FLAGS
  for (const raw of text.split(/[\s,|]+/)) {
    const name = raw.toLowerCase()
    if (name === '') continue
    switch (name) {
      case 'none':
      case 'compiled':
      case 'cultureinvariant':
      case 'explicitcapture':
      case 'nonbacktracking':
      case 'righttoleft':
        break
      case 'ignorecase':
        flags = { ...flags, ignoreCase: true }
        break
      case 'multiline':
        flags = { ...flags, multiline: true }
        break
      case 'singleline':
        flags = { ...flags, singleline: true }
        break
      case 'ignorepatternwhitespace':
        flags = { ...flags, ignoreWhitespace: true }
        break
      case 'ecmascript':
        flags = { ...flags, ecmaScript: true }
        break
      default:
        return `Unknown regular expression option "${raw}" (use IgnoreCase, Multiline, Singleline, IgnorePatternWhitespace).`
    }
  }
  return flags
}

function compiled(pattern: string, flags: RegexFlags): readonly Instruction[] | string {
  const key = `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}${flags.singleline ? 's' : ''}${
    flags.ignoreWhitespace ? 'x' : ''
  }${flags.ecmaScript ? 'e' : ''}/${pattern}`
  const hit = cache.get(key)
  if (hit !== undefined) {
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  let result: readonly Instruction[] | string
  try {
    result = compileRegex(parseRegex(pattern, flags), MAX_REGEX_PROGRAM)
  } catch (error) {
    if (error instanceof RegexSyntaxError) {
      result = `Invalid regular expression at offset ${error.offset} of the pattern: ${error.message}`
    } else if (error instanceof RegexTooLargeError) {
      result = `Regular expression too large: ${error.message}`
    } else {
      throw error
    }
  }
  cache.set(key, result)
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next()
    if (!oldest.done) cache.delete(oldest.value)
  }
  return result
}

/** Tests `input` against a pattern in linear time; never hangs on any pattern. */
export function regexIsMatch(input: string, pattern: string, options = ''): RegexResult {
  const flags = parseRegexOptions(options)
  if (typeof flags === 'string') return { ok: false, message: flags }
  const program = compiled(pattern, flags)
  if (typeof program === 'string') return { ok: false, message: program }
  try {
    return { ok: true, matched: runRegex(program, input, MAX_REGEX_WORK) }
  } catch (error) {
    if (error instanceof RegexBudgetError) return { ok: false, message: error.message }
    throw error
  }
}
