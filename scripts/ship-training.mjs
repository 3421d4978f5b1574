// Ships the training snapshot prebuilt beside what opens it (the command, the app's snapshot worker, the browser
// build's worker), so that `synclens summary demo`, the app's first start and the browser build read it back instead
// of generating and parsing it. shared/training/shipped-entry.ts describes the file and reads it.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The file written, and its first line (the same constants as shared/training/shipped-entry.ts). */
export const SHIPPED_TRAINING_FILE = 'training.slstore'
export const SHIPPED_TRAINING_MAGIC = 'SYNCLENS-TRAINING 1\n'

/** The browser build's worker script in `rendererFolder` (dist/renderer), or null where there is none. */
export function browserWorkerScript(rendererFolder) {
  const assets = path.join(rendererFolder, 'assets')
  const names = fs.existsSync(assets)
    ? fs.readdirSync(assets).filter((name) => /^snapshot\.worker-.*\.js$/.test(name))
    : []
  return names.length === 1 ? path.join(assets, names[0]) : null
}

/**
 * Writes SHIPPED_TRAINING_FILE beside each Node bundle in `bundles` (absolute paths), labelled with its SHA-256, and
 * for each browser worker script in `browserWorkers` in the folder above it (the page's, where the worker fetches
 * it), labelled with the script's file name (Vite names it by a hash of its content). The entry is the one the
 * command keeps in its cache folder after opening the training snapshot: `cli` (the command's bundle, built from the
 * same sources as the others) is copied to a folder of its own, where no shipped entry is beside it, and run once
 * with a cache folder of its own. Returns the files written.
 *
 * @param {string} cli the command's main bundle (dist/cli/synclens-main.cjs)
 * @param {readonly string[]} bundles
 * @param {readonly string[]} [browserWorkers]
 */
export function shipTrainingSnapshot(cli, bundles, browserWorkers = []) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-ship-training-'))
  try {
    const command = path.join(work, path.basename(cli))
    fs.copyFileSync(cli, command)
    const cache = path.join(work, 'cache')
    const env = { ...process.env, SYNCLENS_CACHE_DIR: cache }
    delete env.SYNCLENS_CACHE
    delete env.SYNCLENS_CACHE_MAX_MB
    // The command exits once its cache entry is written.
    const run = spawnSync(process.execPath, [command, 'summary', 'demo', '--json'], { env, encoding: 'utf8' })
    if (run.status !== 0) {
      throw new Error(
        `opening the training snapshot with ${cli} failed (${run.status}): ${run.stderr.trim()}`,
      )
    }
    const stores = path.join(cache, 'stores')
    const kept = fs.existsSync(stores)
      ? fs.readdirSync(stores).filter((name) => name.startsWith('training-'))
      : []
    if (kept.length !== 1) throw new Error(`${cli} kept ${kept.length} training entries, not one`)
    const entry = fs.readFileSync(path.join(stores, kept[0]))
    const targets = [
      ...bundles.map((bundle) => ({
        folder: path.dirname(bundle),
        label: { bundle: crypto.createHash('sha256').update(fs.readFileSync(bundle)).digest('hex') },
      })),
      ...browserWorkers.map((worker) => ({
        folder: path.dirname(path.dirname(worker)),
        label: { worker: path.basename(worker) },
      })),
    ]
    return targets.map(({ folder, label }) => {
      const target = path.join(folder, SHIPPED_TRAINING_FILE)
      const temporary = `${target}.${process.pid}.tmp`
      const line = `${SHIPPED_TRAINING_MAGIC}${JSON.stringify({ ...label, users: null, seed: null })}\n`
      fs.writeFileSync(temporary, Buffer.concat([Buffer.from(line), entry]))
      fs.renameSync(temporary, target)
      return target
    })
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}
