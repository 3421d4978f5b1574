import { describe, expect, it } from 'vitest'
import { decodeText, detectEncoding, StreamingTextDecoder } from './decode'

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(text.length * 2)
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    bytes[2 * index + (endian === 'le' ? 0 : 1)] = code & 0xff
    bytes[2 * index + (endian === 'le' ? 1 : 0)] = code >> 8
  }
  return bytes
}

const SCRIPT = "New-ADSyncRule -Name 'In from AD - Société' -Direction Inbound\r\n"

describe('detectEncoding', () => {
  it.each([
    ['UTF-16LE XML after leading white space', utf16('\r\n  <synchronizationRule/>', 'le'), 'utf-16le'],
    ['UTF-16BE XML after leading white space', utf16('\n\t<mv-data/>', 'be'), 'utf-16be'],
    ['a UTF-16LE rule script', utf16(SCRIPT, 'le'), 'utf-16le'],
    ['a UTF-16BE rule script', utf16(SCRIPT, 'be'), 'utf-16be'],
    ['UTF-16LE JSON', utf16('{ "exportedAt": "2026-01-01" }', 'le'), 'utf-16le'],
    ['UTF-8 text', new TextEncoder().encode(SCRIPT), 'utf-8'],
    ['a UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]), 'utf-8'],
  ] as const)('recognises %s', (_label, bytes, encoding) => {
    expect(detectEncoding(bytes).encoding).toBe(encoding)
  })

  it('decodes a UTF-16 rule script without BOM, whole and streamed byte by byte', () => {
    const bytes = utf16(SCRIPT, 'le')
    const streaming = new StreamingTextDecoder()
    let streamed = ''
    for (const byte of bytes) streamed += streaming.push(new Uint8Array([byte]))
    streamed += streaming.end()

    expect(decodeText(bytes)).toBe(SCRIPT)
    expect(streamed).toBe(SCRIPT)
  })
})
