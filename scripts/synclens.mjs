#!/usr/bin/env node
// `npm run synclens -- <command> ...`: runs the built command line (dist/cli/synclens.cjs), building it first
// when a source is newer than the bundle. Running the bundle starts in about a tenth of the time a TypeScript
// loader takes, and the build happens once after each change, not on every command.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The bundle `npm run build` also writes, and what `npx synclens` runs. */
export const CLI_BUNDLE = 'dist/cli/synclens.cjs'

/** What the bundle is built from: every change here makes it stale. */
export const CLI_SOURCES = [
  'node',
  'shared',
  'package.json',
  'package-lock.json',
  'scripts/build-electron.mjs',
  'scripts/ship-training.mjs',
]

/** The newest modification time (ms) of the files under `paths`, tests excluded (they are not bundled). */
export function newestSourceTime(root = ROOT, paths = CLI_SOURCES) {
  let newest = 0
  const visit = (target) => {
    const stat = fs.statSync(target, { throwIfNoEntry: false })
    if (stat === undefined) return
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target)) {
        if (entry === 'node_modules' || entry === 'testing') continue
        visit(path.join(target, entry))
      }
    } else if (!/\.test\.tsx?$/.test(target)) {
      newest = Math.max(newest, stat.mtimeMs)
    }
  }
  for (const relative of paths) visit(path.join(root, relative))
  return newest
}

/** True when the bundle is missing or older than one of its sources. */
export function cliBundleIsStale(root = ROOT) {
  const bundle = fs.statSync(path.join(root, CLI_BUNDLE), { throwIfNoEntry: false })
  return bundle === undefined || bundle.mtimeMs < newestSourceTime(root)
}

/** Builds the CLI bundle alone (a few seconds; the whole `npm run build` also builds the app). */
export async function buildCliBundle(root = ROOT) {
  const { BUNDLES, buildBundles } = await import('./build-electron.mjs')
  const { writeNotices } = await import('./third-party-notices.mjs')
  // The readers' bundle, the command, then its entry (CLI_BUNDLE), whose time says when they were built.
  const bundles = BUNDLES.filter((candidate) => candidate.outFile.startsWith('dist/cli/'))
  if (!bundles.some((bundle) => bundle.outFile === CLI_BUNDLE))
    throw new Error(`scripts/build-electron.mjs builds no ${CLI_BUNDLE}`)
  await buildBundles(bundles, { root })
  const { shipTrainingSnapshot } = await import('./ship-training.mjs')
  const cli = path.join(root, 'dist/cli/synclens-main.cjs')
  shipTrainingSnapshot(cli, [cli])
  writeNotices(root)
}

async function main() {
  if (cliBundleIsStale()) {
    process.stderr.write('Building the synclens command (once after each change)...\n')
    try {
      await buildCliBundle()
    } catch (error) {
      process.stderr.write(
        `synclens: the command could not be built: ${error instanceof Error ? error.message : String(error)}\n`,
      )
      process.exit(5)
    }
  }
  // The bundle reads process.argv.slice(2): here that is exactly what followed `npm run synclens --`.
  createRequire(import.meta.url)(path.join(ROOT, CLI_BUNDLE))
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main()
