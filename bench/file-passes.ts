/**
 * The passes over one object file that the benchmark compares: a raw read, the saxes baseline of
 * docs/PERFORMANCE.md, and the product's path in four stages: the byte scanner alone making no string (its own
 * work: tags, names, attribute layout), the same decoding every attribute and text value, the format reader
 * building each object, and the reader into the store. The differences between the stages say where the time
 * goes. Each runs in its own child process so its peak RSS is its own. The store pass stops before `finish`:
 * indexes are built once per snapshot, and that cost is in the whole-snapshot load.
 */
import fs from 'node:fs'
import path from 'node:path'
import { SaxesParser } from 'saxes'
import { CsExportReader } from '../shared/formats/csexport/csexport-reader'
import { MvObjectsReader } from '../shared/formats/mv-objects/mv-objects-reader'
import { ObjectStore } from '../shared/store/object-store'
import { FastXmlScanner } from '../shared/xml/fast/fast-xml-scanner'
import { NameTable } from '../shared/xml/fast/name-table'
import type { XmlSink, XmlTag } from '../shared/xml/fast/xml-sink'

/** Which pass to run over a file. */
export type FilePass = 'raw' | 'saxes' | 'tags' | 'scan' | 'read' | 'store'

/** Every pass, in the order they are printed. */
export const FILE_PASSES: readonly FilePass[] = ['raw', 'saxes', 'tags', 'scan', 'read', 'store']

/** Chunk size of every pass: 1 MiB reads are about 3x faster than Node's default 64 KiB (docs/PERFORMANCE.md). */
const CHUNK_BYTES = 1 << 20

/** What a pass saw, so that runs can be checked against each other. */
export interface PassOutcome {
  readonly objects: number
  readonly note: string
}

function* chunks(file: string): Generator<Uint8Array> {
  const fd = fs.openSync(file, 'r')
  const buffer = new Uint8Array(CHUNK_BYTES)
  try {
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null)
      if (read === 0) return
      yield buffer.subarray(0, read)
    }
  } finally {
    fs.closeSync(fd)
  }
}

/** Runs one pass over a file; `kind` says which reader the store pass uses. */
export function runFilePass(pass: FilePass, file: string, kind: 'csexport' | 'mv-objects'): PassOutcome {
  switch (pass) {
    case 'raw':
      return rawPass(file)
    case 'saxes':
      return saxesPass(file, kind === 'csexport' ? 'cs-object' : 'mv-object')
    case 'tags':
      return scanPass(file, new CountingSink())
    case 'scan':
      return scanPass(file, new DecodingSink())
    case 'read':
      return storePass(file, kind, false)
    case 'store':
      return storePass(file, kind, true)
  }
}

function rawPass(file: string): PassOutcome {
  let checksum = 0
  for (const chunk of chunks(file)) checksum = (checksum + (chunk[chunk.length - 1] ?? 0)) | 0
  return { objects: 0, note: `checksum ${checksum}` }
}

/**
 * The baseline of docs/PERFORMANCE.md: saxes over utf8-decoded 1 MiB chunks, building a record per
 * object (its DN and a Map of attribute name to values) and dropping it.
 */
function saxesPass(file: string, objectTag: string): PassOutcome {
  const parser = new SaxesParser()
  let record: { dn: string; attrs: Map<string, string[]> } | null = null
  let attrName: string | null = null
  let values: string[] = []
  let text: string | null = null
  let objects = 0
  let attributes = 0
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>
    if (tag.name === objectTag) record = { dn: attrs['cs-dn'] ?? attrs.id ?? '', attrs: new Map() }
    else if (tag.name === 'attr' || tag.name === 'dn-attr') {
      attrName = attrs.name ?? ''
      values = []
    } else if (tag.name === 'value' || tag.name === 'dn') text = ''
  })
  parser.on('text', (chunk) => {
    if (text !== null) text += chunk
  })
  parser.on('closetag', (tag) => {
    if (tag.name === 'value' || tag.name === 'dn') {
      values.push(text ?? '')
      text = null
    } else if ((tag.name === 'attr' || tag.name === 'dn-attr') && record !== null && attrName !== null) {
      record.attrs.set(attrName, values)
      attributes += 1
    } else if (tag.name === objectTag) {
      objects += 1
      record = null
    }
  })
  parser.on('error', (error) => {
    throw error
  })
  const decoder = new TextDecoder()
  for (const chunk of chunks(file)) parser.write(decoder.decode(chunk, { stream: true }))
  parser.write(decoder.decode())
  parser.close()
  return { objects, note: `attributes ${attributes}` }
}

/**
 * Counts elements and decodes about what a format reader reads: every attribute value, and the text after each
 * start tag (leaf values, and the indentation before a first child) but not the indentation after an end tag.
 */
class DecodingSink implements XmlSink {
  public wantsText = false
  public elements = 0
  public characters = 0

  public openElement(_nameId: number, tag: XmlTag): void {
    this.elements++
    for (let i = 0; i < tag.attributeCount; i++) this.characters += tag.attributeValue(i).length
    this.wantsText = true
  }

  public closeElement(): void {
    this.wantsText = false
  }

  public text(value: string): void {
    this.characters += value.length
  }
}

/**
 * Counts elements and attributes and makes no string: what the scanner costs by itself, the floor under any reader
 * that keeps values as bytes.
 */
class CountingSink implements XmlSink {
  public readonly wantsText = false
  public elements = 0
  public characters = 0

  public openElement(_nameId: number, tag: XmlTag): void {
    this.elements++
    this.characters += tag.attributeCount
  }

  public closeElement(): void {}

  public text(): void {}
}

function scanPass(file: string, sink: DecodingSink | CountingSink): PassOutcome {
  const scanner = new FastXmlScanner(sink, new NameTable([]))
  for (const chunk of chunks(file)) scanner.push(chunk)
  scanner.end()
  if (scanner.error !== null) throw new Error(`${path.basename(file)}: ${scanner.error.message}`)
  const counted = sink instanceof DecodingSink ? 'characters decoded' : 'attributes'
  return { objects: 0, note: `${sink.elements} elements, ${sink.characters} ${counted}` }
}

/** The format reader, with (`intoStore`) or without the store behind it. */
function storePass(file: string, kind: 'csexport' | 'mv-objects', intoStore: boolean): PassOutcome {
  const store = new ObjectStore()
  const issues: string[] = []
  const onIssue = (issue: { readonly message: string }): void => {
    if (issues.length < 3) issues.push(issue.message)
  }
  const name = path.basename(file)
  const reader =
    kind === 'csexport'
      ? new CsExportReader({
          file: name,
          onObject: (object) => {
            if (intoStore) store.addCsObject(object)
          },
          onIssue,
        })
      : new MvObjectsReader({
          file: name,
          onObject: (object) => {
            if (intoStore) store.addMvObject(object)
          },
          onIssue,
        })
  for (const chunk of chunks(file)) reader.push(chunk)
  const summary = reader.end()
  if (issues.length > 0) throw new Error(`${name}: ${issues.join(' ')}`)
  const counts = store.counts()
  const values = counts.csAttributeValues + counts.mvAttributeValues
  return { objects: summary.objects, note: `${values} values stored` }
}
