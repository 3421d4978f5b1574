/** Escaping for the XML the generator writes (text content and double- or single-quoted attributes). */

const TEXT_SPECIAL = /[&<>]/
const ATTRIBUTE_SPECIAL = /[&<>"'\t\n\r]/

/** Escapes text content. */
export function xmlText(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Escapes an attribute value; whitespace is written as character references so parsers keep it. */
export function xmlAttribute(text: string): string {
  if (!ATTRIBUTE_SPECIAL.test(text)) return text
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
}

/** `<name>text</name>`, or `<name />` for an empty text. */
export function textElement(name: string, text: string): string {
  return text === '' ? `<${name} />` : `<${name}>${xmlText(text)}</${name}>`
}
