// Ships the training snapshot prebuilt beside the bundles that open it (the command, the app's snapshot worker), so
// that `synclens summary demo` and the app's first start read it back instead of generating and parsing it.
// node/training-cache.ts reads what this writes: SHIPPED_TRAINING_FILE, starting with SHIPPED_TRAINING_MAGIC.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The file each bundle's folder receives, and its first line (the same constants as node/training-cache.ts). */
export const SHIPPED_TRAINING_FILE = 'training.slstore'
export const SHIPPED_TRAINING_MAGIC = 'SYNCLENS-TRAINING 1\n'

/**
 * Writes SHIPPED_TRAINING_FILE beside each bundle in `bundles` (absolute paths), labelled with that bundle's SHA-256.
 * The entry is the one the command itself keeps in its cache folder after opening the training snapshot: `cli` (the
 * command's bundle, built from the same sources as the others) is run once with a cache folder of its own. Returns
 * the files written.
 *
 * @param {string} cli the command's main bundle (dist/cli/synclens-main.cjs)
 * @param {readonly string[]} bundles
 */
export function shipTrainingSnapshot(cli, bundles) {
  // A shipped entry from an earlier build of the same bytes would be read instead of written anew.
  for (const bundle of bundles)
    fs.rmSync(path.join(path.dirname(bundle), SHIPPED_TRAINING_FILE), { force: true })
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-ship-training-'))
  try {
    const env = { ...process.env, SYNCLENS_CACHE_DIR: cache }
    delete env.SYNCLENS_CACHE
    delete env.SYNCLENS_CACHE_MAX_MB
    // The command exits once its cache entry is written.
    const run = spawnSync(process.execPath, [cli, 'summary', 'demo', '--json'], { env, encoding: 'utf8' })
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
    return bundles.map((bundle) => {
      const label = {
        bundle: crypto.createHash('sha256').update(fs.readFileSync(bundle)).digest('hex'),
        users: null,
        seed: null,
      }
      const target = path.join(path.dirname(bundle), SHIPPED_TRAINING_FILE)
      const temporary = `${target}.${process.pid}.tmp`
      fs.writeFileSync(
        temporary,
        Buffer.concat([Buffer.from(SHIPPED_TRAINING_MAGIC + JSON.stringify(label) + '\n'), entry]),
      )
      fs.renameSync(temporary, target)
      return target
    })
  } finally {
    fs.rmSync(cache, { recursive: true, force: true })
  }
}
