import type { RuntimeValue } from '../runtime-value'
import { NULL, isSpecial } from '../runtime-value'

/** What a function may use besides its arguments. */
export interface FunctionEnv {
  /** The current time (fixed in tests). */
  now(): Date
  /** A number in [0, 1) (fixed in tests). */
  random(): number
  /** An attribute of the source object by name, recorded as read. */
  readAttribute(name: string): RuntimeValue
  /** The value confirmed by import (`ImportedValue`), recorded as read. */
  readImported(name: string): RuntimeValue
}

/**
 * A function implementation. Per-value functions receive single values (never a multi-value) and, unless
 * they accept NULL, no NULL either; whole-list functions receive arguments as evaluated.
 */
export type FunctionImpl = (args: readonly RuntimeValue[], env: FunctionEnv) => RuntimeValue

/** The argument at `index`, NULL when it was not given. */
export function arg(args: readonly RuntimeValue[], index: number): RuntimeValue {
  return args[index] ?? NULL
}

/** True when the argument at `index` was given and is not NULL-like. */
export function given(args: readonly RuntimeValue[], index: number): boolean {
  const value = args[index]
  return value !== undefined && !isSpecial(value)
}
