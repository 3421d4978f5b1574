// Bundles the Electron main process, the snapshot worker, the CLI and the preload with Vite's build() API.
import crypto from 'node:crypto'
import fs from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'
import { browserWorkerScript, shipTrainingSnapshot } from './ship-training.mjs'
import { RECORDS_DIR, recordBundledPackages, writeNotices } from './third-party-notices.mjs'

/** The project root (this file lives in scripts/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]

/**
 * The bundles to build, relative to the project root.
 *
 * Node bundles keep `electron` and Node's built-ins external and inline everything else, so the
 * packaged app needs no node_modules. The preload stands alone: a sandboxed preload can require
 * only `electron`, so everything it uses must be inlined into one CommonJS file.
 */
export const BUNDLES = [
  // The segment reader threads' bundle first, beside each bundle that starts reader threads: they embed its SHA-256
  // and check it before starting them (SEGMENT_READER below).
  { entry: 'node/segment-reader-thread.ts', outFile: 'dist/electron/segment-reader.cjs', kind: 'node' },
  { entry: 'node/segment-reader-thread.ts', outFile: 'dist/cli/segment-reader.cjs', kind: 'node' },
  // The worker next: the main process embeds its SHA-256 and checks it before starting it.
  { entry: 'node/snapshot-worker.ts', outFile: 'dist/electron/snapshot-worker.cjs', kind: 'node' },
  { entry: 'electron/main/main.ts', outFile: 'dist/electron/main.cjs', kind: 'node' },
  // The command, and its entry: a few lines that turn on Node's compile cache and then load the command, so
  // that V8's compiled code of the command is kept between runs (node/cli/synclens-start.ts).
  { entry: 'node/cli/synclens.ts', outFile: 'dist/cli/synclens-main.cjs', kind: 'node' },
  { entry: 'node/cli/synclens-start.ts', outFile: 'dist/cli/synclens.cjs', kind: 'node', executable: true },
  { entry: 'electron/preload/preload.ts', outFile: 'dist/electron/preload.cjs', kind: 'preload' },
]

/**
 * The segment reader threads' bundle: only the code that reads a range of an object file into a store segment.
 * Written beside every bundle that starts reader threads (the command's and the app's snapshot worker), which start
 * them from it when its SHA-256 is the one the build embedded in them (`__SEGMENT_READER_SHA256__`): a reader thread
 * then compiles about 250 KB instead of the whole 1.8 MB command (measured on Node 24: 21 MB and 55 ms per thread
 * to ready, against 44 MB and 140 ms).
 */
export const SEGMENT_READER = { entry: 'node/segment-reader-thread.ts', kind: 'node' }
/** The reader bundle's file name (node/segment-workers.ts looks for it beside the running bundle). */
export const SEGMENT_READER_FILE = 'segment-reader.cjs'

/**
 * Builds the segment reader bundle into each of `folders` and returns the `define` that makes a bundle built
 * afterwards start its reader threads from that file (for builds outside dist/: the benchmark's, tests').
 *
 * @param {string[]} folders absolute or relative to the root
 * @param {{ root?: string, recordsDir?: string }} [options]
 * @returns {Promise<{ files: string[], define: Record<string, string> }>}
 */
export async function buildSegmentReader(folders, options = {}) {
  const root = options.root ?? ROOT
  const files = []
  for (const folder of folders) {
    const outFile = path.resolve(root, folder, SEGMENT_READER_FILE)
    files.push(
      await buildBundle({ ...SEGMENT_READER, outFile }, { root, outFile, recordsDir: options.recordsDir }),
    )
  }
  const first = files[0]
  return { files, define: first === undefined ? {} : digestDefine(SEGMENT_READER, first) }
}

/**
 * Builds bundles in order, each with the digests of those built before it that it checks before starting them (the
 * segment reader's in the command and the snapshot worker, the snapshot worker's in the main process); resolves
 * with the files written.
 *
 * @param {readonly { entry: string, outFile: string, kind: 'node' | 'preload', executable?: boolean }[]} bundles
 * @param {{ root?: string }} [options]
 */
export async function buildBundles(bundles, options = {}) {
  const root = options.root ?? ROOT
  const files = []
  /** @type {Record<string, string>} */
  let define = {}
  for (const bundle of bundles) {
    const file = await buildBundle(bundle, { root, define })
    define = { ...define, ...digestDefine(bundle, file) }
    files.push(file)
  }
  return files
}

