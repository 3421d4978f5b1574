/** Result of decoding entity references: the text, or what is wrong and where (UTF-16 offset). */
export type EntityDecodeResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly message: string; readonly offset: number }

/** Longest reference worth scanning for `;` (`&#x10FFFF;` is 10 characters). */
const MAX_REFERENCE_LENGTH = 12

/**
 * Decodes the five predefined entities and character references. Anything else after `&` is an
 * error: SyncLens never resolves named entities, so nothing can expand.
 */
export function decodeEntities(text: string): EntityDecodeResult {
  let amp = text.indexOf('&')
  if (amp === -1) return { ok: true, value: text }
  let out = ''
  let from = 0
  while (amp !== -1) {
    const semicolon = text.indexOf(';', amp + 1)
    if (semicolon === -1 || semicolon - amp > MAX_REFERENCE_LENGTH) {
      return { ok: false, message: 'an "&" must start an entity reference such as &amp;', offset: amp }
    }
    const replacement = resolveReference(text.slice(amp + 1, semicolon))
    if (replacement === null) {
      return {
        ok: false,
        message: `unknown or invalid entity reference "${text.slice(amp, semicolon + 1)}" (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)`,
        offset: amp,
      }
    }
    out += text.slice(from, amp) + replacement
    from = semicolon + 1
    amp = text.indexOf('&', from)
  }
  return { ok: true, value: out + text.slice(from) }
}

function resolveReference(body: string): string | null {
  switch (body) {
    case 'amp':
      return '&'
    case 'lt':
      return '<'
    case 'gt':
      return '>'
    case 'quot':
      return '"'
    case 'apos':
      return "'"
    default:
      return resolveCharacterReference(body)
  }
}

function resolveCharacterReference(body: string): string | null {
  let digits: string
  let radix: number
  if (body.startsWith('#x')) {
    digits = body.slice(2)
    radix = 16
    if (!/^[0-9a-fA-F]+$/.test(digits)) return null
  } else if (body.startsWith('#')) {
    digits = body.slice(1)
    radix = 10
    if (!/^[0-9]+$/.test(digits)) return null
  } else {
    return null
  }
  const code = parseInt(digits, radix)
  return isXmlChar(code) ? String.fromCodePoint(code) : null
}

/** True for code points XML 1.0 allows in a document. */
export function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d
  if (code <= 0xd7ff) return true
  if (code < 0xe000) return false
  if (code <= 0xfffd) return true
  return code >= 0x10000 && code <= 0x10ffff
}
