/** Evaluation functions: the Is* tests (whole values, NULL allowed) and IsBitSet. */
import { guidToBytes } from '../codec/guid'
import { asInteger, tryDate, tryNumber, tryString } from '../convert'
import type { RuntimeValue } from '../runtime-value'
import { isEnum, isList, isSpecial } from '../runtime-value'
import type { FunctionImpl } from './function-types'
import { arg } from './function-types'

/** A test on every value: NULL fails it, a multi-value passes when all its values do. */
function everyValue(value: RuntimeValue, test: (single: RuntimeValue) => boolean): boolean {
  if (isSpecial(value) || isEnum(value)) return false
  if (isList(value)) return value.every(test)
  return test(value)
}

function isEmptyValue(value: RuntimeValue): boolean {
  return (typeof value === 'string' && value === '') || (value instanceof Uint8Array && value.length === 0)
}

function nullOrEmpty(value: RuntimeValue): boolean {
  return isSpecial(value) || everyValue(value, isEmptyValue)
}

/**
 * IsBitSet(value, flag): True when the flag's bits are set in value (`IsBitSet(&HF,4)` is True: 4 is
 * a mask, not a bit position). UNSURE for multi-bit flags: all of them must be set.
 */
const isBitSet: FunctionImpl = (args) => {
  const value = BigInt(asInteger(arg(args, 0), 'IsBitSet'))
  const flag = BigInt(asInteger(arg(args, 1), 'IsBitSet'))
  return flag !== 0n && (value & flag) === flag
}

/** The evaluation functions by name. */
export const EVALUATION_FUNCTIONS: ReadonlyMap<string, FunctionImpl> = new Map<string, FunctionImpl>([
  ['IsBitSet', isBitSet],
  ['IsDate', (args) => everyValue(arg(args, 0), (value) => tryDate(value) !== null)],
  ['IsEmpty', (args) => everyValue(arg(args, 0), isEmptyValue)],
  [
    'IsGuid',
    (args) => everyValue(arg(args, 0), (value) => typeof value === 'string' && guidToBytes(value) !== null),
  ],
  ['IsNull', (args) => isSpecial(arg(args, 0))],
  ['IsNullOrEmpty', (args) => nullOrEmpty(arg(args, 0))],
  ['IsNumeric', (args) => everyValue(arg(args, 0), (value) => tryNumber(value) !== null)],
  ['IsPresent', (args) => !nullOrEmpty(arg(args, 0))],
  ['IsString', (args) => everyValue(arg(args, 0), (value) => tryString(value) !== null)],
])
