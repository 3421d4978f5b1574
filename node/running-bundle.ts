import { workerData } from 'node:worker_threads'

/**
 * The built bundle this thread runs: a file (the `synclens` command, the benchmark's child) or the text of one (the
 * app's snapshot worker, which the main process starts from the bytes it checked: `startSnapshotWorker`). Threads
 * that must run the same code (segment readers) start from it, and caches that belong to one build are keyed by it.
 */
export type RunningBundle =
  { readonly kind: 'file'; readonly path: string } | { readonly kind: 'source'; readonly code: string }

/** The `workerData` key under which a thread started from source text receives that text. */
const BUNDLE_SOURCE = 'synclensBundleSource'

/** The `workerData` of a thread started from `code`: the text itself, so the thread can start more like it. */
export function bundleSourceData(code: string): Readonly<Record<string, string>> {
  return { [BUNDLE_SOURCE]: code }
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
    if (typeof code === 'string' && code.length > 0) return { kind: 'source', code }
  }
  return filename.endsWith('.cjs') ? { kind: 'file', path: filename } : null
}
