import module from 'node:module'
import path from 'node:path'
import { cacheRoot, cachesSwitchedOff } from '../cache-root'

/** What became of the compile cache: the folder it uses, or why there is none. */
export type CompileCacheState =
  | { readonly kind: 'enabled'; readonly folder: string }
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'switched-off' }
  | { readonly kind: 'failed'; readonly message: string }

type EnableCompileCache = (folder: string) => { readonly status: number; readonly message?: string }

/**
 * Keeps V8's compiled code of the modules loaded from now on in `<cache root>/compile` (Node 22.1 and later;
 * Node 20 has no such call and nothing happens), so the next start skips compiling the 1.7 MB bundle. Off with
 * the other caches (`SYNCLENS_CACHE=off`); a cache that cannot be written only costs the saving.
 */
export function enableCompileCache(
  env: NodeJS.ProcessEnv = process.env,
  enable: EnableCompileCache | null = (module as { enableCompileCache?: EnableCompileCache })
    .enableCompileCache ?? null,
): CompileCacheState {
  if (enable === null) return { kind: 'unavailable' }
  if (cachesSwitchedOff(env)) return { kind: 'switched-off' }
  const folder = path.join(cacheRoot(env), 'compile')
  try {
    const result = enable(folder)
    // Node's status codes: 0 failed, 1 enabled, 2 already enabled (NODE_COMPILE_CACHE), 3 disabled by Node.
    if (result.status === 1 || result.status === 2) return { kind: 'enabled', folder }
    return { kind: 'failed', message: result.message ?? `status ${result.status}` }
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) }
  }
}
