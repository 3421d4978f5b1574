/** Math functions and the random generators (BitAnd, BitOr, RandomNum, RandomStr). */
import { asInteger, ensureLength } from '../convert'
import { EvalFailure } from '../eval-failure'
import type { FunctionImpl } from './function-types'
import { arg } from './function-types'

/** 64-bit two's complement bit operations, so negative group types and large flags work. */
function bits(a: number, b: number, operation: (x: bigint, y: bigint) => bigint): number {
  return Number(BigInt.asIntN(64, operation(BigInt.asIntN(64, BigInt(a)), BigInt.asIntN(64, BigInt(b)))))
}

/** RandomNum(start, end): a whole number from start to end, both included. */
const randomNum: FunctionImpl = (args, env) => {
  const start = asInteger(arg(args, 0), 'RandomNum')
  const end = asInteger(arg(args, 1), 'RandomNum')
  if (end < start) throw new EvalFailure(`RandomNum: end ${end} is below start ${start}.`)
  return start + Math.min(Math.floor(env.random() * (end - start + 1)), end - start)
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** RandomStr(length): random letters and digits. UNSURE: the engine's alphabet is not documented. */
const randomStr: FunctionImpl = (args, env) => {
  const length = asInteger(arg(args, 0), 'RandomStr')
  if (length < 0) throw new EvalFailure(`RandomStr length must not be negative, got ${length}.`)
  ensureLength(length, 'RandomStr')
  let text = ''
  for (let i = 0; i < length; i++) text += ALPHANUMERIC.charAt(Math.floor(env.random() * ALPHANUMERIC.length))
  return text
}

/** The math functions by name. */
export const MATH_FUNCTIONS: ReadonlyMap<string, FunctionImpl> = new Map<string, FunctionImpl>([
  [
    'BitAnd',
    (args) => bits(asInteger(arg(args, 0), 'BitAnd'), asInteger(arg(args, 1), 'BitAnd'), (x, y) => x & y),
  ],
  [
    'BitOr',
    (args) => bits(asInteger(arg(args, 0), 'BitOr'), asInteger(arg(args, 1), 'BitOr'), (x, y) => x | y),
  ],
  ['RandomNum', randomNum],
  ['RandomStr', randomStr],
])
