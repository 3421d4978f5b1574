/** Conversion functions (functions reference, "Conversion") and the engine-only binary conversions. */
import { base64ToBytes, bytesToBase64 } from '../../text/base64'
import { bytesToGuid, guidToBytes } from '../codec/guid'
import { bytesToHex, hexToBytes } from '../codec/hex'
import { sidToString, stringToSid } from '../codec/sid'
import type { TextEncodingOption } from '../codec/text-encoding'
import { decodeText, decodeUtf8, encodeUtf16le, encodeUtf8 } from '../codec/text-encoding'
import {
  asBinary,
  asBoolean,
  asDate,
  asInteger,
  asNumber,
  asOptionName,
  asReference,
  asString,
  ensureLength,
} from '../convert'
import { sha256 } from '../crypto/hashes'
import { filetimeFromDate } from '../dates/filetime'
import { EvalFailure } from '../eval-failure'
import type { RuntimeValue } from '../runtime-value'
import { typeName } from '../runtime-value'
import type { FunctionImpl } from './function-types'
import { arg, given } from './function-types'

function encodingOf(value: RuntimeValue): TextEncodingOption {
  const name = asOptionName(value, 'ConvertFromBase64').toLowerCase().replace('-', '')
  if (name === 'unicode' || name === 'utf16') return 'Unicode'
  if (name === 'utf8') return 'UTF8'
  if (name === 'ascii') return 'ASCII'
  throw new EvalFailure(`ConvertFromBase64 encoding must be Unicode, UTF8 or ASCII, not "${name}".`)
}

const convertFromBase64: FunctionImpl = (args) => {
  const text = asString(arg(args, 0), 'ConvertFromBase64')
  const encoding = given(args, 1) ? encodingOf(arg(args, 1)) : 'Unicode'
  const bytes = base64ToBytes(text)
  if (bytes === null) throw new EvalFailure('ConvertFromBase64: the text is not valid base64.')
  return decodeText(bytes, encoding)
}

/** Base64 of UTF-16LE text (the documented `Unicode`), or of the bytes themselves for binary input. */
const convertToBase64: FunctionImpl = (args) => {
  const value = arg(args, 0)
  const bytes = value instanceof Uint8Array ? value : encodeUtf16le(asString(value, 'ConvertToBase64'))
  ensureLength(Math.ceil(bytes.length / 3) * 4, 'ConvertToBase64')
  return bytesToBase64(bytes)
}

const convertFromUtf8Hex: FunctionImpl = (args) => {
  const bytes = hexToBytes(asString(arg(args, 0), 'ConvertFromUTF8Hex').trim())
  if (bytes === null)
    throw new EvalFailure('ConvertFromUTF8Hex: the text is not an even number of hex digits.')
  const text = decodeUtf8(bytes, true)
  if (text === null) throw new EvalFailure('ConvertFromUTF8Hex: the bytes are not valid UTF-8.')
  return text
}

/** UTF-8 hex of text; binary input gives the hex of its bytes (UNSURE: the engine accepts any type). */
const convertToUtf8Hex: FunctionImpl = (args) => {
  const value = arg(args, 0)
  const bytes = value instanceof Uint8Array ? value : encodeUtf8(asString(value, 'ConvertToUTF8Hex'))
  ensureLength(bytes.length * 2, 'ConvertToUTF8Hex')
  return bytesToHex(bytes)
}

const cGuid: FunctionImpl = (args) => {
  const text = asString(arg(args, 0), 'CGuid')
  const bytes = guidToBytes(text)
  if (bytes === null)
    throw new EvalFailure(`CGuid: "${text}" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`)
  return bytes
}

const stringFromGuid: FunctionImpl = (args) => {
  const bytes = asBinary(arg(args, 0), 'StringFromGuid')
  const text = bytesToGuid(bytes)
  if (text === null) throw new EvalFailure(`StringFromGuid needs 16 bytes, got ${bytes.length}.`)
  return text
}

