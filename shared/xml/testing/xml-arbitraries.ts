import fc from 'fast-check'

/** Text written as XML: literal characters and references, already escaped where XML requires it. */
const TEXT_PIECES = [
  'a',
  'Z',
  '0',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  'é',
  'Zürich',
  '€',
  '𝄞',
  '>',
  '"',
  "'",
  '&amp;',
  '&#38;',
  '&#x26;',
  '&lt;',
  '&#60;',
  '&gt;',
  '&quot;',
  '&apos;',
  '&#233;',
  '&#x1D11E;',
  '&#10;',
  '&#13;',
  '&#9;',
  'CN=Jane Doe\\, Jr.,OU=Users,DC=contoso,DC=com',
] as const

/** Pieces allowed in an attribute value quoted with `"` (the quote itself only as a reference). */
const ATTRIBUTE_PIECES = TEXT_PIECES.filter((piece) => piece !== '"')

/** Pieces allowed in CDATA (never `]]>`, no references: CDATA keeps them literally). */
const CDATA_PIECES = ['a', ' ', '<b>', '&amp;', ']', '\r\n', 'é', '𝄞'] as const

/** Element and attribute names, including ones that are special in JavaScript objects. */
export const NAME_POOL = [
  'a',
  'b',
  'cs-object',
  'attr',
  'value',
  'dn-value',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'x.y',
  'ns:el',
  '_u',
  'été',
] as const

/** XML-escaped character data. */
export const xmlText = (maxPieces = 8): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: maxPieces }).map((pieces) => pieces.join(''))

/** Character data that is plain ASCII as written: no reference, no carriage return, nothing above 0x7f. */
export const xmlPlainText = (maxPieces = 8): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom('a', 'Z', '0', ' ', '\t', '\n', '>', '"', "'", 'user@contoso.com', '-'), {
      maxLength: maxPieces,
    })
    .map((pieces) => pieces.join(''))

/** An attribute value as written between double quotes. */
export const xmlAttributeValue = (maxPieces = 6): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...ATTRIBUTE_PIECES), { maxLength: maxPieces }).map((pieces) => pieces.join(''))

/** Attributes of one tag (distinct names), serialized with a leading space each. */
const xmlAttributes = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...NAME_POOL), xmlAttributeValue(), fc.boolean()), {
    maxLength: 4,
    selector: ([name]) => name,
  })
  .map((attributes) =>
    attributes
      .map(([name, value, single]) =>
        single ? ` ${name}='${value.replace(/'/g, '&apos;')}'` : ` ${name}="${value}"`,
      )
      .join(''),
  )

const misc = fc.oneof(
  fc.constantFrom('<!-- a comment -->', '<!---->', '<?pi some data?>', '<?target?>'),
  fc
    .array(fc.constantFrom(...CDATA_PIECES), { maxLength: 5 })
    .map((pieces) => `<![CDATA[${pieces.join('')}]]>`),
)

/** A well-formed element with random attributes, text, comments, CDATA and children. */
export const xmlElement: fc.Arbitrary<string> = fc.letrec<{ element: string }>((tie) => ({
  element: fc
    .tuple(
      fc.constantFrom(...NAME_POOL),
      xmlAttributes,
      fc.array(fc.oneof({ depthSize: 'small', withCrossShrink: true }, xmlText(), misc, tie('element')), {
        maxLength: 5,
        depthIdentifier: 'element',
      }),
      fc.boolean(),
    )
    .map(([name, attributes, children, selfClose]) =>
      children.length === 0 && selfClose
        ? `<${name}${attributes}/>`
        : `<${name}${attributes}>${children.join('')}</${name}>`,
    ),
})).element

/** A document as prolog (declaration, comments), root element and epilog. */
export const xmlDocumentParts: fc.Arbitrary<readonly [string, string, string]> = fc.tuple(
  fc
    .tuple(
      fc.constantFrom('', '<?xml version="1.0" encoding="utf-8"?>\r\n', '<?xml version="1.0"?>\n'),
      fc.constantFrom('', '<!-- prolog -->\n', '\n  '),
    )
    .map((parts) => parts.join('')),
  xmlElement,
  fc.constantFrom('', '\n', '\r\n<!-- epilog -->\r\n'),
)

/** A whole document: optional declaration and comments around one root element. */
export const xmlDocument: fc.Arbitrary<string> = xmlDocumentParts.map((parts) => parts.join(''))

/** Encodings a document may arrive in. */
export type DocumentEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom'

/** The encodings, for fc.constantFrom. */
export const DOCUMENT_ENCODINGS: readonly DocumentEncoding[] = [
  'utf-8',
  'utf-8-bom',
  'utf-16le-bom',
  'utf-16be-bom',
]

/** Encodes text the way a file in `encoding` would hold it. */
export function encodeDocument(text: string, encoding: DocumentEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text)
    case 'utf-8-bom':
      return new TextEncoder().encode(`\uFEFF${text}`)
    case 'utf-16le-bom':
      return encodeUtf16(`\uFEFF${text}`, true)
    case 'utf-16be-bom':
      return encodeUtf16(`\uFEFF${text}`, false)
  }
}

function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian)
  return bytes
}

/** Cut points for a document of `length` bytes, from raw random numbers. */
export function cutPoints(raw: readonly number[], length: number): number[] {
  if (length === 0) return []
  return [...new Set(raw.map((value) => value % length))].sort((a, b) => a - b)
}
