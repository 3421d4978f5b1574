import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { enableCompileCache } from './compile-cache'
import { heapRelaunch } from './heap-flags'
import { steadyHeap } from '../worker-heap'

// The `synclens` command's entry: a few lines that set the heap and turn on the compile cache, then the command
// itself from its own bundle beside this one (`synclens.cjs` loads `synclens-main.cjs`).
//
// V8 reads its young-generation size once, when the process starts, and glibc its allocator settings; so where
// this Node would pick a larger young generation than the command is measured with (Node 22 and later), or on Linux
// where the allocator is not set up for it, the entry starts the command again in a child with the flag and the
// settings, passing the terminal through, and ends with its exit code (see heapRelaunch). A child that cannot
// start leaves the command to run here, as it would have before. Node caches only modules loaded after the compile
// cache call, so the call cannot sit in the command's own bundle.
// V8 flags that can be set at run time are set here, in whichever process reads the snapshot (see steadyHeap).
steadyHeap()
const relaunch = heapRelaunch({
  nodeVersion: process.versions.node,
  platform: process.platform,
  execArgv: process.execArgv,
  args: process.argv.slice(2),
  env: process.env,
})
const child =
  relaunch === null
    ? null
    : spawnSync(process.execPath, [...relaunch.execArgv, __filename, ...process.argv.slice(2)], {
        stdio: 'inherit',
        env: { ...process.env, ...relaunch.env },
      })
if (child !== null && child.error === undefined) {
  if (child.signal !== null) process.kill(process.pid, child.signal)
  process.exitCode = child.status ?? 1
} else {
  enableCompileCache()
  createRequire(__filename)(path.join(__dirname, `${path.basename(__filename, '.cjs')}-main.cjs`))
}
