/** The parts of a FileSystemEntry that traversal needs (real entries and test trees both have them). */
export interface DroppedEntry {
  readonly name: string
  /** Path from the drop root, starting with `/`. */
  readonly fullPath: string
  readonly isFile: boolean
  readonly isDirectory: boolean
}

/** A dropped file entry. */
export interface DroppedFileEntry extends DroppedEntry {
  file(success: (file: File) => void, failure?: (error: DOMException) => void): void
}

/** A dropped folder entry. */
export interface DroppedDirectoryEntry extends DroppedEntry {
  createReader(): {
    readEntries(success: (entries: DroppedEntry[]) => void, failure?: (error: DOMException) => void): void
  }
}

function isFileEntry(entry: DroppedEntry): entry is DroppedFileEntry {
  return entry.isFile && 'file' in entry
}

function isDirectoryEntry(entry: DroppedEntry): entry is DroppedDirectoryEntry {
  return entry.isDirectory && 'createReader' in entry
}

/** Gives a File the path it had inside a dropped folder, the way a folder picker reports it. */
export function withRelativePath(file: File, path: string): File {
  // webkitRelativePath is a read-only getter on File.prototype; an own property shadows it on this one file.
  Object.defineProperty(file, 'webkitRelativePath', { value: path, configurable: true })
  return file
}

async function readAllEntries(directory: DroppedDirectoryEntry): Promise<DroppedEntry[]> {
  const reader = directory.createReader()
  const all: DroppedEntry[] = []
  // readEntries returns at most ~100 entries per call; an empty batch means the folder is exhausted.
  for (;;) {
    const batch = await new Promise<DroppedEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) return all
    for (const entry of batch) all.push(entry)
  }
}

async function collect(entry: DroppedEntry, into: File[]): Promise<void> {
  if (isFileEntry(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject))
    into.push(withRelativePath(file, entry.fullPath.replace(/^\/+/, '')))
  } else if (isDirectoryEntry(entry)) {
    for (const child of await readAllEntries(entry)) await collect(child, into)
  }
}

/** Every file under the dropped entries (folders walked recursively), with paths relative to the drop. */
export async function filesFromEntries(entries: readonly DroppedEntry[]): Promise<File[]> {
  const files: File[] = []
  for (const entry of entries) await collect(entry, files)
  return files
}

/**
 * The entries of a drop. Must run inside the drop event: the browser empties the DataTransfer afterwards.
 * Items without entry support fall back to plain files.
 */
export function droppedEntries(dataTransfer: DataTransfer): {
  readonly entries: readonly DroppedEntry[]
  readonly looseFiles: readonly File[]
} {
  const entries: DroppedEntry[] = []
  const looseFiles: File[] = []
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== 'file') continue
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null
    if (entry) entries.push(entry)
    else {
      const file = item.getAsFile()
      if (file) looseFiles.push(file)
    }
  }
  return { entries, looseFiles }
}
