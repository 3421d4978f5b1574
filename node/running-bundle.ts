import path from 'node:path'
import { workerData } from 'node:worker_threads'

/**
 * The built bundle this thread runs: a file (the `synclens` command, the benchmark's child) or the text of one (the
 * app's snapshot worker, which the main process starts from the bytes it checked: `startSnapshotWorker`). Threads
 * that must run the same code (segment readers) start from it, and caches that belong to one build are keyed by it.
 */
export type RunningBundle =
  | { readonly kind: 'file'; readonly path: string }
  | {
      readonly kind: 'source'
      readonly code: string
      /** The file the text was read from, where what the build shipped beside it is found; absent if unknown. */
      readonly file?: string
    }

/** The `workerData` key under which a thread started from source text receives that text. */
const BUNDLE_SOURCE = 'synclensBundleSource'
/** The `workerData` key of the file that text was read from. */
const BUNDLE_FILE = 'synclensBundleFile'

/**
 * The `workerData` of a thread started from `code`: the text itself, so the thread can start more like it, and the
 * file it was read from, if any, so the thread finds what the build shipped beside it (the training snapshot).
 */
export function bundleSourceData(code: string, file?: string): Readonly<Record<string, string>> {
  return file === undefined ? { [BUNDLE_SOURCE]: code } : { [BUNDLE_SOURCE]: code, [BUNDLE_FILE]: file }
}

/** The folder the running bundle was read from, where the build put the files that ship with it; null if unknown. */
export function bundleFolder(bundle: RunningBundle | null): string | null {
  if (bundle === null) return null
  const file = bundle.kind === 'file' ? bundle.path : bundle.file
  return file === undefined ? null : path.dirname(file)
}

/**
 * The bundle running in this thread, or null where the code is not a bundle (development and tests run the
 * TypeScript sources, which a bare worker thread cannot start).
 */
export function runningBundle(
  data: unknown = workerData,
  filename: string = typeof __filename === 'string' ? __filename : '',
): RunningBundle | null {
  if (typeof data === 'object' && data !== null) {
    const code = (data as Record<string, unknown>)[BUNDLE_SOURCE]
    const file = (data as Record<string, unknown>)[BUNDLE_FILE]
    if (typeof code === 'string' && code.length > 0) {
      return typeof file === 'string' && file.length > 0
        ? { kind: 'source', code, file }
        : { kind: 'source', code }
    }
  }
  return filename.endsWith('.cjs') ? { kind: 'file', path: filename } : null
}
