import type { spawnSync } from 'node:child_process'

/** The pinned Node.js LTS release (`.ci/run` runs the tests on it). */
export declare const LTS_NODE_VERSION: string
/** Its major version: a running Node of this major or later is used as it is. */
export declare const LTS_NODE_MAJOR: number
/** The registry package that carries the release for a platform and CPU, or null when there is none. */
export declare function ltsNodePackage(platform?: string, arch?: string): string | null
/** Where the unpacked release lives: `$XDG_CACHE_HOME` (or `~/.cache`)/synclens-node/<package>-<version>. */
export declare function ltsNodeHome(pkg: string, env?: NodeJS.ProcessEnv, home?: string): string
/** Whether a Node version string is the LTS major or later. */
export declare function isRecentNode(version?: string): boolean
/** The LTS `node` binary: the running one when recent enough, else from the cache or the npm registry. */
export declare function findOrFetchLtsNode(options?: {
  readonly env?: NodeJS.ProcessEnv
  readonly log?: (line: string) => void
  readonly running?: string
  readonly execPath?: string
  readonly run?: typeof spawnSync
}): { readonly node: string } | { readonly error: string }
