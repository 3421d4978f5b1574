import { describe, expect, it } from 'vitest'
import { utf16le, utf8WithBom } from '../../test-support/fs-source'
import { detectFileKind, xmlRootName } from './detect'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('detectFileKind', () => {
  it.each([
    ['<synchronizationRule><id/></synchronizationRule>', 'sync-rule'],
    ['<?xml version="1.0"?>\r\n<ma-data>', 'connector'],
    ["<saved-mv-configuration server='X'>", 'mv-config'],
    ['<!-- csexport -->\n<cs-objects>', 'csexport'],
    ['<mv-objects><mv-object id="{1}">', 'mv-objects'],
    ['<!DOCTYPE cs-objects [<!ENTITY a "b">]><cs-objects>', 'csexport'],
    ["New-ADSyncRule  `\n-Name 'x' `", 'rule-script'],
    ['# exported\r\n\r\nNew-ADSyncRule  `', 'rule-script'],
    ['{ "synclensSnapshot": 1, "server": "X" }', 'manifest'],
    ['<html><body/></html>', 'unknown'],
    ['plain text', 'unknown'],
    ['{"other":1}', 'unknown'],
  ])('%j is %s', (text, kind) => {
    expect(detectFileKind(bytes(text))).toBe(kind)
  })

  it('recognises UTF-16 and BOM-prefixed files', () => {
    expect(detectFileKind(utf16le('<ma-data><id/></ma-data>'))).toBe('connector')
    expect(detectFileKind(utf8WithBom('<cs-objects/>'))).toBe('csexport')
  })

  it('recognises a zip archive by its signature', () => {
    expect(detectFileKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe('zip')
  })
})

describe('xmlRootName', () => {
  it('returns null for unterminated prologs', () => {
    expect(xmlRootName('<?xml version="1.0"')).toBeNull()
    expect(xmlRootName('<!-- never closed')).toBeNull()
  })
})

describe('detectFileKind on UTF-16 without a byte-order mark', () => {
  const withoutBom = (text: string): Uint8Array => {
    const bytes = new Uint8Array(text.length * 2)
    for (let index = 0; index < text.length; index++) bytes[2 * index] = text.charCodeAt(index)
    return bytes
  }

  it.each([
    ['a rule script', "New-ADSyncRule -Name 'x' -Direction Inbound\r\n", 'rule-script'],
    ['XML after leading white space', '\r\n   <cs-objects>\r\n</cs-objects>', 'csexport'],
  ] as const)('recognises %s', (_label, text, kind) => {
    expect(detectFileKind(withoutBom(text))).toBe(kind)
  })
})
