// The Node.js LTS release SyncLens is built, tested and measured on. Where the machine's Node is older, the same
// release is unpacked from the npm registry's node-<os>-<arch> package (the official binary, published by the
// Node.js project) into the user's cache, so nothing is downloaded from anywhere but the registry.
//
// `node scripts/lts-node.mjs` prints the directory holding that `node` (the running one's when it is recent
// enough), for a shell to put first on PATH; it exits 1 with a reason when there is none.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The pinned release (`.ci/run` runs the tests on it). */
export const LTS_NODE_VERSION = '24.22.3'

/** Its major version: a running Node of this major or later is used as it is. */
export const LTS_NODE_MAJOR = Number(LTS_NODE_VERSION.split('.')[0])

/** The registry package that carries the release for a platform and CPU, or null when there is none. */
export function ltsNodePackage(platform = process.platform, arch = process.arch) {
  const system = { linux: 'linux', darwin: 'darwin' }[platform]
  const cpu = { x64: 'x64', arm64: 'arm64' }[arch]
  return system === undefined || cpu === undefined ? null : `node-${system}-${cpu}`
}

/** Where the unpacked release lives: `$XDG_CACHE_HOME` (or `~/.cache`)/synclens-node/<package>-<version>. */
export function ltsNodeHome(pkg, env = process.env, home = os.homedir()) {
  const cache = env.XDG_CACHE_HOME || path.join(home, '.cache')
  return path.join(cache, 'synclens-node', `${pkg}-${LTS_NODE_VERSION}`)
}

/** Whether a Node version string (`process.versions.node`) is the LTS major or later. */
export function isRecentNode(version = process.versions.node) {
  return Number.parseInt(version.split('.')[0] ?? '0', 10) >= LTS_NODE_MAJOR
}

/**
 * The `node` binary of the LTS release: the running one when it is recent enough, else the unpacked release,
 * fetching it first when it is not in the cache. Returns `{ node }`, or `{ error }` saying why there is none.
 */
export function findOrFetchLtsNode({
  env = process.env,
  log = () => {},
  running = process.versions.node,
  execPath = process.execPath,
  run = spawnSync,
} = {}) {
  if (isRecentNode(running)) return { node: execPath }
  const pkg = ltsNodePackage()
  if (pkg === null) return { error: `no ${LTS_NODE_VERSION} package for ${process.platform}-${process.arch}` }
  const home = ltsNodeHome(pkg, env)
  const node = path.join(home, 'bin', 'node')
  if (fs.existsSync(node)) return { node }
  log(
    `Node.js ${LTS_NODE_VERSION}: unpacking ${pkg} from the npm registry into ${home} (one time, about 30 MB)`,
  )
  const unpack = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-node-'))
  try {
    const packed = run('npm', ['pack', '--silent', `${pkg}@${LTS_NODE_VERSION}`], {
      cwd: unpack,
      encoding: 'utf8',
    })
    const tarball =
      packed.status === 0 ? fs.readdirSync(unpack).find((name) => name.endsWith('.tgz')) : undefined
    if (tarball === undefined)
      return {
        error: `npm pack ${pkg}@${LTS_NODE_VERSION} failed: ${(packed.stderr ?? '').trim() || 'no tarball'}`,
      }
    const untar = run('tar', ['-xzf', tarball, 'package/bin/node', 'package/LICENSE'], {
      cwd: unpack,
      encoding: 'utf8',
    })
    if (untar.status !== 0) return { error: `could not unpack ${tarball}: ${(untar.stderr ?? '').trim()}` }
    fs.mkdirSync(path.dirname(home), { recursive: true })
    fs.rmSync(home, { recursive: true, force: true })
    moveDirectory(path.join(unpack, 'package'), home)
    return { node }
  } finally {
    fs.rmSync(unpack, { recursive: true, force: true })
  }
}

/** Moves a directory, copying it where the temporary folder is on another file system. */
function moveDirectory(from, to) {
  try {
    fs.renameSync(from, to)
  } catch (error) {
    if (error?.code !== 'EXDEV') throw error
    fs.cpSync(from, to, { recursive: true })
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const found = findOrFetchLtsNode({ log: (line) => process.stderr.write(`${line}\n`) })
  if ('node' in found) process.stdout.write(`${path.dirname(found.node)}\n`)
  else {
    process.stderr.write(`No Node.js ${LTS_NODE_VERSION}: ${found.error}; staying on ${process.version}.\n`)
    process.exitCode = 1
  }
}
