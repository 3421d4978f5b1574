import fs from 'node:fs'
import path from 'node:path'
import { memoryFile, type SnapshotSource, type SourceFile } from '../shared/io/source'

/** Reads a folder into an in-memory snapshot source (tests only; the app streams from disk). */
export function folderSource(folder: string): SnapshotSource {
  const files: SourceFile[] = []
  const walk = (directory: string): void => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile())
        files.push(memoryFile(path.relative(folder, full).split(path.sep).join('/'), fs.readFileSync(full)))
    }
  }
  walk(folder)
  return { name: path.basename(folder), files }
}

/** An in-memory source from path/text pairs; text is UTF-8 encoded unless bytes are given. */
export function textSource(
  name: string,
  entries: Readonly<Record<string, string | Uint8Array>>,
): SnapshotSource {
  return {
    name,
    files: Object.entries(entries).map(([filePath, content]) =>
      memoryFile(filePath, typeof content === 'string' ? new TextEncoder().encode(content) : content),
    ),
  }
}

/** Encodes text as UTF-16LE with a byte-order mark. */
export function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2)
  bytes[0] = 0xff
  bytes[1] = 0xfe
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    bytes[2 + i * 2] = code & 0xff
    bytes[3 + i * 2] = code >> 8
  }
  return bytes
}

/** Encodes text as UTF-8 with a byte-order mark. */
export function utf8WithBom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text)
  const bytes = new Uint8Array(body.length + 3)
  bytes.set([0xef, 0xbb, 0xbf])
  bytes.set(body, 3)
  return bytes
}
