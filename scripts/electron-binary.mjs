// Finds the Electron executable by its files alone; never require('electron'), which starts a download.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The absolute path of the Electron executable, or null when it is not installed.
 *
 * Electron's installer writes `path.txt` (the executable's path inside `dist/`) after a successful
 * download; `ELECTRON_OVERRIDE_DIST_PATH` points at another dist folder, as Electron itself honours.
 *
 * @param {{ packageDir?: string | null, env?: Record<string, string | undefined> }} [options]
 * @returns {string | null}
 */
export function findElectronBinary(options = {}) {
  const packageDir = options.packageDir === undefined ? electronPackageDir() : options.packageDir
  if (packageDir === null) return null
  const env = options.env ?? process.env
  const pathFile = path.join(packageDir, 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const relative = fs.readFileSync(pathFile, 'utf8').trim()
  if (relative === '') return null
  const executable = path.join(env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist'), relative)
  return fs.existsSync(executable) ? executable : null
}

/**
 * The folder of the installed `electron` package, or null when it is not installed.
 *
 * @returns {string | null}
 */
export function electronPackageDir() {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
}
