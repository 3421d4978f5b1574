/** The eager program-flow and engine functions: Error, ImportedValue, ValueCount, RegexIsMatch. */
import { asString } from '../convert'
import { EvalFailure } from '../eval-failure'
import { regexIsMatch } from '../regex/regex-is-match'
import { renderRuntimeValue } from '../render-value'
import { NULL, isSpecial } from '../runtime-value'
import type { FunctionImpl } from './function-types'
import { arg, given } from './function-types'
import { valuesOf } from './multivalue-functions'

const error: FunctionImpl = (args) => {
  const message = arg(args, 0)
  const text = typeof message === 'string' ? message : renderRuntimeValue(message)
  throw new EvalFailure(text, { raised: true })
}

/** RegexIsMatch(input, pattern[, options]): NULL input does not match. */
const regex: FunctionImpl = (args) => {
  const input = arg(args, 0)
  if (isSpecial(input)) return false
  if (!given(args, 1)) return NULL
  const options = given(args, 2) ? asString(arg(args, 2), 'RegexIsMatch') : ''
  const result = regexIsMatch(
    asString(input, 'RegexIsMatch'),
    asString(arg(args, 1), 'RegexIsMatch'),
    options,
  )
  if (!result.ok) throw new EvalFailure(`RegexIsMatch: ${result.message}`)
  return result.matched
}

/** The eager flow functions by name. */
export const FLOW_FUNCTIONS: ReadonlyMap<string, FunctionImpl> = new Map<string, FunctionImpl>([
  ['Error', error],
  ['ImportedValue', (args, env) => env.readImported(asString(arg(args, 0), 'ImportedValue'))],
  ['ValueCount', (args, env) => valuesOf(env.readAttribute(asString(arg(args, 0), 'ValueCount'))).length],
  ['RegexIsMatch', regex],
])
