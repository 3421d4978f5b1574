import os from 'node:os'
import path from 'node:path'

/**
 * The folder SyncLens keeps its caches in, never beside a snapshot: `SYNCLENS_CACHE_DIR` when set, else the
 * user's cache folder (`%LOCALAPPDATA%\SyncLens\Cache` on Windows, `~/Library/Caches/SyncLens` on macOS,
 * `$XDG_CACHE_HOME/synclens` or `~/.cache/synclens` elsewhere).
 */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SYNCLENS_CACHE_DIR !== undefined && env.SYNCLENS_CACHE_DIR !== '') return env.SYNCLENS_CACHE_DIR
  const home = os.homedir()
  if (process.platform === 'win32') {
    return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'SyncLens', 'Cache')
  }
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'SyncLens')
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'synclens')
}

/** Whether `SYNCLENS_CACHE` turns every cache off (`off`, `0`, `false`, `no`). */
export function cachesSwitchedOff(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['off', '0', 'false', 'no'].includes((env.SYNCLENS_CACHE ?? '').trim().toLowerCase())
}
