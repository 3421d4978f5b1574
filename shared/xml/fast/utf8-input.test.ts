import { describe, expect, it } from 'vitest'
import { Utf8Input } from './utf8-input'
import { encodeDocument, type DocumentEncoding } from '../testing/xml-arbitraries'
import type { XmlTokenizer } from './xml-sink'

class CollectingTokenizer implements XmlTokenizer {
  public readonly error = null
  public ended = false
  private readonly chunks: Uint8Array[] = []

  public push(chunk: Uint8Array): void {
    this.chunks.push(chunk.slice())
  }

  public end(): void {
    this.ended = true
  }

  public text(): string {
    const total = this.chunks.reduce((sum, chunk) => sum + chunk.length, 0)
    const joined = new Uint8Array(total)
    let offset = 0
    for (const chunk of this.chunks) {
      joined.set(chunk, offset)
      offset += chunk.length
    }
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(joined)
  }
}

function utf16WithoutBom(text: string, littleEndian: boolean): Uint8Array {
  const withBom = encodeDocument(text, littleEndian ? 'utf-16le-bom' : 'utf-16be-bom')
  return withBom.subarray(2)
}

const TEXT = '<cs-objects>\r\n  <cs-object cs-dn="CN=Zürich €,DC=x" id="{𝄞}"/>\r\n</cs-objects>\r\n'

describe('Utf8Input', () => {
  it.each<DocumentEncoding>(['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom'])(
    'hands the tokenizer UTF-8 without BOM for %s, in chunks of any size',
    (encoding) => {
      const bytes = encodeDocument(TEXT, encoding)

      for (const size of [1, 2, 3, 5, 64, bytes.length]) {
        const tokenizer = new CollectingTokenizer()
        const input = new Utf8Input(tokenizer)
        for (let offset = 0; offset < bytes.length; offset += size)
          input.push(bytes.subarray(offset, offset + size))
        input.end()

        expect(tokenizer.text(), `chunks of ${size}`).toBe(TEXT)
        expect(tokenizer.ended).toBe(true)
      }
    },
  )

  it.each([true, false])('recognises UTF-16 without BOM (little endian: %s)', (littleEndian) => {
    const tokenizer = new CollectingTokenizer()
    const input = new Utf8Input(tokenizer)

    input.push(utf16WithoutBom(TEXT, littleEndian))
    input.end()

    expect(tokenizer.text()).toBe(TEXT)
  })

  it('passes plain UTF-8 chunks through without copying them', () => {
    const seen: Uint8Array[] = []
    const input = new Utf8Input({ error: null, push: (chunk) => seen.push(chunk), end: () => {} })
    const first = new TextEncoder().encode('<abc>')
    const second = new TextEncoder().encode('</abc>')

    input.push(first)
    input.push(second)

    expect(seen[seen.length - 1]).toBe(second)
  })

  it('handles files shorter than a BOM', () => {
    const tokenizer = new CollectingTokenizer()
    const input = new Utf8Input(tokenizer)

    input.push(new TextEncoder().encode('<a'))
    input.end()

    expect(tokenizer.text()).toBe('<a')
  })
})
