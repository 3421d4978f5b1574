/** Test helpers: read the files of a generated snapshot back as text and element trees. */
import type { SnapshotSource } from '../../io/source'
import { decodeText } from '../../text/decode'
import { descendants, parseXmlTree, type XmlElement } from '../../xml/element-tree'

/** The text of one file of a source, or an empty text when there is no such file. */
export async function fileText(source: SnapshotSource, path: string): Promise<string> {
  const file = source.files.find((candidate) => candidate.path === path)
  return file ? decodeText(await file.readAll()) : ''
}

/** The root element of one XML file; fails the test with the parser's message when it is not well-formed. */
export async function fileTree(source: SnapshotSource, path: string): Promise<XmlElement> {
  const parsed = parseXmlTree(await fileText(source, path))
  if (!parsed.ok)
    throw new Error(`${path}:${parsed.error.line}:${parsed.error.column} ${parsed.error.message}`)
  return parsed.root
}

/** The attributes (`attr` and `dn-attr`) of every entry under a path such as `cs-object/synchronized-hologram/entry`. */
export function entryAttributes(root: XmlElement, entryPath: string): XmlElement[] {
  return descendants(root, entryPath).flatMap((entry) =>
    entry.children.filter((element) => element.name === 'attr' || element.name === 'dn-attr'),
  )
}

/** The `<dn>` texts of every reference value under a path of entries. */
export function referenceValues(root: XmlElement, entryPath: string): string[] {
  return entryAttributes(root, entryPath)
    .filter((attribute) => attribute.name === 'dn-attr')
    .flatMap((attribute) => descendants(attribute, 'dn-value/dn').map((dn) => dn.text))
}