const stringFromSid: FunctionImpl = (args) => {
  const text = sidToString(asBinary(arg(args, 0), 'StringFromSid'))
  if (text === null) throw new EvalFailure('StringFromSid: the bytes are not a security identifier.')
  return text
}

const sidFromString: FunctionImpl = (args) => {
  const text = asString(arg(args, 0), 'SidFromString')
  const bytes = stringToSid(text)
  if (bytes === null) throw new EvalFailure(`SidFromString: "${text}" is not a SID (S-1-5-...).`)
  return bytes
}

const convertToBinaryFromBase64: FunctionImpl = (args) => {
  const bytes = base64ToBytes(asString(arg(args, 0), 'ConvertToBinaryFromBase64'))
  if (bytes === null) throw new EvalFailure('ConvertToBinaryFromBase64: the text is not valid base64.')
  return bytes
}

/** Little-endian two's complement bytes of an integer. */
function integerBytes(value: number, count: number): Uint8Array {
  let rest = BigInt.asUintN(64, BigInt(Math.trunc(value)))
  const bytes = new Uint8Array(count)
  for (let i = 0; i < count; i++) {
    bytes[i] = Number(rest & 0xffn)
    rest >>= 8n
  }
  return bytes
}

/**
 * CBin(value[, byteCount]): a number as `byteCount` little-endian bytes (8 by default). UNSURE: inferred
 * from the device-key rule, which builds `length (2 bytes) | identifier (1 byte) | value` entries with
 * `CBin(Len(...),2)` and `CBin(2,1)`. Binary passes through; text becomes UTF-16LE bytes.
 */
const cBin: FunctionImpl = (args) => {
  const value = arg(args, 0)
  const count = given(args, 1) ? asInteger(arg(args, 1), 'CBin') : 8
  if (count < 1 || count > 8) throw new EvalFailure(`CBin byte count must be 1 to 8, not ${count}.`)
  if (value instanceof Uint8Array) return value
  if (typeof value === 'number') return integerBytes(value, count)
  if (typeof value === 'boolean') return integerBytes(value ? 1 : 0, given(args, 1) ? count : 1)
  if (value instanceof Date) return integerBytes(filetimeFromDate(value) ?? 0, 8)
  if (typeof value === 'string') return encodeUtf16le(value)
  throw new EvalFailure(`CBin cannot convert ${typeName(value)} to binary.`)
}

/**
 * Thumbprint(value): SHA-256 of binary (text: of its UTF-8 bytes). UNSURE: used only by the device-key
 * rule to build the key-hash entry of a key credential, which MS-ADTS defines as a SHA-256 hash.
 */
const thumbprint: FunctionImpl = (args) => {
  const value = arg(args, 0)
  return sha256(value instanceof Uint8Array ? value : encodeUtf8(asString(value, 'Thumbprint')))
}

/** The conversion functions by name. */
export const CONVERSION_FUNCTIONS: ReadonlyMap<string, FunctionImpl> = new Map<string, FunctionImpl>([
  ['CBool', (args) => asBoolean(arg(args, 0), 'CBool')],
  ['CDate', (args) => asDate(arg(args, 0), 'CDate')],
  ['CGuid', cGuid],
  ['ConvertFromBase64', convertFromBase64],
  ['ConvertToBase64', convertToBase64],
  ['ConvertFromUTF8Hex', convertFromUtf8Hex],
  ['ConvertToUTF8Hex', convertToUtf8Hex],
  ['CNum', (args) => asNumber(arg(args, 0), 'CNum')],
  ['CRef', (args) => asReference(arg(args, 0), 'CRef')],
  ['CStr', (args) => asString(arg(args, 0), 'CStr')],
  ['StringFromGuid', stringFromGuid],
  ['StringFromSid', stringFromSid],
  ['SidFromString', sidFromString],
  ['ConvertToBinaryFromBase64', convertToBinaryFromBase64],
  ['CBin', cBin],
  ['Thumbprint', thumbprint],
])
