import type { PickedFile } from '../../shared/app/host-api'

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
  /** Threads to read with, the snapshot worker included, when the page's address asks (`?readers=`). */
  readonly readers?: number
}

/** The built-in Contoso training snapshot, generated in the worker. */
export interface TrainingDescriptor {
  readonly kind: 'training'
}

/** What the page sends the worker to open. */
export type BrowserSnapshotDescriptor = BrowserFilesDescriptor | TrainingDescriptor

/** The descriptor of the training snapshot. */
export const TRAINING_DESCRIPTOR: TrainingDescriptor = { kind: 'training' }

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