/** The `define` by which bundles built after `bundle` know its SHA-256; empty for a bundle nothing checks. */
function digestDefine(bundle, file) {
  const digest = () => JSON.stringify(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'))
  if (bundle.entry === SEGMENT_READER.entry) return { __SEGMENT_READER_SHA256__: digest() }
  if (bundle.entry === 'node/snapshot-worker.ts') return { __SNAPSHOT_WORKER_SHA256__: digest() }
  return {}
}

/**
 * Builds one bundle into `outFile` (absolute or relative to the root); resolves with its path. The bundle is
 * written under a temporary name and renamed into place, so a process starting it meanwhile (`npm run
 * synclens` while a build runs) never loads half a file.
 *
 * @param {{ entry: string, outFile: string, kind: 'node' | 'preload', executable?: boolean }} bundle
 * @param {{ root?: string, outFile?: string, sourcemap?: boolean, recordsDir?: string, define?: Record<string, string> }} [options]
 *   `recordsDir` receives the list of bundled packages (the project's dist/.third-party by default); `define`
 *   replaces identifiers at build time (the worker's digest in the main process)
 */
export async function buildBundle(bundle, options = {}) {
  const root = options.root ?? ROOT
  const outFile = path.resolve(root, options.outFile ?? bundle.outFile)
  const temporary = path.join(
    path.dirname(outFile),
    `.${process.pid}-${Date.now()}-${path.basename(outFile)}`,
  )
  try {
    await buildTo(bundle, root, temporary, options)
    if (bundle.executable) fs.chmodSync(temporary, 0o755)
    fs.renameSync(temporary, outFile)
    if (options.sourcemap === true) fs.renameSync(`${temporary}.map`, `${outFile}.map`)
  } finally {
    fs.rmSync(temporary, { force: true })
    fs.rmSync(`${temporary}.map`, { force: true })
  }
  return outFile
}

async function buildTo(bundle, root, outFile, options) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    publicDir: false,
    define: options.define ?? {},
    build: {
      ssr: path.resolve(root, bundle.entry),
      outDir: path.dirname(outFile),
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      // Only for checks (which packages a bundle holds): hidden, so the shipped files never point at a map.
      sourcemap: options.sourcemap === true ? 'hidden' : false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        plugins: [
          recordBundledPackages(
            path.basename(bundle.outFile, '.cjs'),
            options.recordsDir ?? path.join(root, RECORDS_DIR),
          ),
        ],
        external: bundle.kind === 'preload' ? ['electron'] : ['electron', ...NODE_BUILTINS],
        output: {
          format: 'cjs',
          entryFileNames: path.basename(outFile),
          codeSplitting: false,
          ...(bundle.executable ? { banner: '#!/usr/bin/env node' } : {}),
        },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  })
}

/** Builds every bundle whose entry exists; returns what was built and what was skipped, and why. */
export async function buildElectron(root = ROOT) {
  const built = []
  const skipped = []
  const present = BUNDLES.filter((bundle) => {
    if (fs.existsSync(path.resolve(root, bundle.entry))) return true
    skipped.push(`${bundle.outFile}: ${bundle.entry} does not exist yet`)
    return false
  })
  for (const file of await buildBundles(present, { root })) built.push(path.relative(root, file))
  const cli = path.join(root, 'dist/cli/synclens-main.cjs')
  const openers = ['dist/cli/synclens-main.cjs', 'dist/electron/snapshot-worker.cjs']
    .map((file) => path.join(root, file))
    .filter((file) => built.includes(path.relative(root, file)))
  if (openers.includes(cli)) {
    // The browser build's worker too, when `vite build` has just written it (`npm run build` runs it first).
    const browserWorker = browserWorkerScript(path.join(root, 'dist/renderer'))
    const shipped = shipTrainingSnapshot(cli, openers, browserWorker === null ? [] : [browserWorker])
    for (const file of shipped) built.push(path.relative(root, file))
  }
  built.push(...writeNotices(root))
  return { built, skipped }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const started = Date.now()
  try {
    const { built, skipped } = await buildElectron()
    for (const file of built) console.log(`built ${file}`)
    for (const note of skipped) console.log(`skipped ${note}`)
    console.log(`electron bundles done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  } catch (error) {
    console.error(
      `Building the Electron bundles failed: ${error instanceof Error ? error.message : String(error)}`,
    )
    process.exitCode = 1
  }
}
