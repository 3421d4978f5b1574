import { SaxesParser } from 'saxes'

/**
 * A small element tree for the configuration files of a snapshot (rules, connectors, MV.xml).
 *
 * These files are kilobytes to a few megabytes, so a tree is the simple and safe choice; connector
 * spaces, which reach gigabytes, are streamed by shared/xml/fast instead and never become a tree.
 */
export interface XmlElement {
  /** Local name, namespace prefix removed (`dsml:class` -> `class`). */
  readonly name: string
  /** Attributes by local name. */
  readonly attributes: ReadonlyMap<string, string>
  readonly children: readonly XmlElement[]
  /** Concatenated text directly inside this element. */
  readonly text: string
  /** 1-based line of the start tag. */
  readonly line: number
}

/** A parse failure with its position. */
export interface XmlTreeError {
  readonly message: string
  readonly line: number
  readonly column: number
}

/** The outcome of parsing a document into a tree. */
export type XmlTreeResult =
  { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly error: XmlTreeError }

interface MutableElement {
  name: string
  attributes: Map<string, string>
  children: MutableElement[]
  text: string
  line: number
}

const MAX_DEPTH = 256

/** saxes prefixes messages with `file:line:column: `; the position is reported separately, so drop it. */
function cleanMessage(message: string): string {
  const text = message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '').trim()
  const sentence = text.charAt(0).toUpperCase() + text.slice(1)
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':')
  return colon < 0 ? qualified : qualified.slice(colon + 1)
}

/**
 * Parses a whole XML document (already decoded to text) into a tree.
 *
 * DOCTYPE declarations are refused: a snapshot never needs one, and refusing them rules out entity
 * expansion attacks and external fetches.
 */
export function parseXmlTree(text: string): XmlTreeResult {
  const parser = new SaxesParser({ position: true })
  const stack: MutableElement[] = []
  let root: MutableElement | null = null
  let failure: XmlTreeError | null = null
  const fail = (message: string): void => {
    failure ??= { message, line: parser.line, column: parser.column + 1 }
  }
  parser.on('doctype', () => {
    fail('The file declares a DOCTYPE. Snapshot files never do; it is refused so that no entity is expanded.')
  })
  parser.on('opentag', (tag) => {
    if (failure) return
    if (stack.length >= MAX_DEPTH) {
      fail(`Elements are nested more than ${MAX_DEPTH} levels deep.`)
      return
    }
    const attributes = new Map<string, string>()
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (!name.startsWith('xmlns')) attributes.set(localName(name), String(value))
    }
    const element: MutableElement = {
      name: localName(tag.name),
      attributes,
      children: [],
      text: '',
      line: parser.line,
    }
    const parent = stack.at(-1)
    if (parent) parent.children.push(element)
    else root = element
    stack.push(element)
  })
  parser.on('text', (chunk) => {
    const current = stack.at(-1)
    if (current) current.text += chunk
  })
  parser.on('cdata', (chunk) => {
    const current = stack.at(-1)
    if (current) current.text += chunk
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.on('error', (error) => {
    fail(cleanMessage(error.message))
  })
  try {
    parser.write(text)
    if (!failure) parser.close()
  } catch (error) {
    fail(cleanMessage(error instanceof Error ? error.message : String(error)))
  }
  if (failure) return { ok: false, error: failure }
  if (!root) return { ok: false, error: { message: 'The file has no root element.', line: 1, column: 1 } }
  return { ok: true, root }
}

/** The first child element with this local name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((candidate) => candidate.name === name)
}

/** All child elements with this local name. */
export function children(element: XmlElement, name: string): readonly XmlElement[] {
  return element.children.filter((candidate) => candidate.name === name)
}

/** The trimmed text of the first child with this name, or `fallback` when there is none. */
export function childText(element: XmlElement, name: string, fallback = ''): string {
  const found = child(element, name)
  return found ? found.text.trim() : fallback
}

/** Follows a path of child names (`a/b/c`), returning the elements at its end. */
export function descendants(element: XmlElement, path: string): readonly XmlElement[] {
  let level: readonly XmlElement[] = [element]
  for (const step of path.split('/')) {
    level = level.flatMap((node) => children(node, step))
  }
  return level
}
