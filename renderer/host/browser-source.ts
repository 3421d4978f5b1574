import type { PickedFile } from '../../shared/app/host-api'
import type { SnapshotSource, SourceFile } from '../../shared/io/source'
import { generateTrainingSnapshot } from '../../shared/training/index'
import { openZipSource } from '../../shared/io/zip-source'

/** A file the browser picked or dropped: a Blob with the PickedFile fields (a DOM `File`). */
export type BrowserFile = Blob & PickedFile

/** One file of a browser snapshot: its path in the snapshot and its bytes. */
export interface BrowserFileRef {
  readonly path: string
  readonly file: Blob
}

/**
 * Picked or dropped files for the worker to open. Paths travel beside the files because structured cloning a
 * File keeps its name but drops `webkitRelativePath`.
 */
export interface BrowserFilesDescriptor {
  readonly name: string
  readonly files: readonly BrowserFileRef[]
}

/** The built-in Contoso training snapshot, generated in the worker. */
export interface TrainingDescriptor {
  readonly kind: 'training'
}

/** What the page sends the worker to open. */
export type BrowserSnapshotDescriptor = BrowserFilesDescriptor | TrainingDescriptor

/** The descriptor of the training snapshot. */
export const TRAINING_DESCRIPTOR: TrainingDescriptor = { kind: 'training' }

/** Chunk size for streaming a browser file: large enough to keep the parser busy, small enough for memory. */
export const BROWSER_CHUNK_BYTES = 1 << 20

function pathOf(file: PickedFile): string {
  // Files made outside a picker (tests, other runtimes) may lack webkitRelativePath altogether.
  const relative: unknown = file.webkitRelativePath
  const raw = typeof relative === 'string' && relative !== '' ? relative : file.name
  return raw.replace(/\\/g, '/').replace(/^\/+/, '')
}

/**
 * Names a picked set of files and gives each its path inside the snapshot.
 *
 * A picked or dropped folder gives paths like `Contoso/Connectors/x.xml`; the folder becomes the snapshot's
 * name and is stripped from the paths, so they read as the loader expects (`Connectors/x.xml`).
 */
export function describeBrowserFiles(files: readonly BrowserFile[]): BrowserFilesDescriptor {
  const paths = files.map(pathOf)
  const firstSegments = new Set(paths.map((path) => (path.includes('/') ? path.split('/')[0] : null)))
  const [folder] = firstSegments
  if (files.length > 0 && firstSegments.size === 1 && typeof folder === 'string') {
    return {
      name: folder,
      files: files.map((file, index) => ({ path: (paths[index] ?? '').slice(folder.length + 1), file })),
    }
  }
  const [only] = files
  return {
    name: files.length === 1 && only ? only.name : `${files.length} files`,
    files: files.map((file, index) => ({ path: paths[index] ?? file.name, file })),
  }
}

/**
 * A snapshot file read from a Blob, in slices, without loading it whole unless asked.
 *
 * Every Blob read is a round trip to the browser process, so when a head covers the whole (small) file, those
 * bytes are kept for the readAll that usually follows, and released by it.
 */
export function blobSourceFile(path: string, blob: Blob, chunkSize = BROWSER_CHUNK_BYTES): SourceFile {
  const bytesOf = async (part: Blob): Promise<Uint8Array> => new Uint8Array(await part.arrayBuffer())
  let whole: Promise<Uint8Array> | null = null
  return {
    path,
    size: blob.size,
    readAll: () => {
      const bytes = whole ?? bytesOf(blob)
      whole = null
      return bytes
    },
    head: (length) => {
      if (length < blob.size) return bytesOf(blob.slice(0, length))
      whole ??= bytesOf(blob)
      return whole
    },
    chunks: async function* () {
      for (let offset = 0; offset < blob.size; offset += chunkSize) {
        yield await bytesOf(blob.slice(offset, offset + chunkSize))
      }
    },
  }
}

function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04
}

/**
 * Turns what the page sent into a snapshot source (runs in the worker, so reading stays off the UI thread).
 *
 * A single file that is a zip (by content, whatever its name) is opened as the snapshot it holds; a refused
 * zip rejects with the reason, which the host shows as a failed load. The training snapshot is generated here.
 */
export async function resolveBrowserFiles(descriptor: BrowserSnapshotDescriptor): Promise<SnapshotSource> {
  if (!('files' in descriptor)) return generateTrainingSnapshot()
  const [only] = descriptor.files
  if (descriptor.files.length === 1 && only) {
    const file = blobSourceFile(only.path, only.file)
    if (isZip(await file.head(4))) {
      const opened = openZipSource(descriptor.name, await file.readAll())
      if (!opened.ok) throw new Error(opened.error.message)
      return opened.source
    }
  }
  return {
    name: descriptor.name,
    files: descriptor.files.map((ref) => blobSourceFile(ref.path, ref.file)),
  }
}
