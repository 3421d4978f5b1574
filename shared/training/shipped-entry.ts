import {
  type ByteInput,
  memoryFile,
  memoryInput,
  type ObjectCache,
  type SnapshotSource,
  type SourceFile,
} from '../io/source'
import { DETECTION_HEAD_BYTES } from '../io/detect'
import { base64ToBytes, bytesToBase64 } from '../text/base64'
import { TRAINING_SNAPSHOT_NAME } from './environment'

/**
 * A kept training snapshot: the files of the generated snapshot (the configuration whole, the object files by their
 * heads, for recognition) and its loaded objects in the store's binary form, so that opening it reads the objects back
 * instead of generating and parsing about 50 KB of XML per user.
 *
 * An entry's bytes: a 4-byte little-endian length, that many bytes of JSON (the EntryFile list), then the objects. The
 * reopen cache folder keeps entries as they are (node/training-cache.ts). The build ships one beside each bundle
 * that opens the training snapshot (SHIPPED_TRAINING_FILE), after SHIPPED_TRAINING_MAGIC and a one-line JSON label
 * that names the bundle it belongs to: `bundle`, the SHA-256 of a Node bundle; `worker`, the file name of the
 * browser build's worker script (Vite names it by a hash of its content).
 */
export interface EntryFile {
  readonly path: string
  readonly size: number
  /** The whole file, or its first bytes for an object file, in base64. */
  readonly bytes: string
  readonly whole: boolean
}

/** The file the build ships beside each bundle that opens the training snapshot. */
export const SHIPPED_TRAINING_FILE = 'training.slstore'
/** A shipped entry's first line. */
export const SHIPPED_TRAINING_MAGIC = 'SYNCLENS-TRAINING 1\n'

/** An entry's file list and where its objects start. */
export interface EntryHeader {
  readonly files: readonly EntryFile[]
  readonly objectsStart: number
}

/**
 * The start of an entry for a generated training snapshot: the length and the file list, which its objects follow
 * (the store's binary form). Configuration files are kept whole, object files by their heads.
 */
export async function entryHeaderBytes(generated: SnapshotSource): Promise<Uint8Array> {
  const files: EntryFile[] = []
  for (const file of generated.files) {
    const whole =
      file.size <= DETECTION_HEAD_BYTES || !/\.xml$/i.test(file.path) || isConfiguration(file.path)
    const bytes = whole ? await file.readAll() : await file.head(DETECTION_HEAD_BYTES)
    files.push({ path: file.path, size: file.size, bytes: bytesToBase64(bytes), whole })
  }
  const json = new TextEncoder().encode(JSON.stringify(files))
  const header = new Uint8Array(4 + json.byteLength)
  new DataView(header.buffer).setUint32(0, json.byteLength, true)
  header.set(json, 4)
  return header
}

/** The training snapshot's object files are the connector spaces and the metaverse; the rest is configuration. */
function isConfiguration(filePath: string): boolean {
  return !filePath.startsWith('ConnectorSpaces/') && !filePath.startsWith('Metaverse/')
}

/** The file list of the entry that starts at `start` in `bytes`, or null when it is not one. */
export function entryHeader(bytes: Uint8Array, start = 0): EntryHeader | null {
  if (bytes.byteLength < start + 4) return null
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset + start, 4).getUint32(0, true)
  const objectsStart = start + 4 + headerLength
  if (objectsStart > bytes.byteLength) return null
  try {
    const files = JSON.parse(new TextDecoder().decode(bytes.subarray(start + 4, objectsStart))) as unknown
    return Array.isArray(files) && files.every(isEntryFile) ? { files, objectsStart } : null
  } catch {
    return null
  }
}

function isEntryFile(value: unknown): value is EntryFile {
  if (typeof value !== 'object' || value === null) return false
  const file = value as Record<string, unknown>
  return (
    typeof file.path === 'string' &&
    typeof file.size === 'number' &&
    typeof file.bytes === 'string' &&
    typeof file.whole === 'boolean'
  )
}

/** A shipped entry: its label (what it belongs to) and its entry, or null when the bytes are not one. */
export interface ShippedEntry {
  readonly label: Readonly<Record<string, unknown>>
  readonly header: EntryHeader
}

/** The most a shipped entry's first line and label take: what a reader reads first to find the entry's start. */
export const SHIPPED_LABEL_MAX_BYTES = 4096

/** A shipped entry's label and where its entry starts, from its first bytes; null when they are not a label. */
export function shippedLabel(
  bytes: Uint8Array,
): { readonly label: Readonly<Record<string, unknown>>; readonly entryStart: number } | null {
  const magic = new TextEncoder().encode(SHIPPED_TRAINING_MAGIC)
  if (bytes.byteLength < magic.byteLength || magic.some((byte, index) => bytes[index] !== byte)) return null
  const labelEnd = bytes.subarray(0, SHIPPED_LABEL_MAX_BYTES).indexOf(0x0a, magic.byteLength)
  if (labelEnd === -1) return null
  let label: unknown
  try {
    label = JSON.parse(new TextDecoder().decode(bytes.subarray(magic.byteLength, labelEnd)))
  } catch {
    return null
  }
  if (typeof label !== 'object' || label === null || Array.isArray(label)) return null
  return { label: label as Record<string, unknown>, entryStart: labelEnd + 1 }
}

/** Reads a shipped entry's first line, label and file list; the objects are read when the snapshot is loaded. */
export function shippedEntry(bytes: Uint8Array): ShippedEntry | null {
  const labelled = shippedLabel(bytes)
  const header = labelled === null ? null : entryHeader(bytes, labelled.entryStart)
  return labelled === null || header === null ? null : { label: labelled.label, header }
}

/** True when a shipped entry's label is for these generator options (null: the default). */
export function labelledFor(
  label: Readonly<Record<string, unknown>>,
  users: number | undefined,
  seed: number | undefined,
): boolean {
  return label.users === (users ?? null) && label.seed === (seed ?? null)
}

/**
 * The training snapshot from a kept entry's files and objects. An object file is only recognised from its head; its
 * content is generated if the objects must be read from the XML after all (the kept ones are damaged), and `write`
 * then keeps the objects read (a no-op where nothing keeps them).
 */
export function entrySource(
  files: readonly EntryFile[],
  objects: () => ByteInput | null,
  generate: () => SnapshotSource,
  write: ObjectCache['write'],
): SnapshotSource | null {
  let full: SnapshotSource | null = null
  const generatedFile = (filePath: string): SourceFile => {
    const found = (full ??= generate()).files.find((candidate) => candidate.path === filePath)
    if (found === undefined) throw new Error(`the training snapshot has no ${filePath}`)
    return found
  }
  const sourceFiles: SourceFile[] = []
  for (const entry of files) {
    const view = base64ToBytes(entry.bytes)
    if (view === null) return null
    sourceFiles.push(
      entry.whole
        ? memoryFile(entry.path, view)
        : {
            path: entry.path,
            size: entry.size,
            head: (length) => Promise.resolve(view.subarray(0, length)),
            readAll: () => generatedFile(entry.path).readAll(),
            chunks: () => generatedFile(entry.path).chunks(),
          },
    )
  }
  return {
    name: TRAINING_SNAPSHOT_NAME,
    files: sourceFiles,
    // Damaged objects are read past (the snapshot is generated and parsed), then kept by `write`.
    accelerators: { cache: { read: () => Promise.resolve(objects()), write } },
  }
}

/** The objects of a shipped entry held in memory. */
export function shippedObjects(bytes: Uint8Array, header: EntryHeader): () => ByteInput {
  return () => memoryInput(bytes, header.objectsStart)
}
