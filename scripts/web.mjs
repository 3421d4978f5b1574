#!/usr/bin/env node
// `npm run web`: builds the renderer and serves it, so SyncLens runs in any browser without Electron.
// Extra arguments go to `vite preview` (e.g. `npm run web -- --port 8080 --host 0.0.0.0`).
import { spawnSync, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
if (build.status !== 0) {
  process.stderr.write('The renderer build failed (see above); nothing to serve.\n')
  process.exit(build.status ?? 1)
}
// The training snapshot ships beside the page, so the page opens it without generating it (about 2 s less).
try {
  const { CLI_BUNDLE, buildCliBundle, cliBundleIsStale } = await import('./synclens.mjs')
  const { browserWorkerScript, shipTrainingSnapshot } = await import('./ship-training.mjs')
  if (cliBundleIsStale()) await buildCliBundle()
  const worker = browserWorkerScript(path.join(ROOT, 'dist/renderer'))
  const cli = path.join(ROOT, CLI_BUNDLE.replace(/\.cjs$/, '-main.cjs'))
  if (worker !== null) shipTrainingSnapshot(cli, [], [worker])
} catch (error) {
  process.stderr.write(
    `The training snapshot was not prebuilt (${error instanceof Error ? error.message : String(error)}); ` +
      'the page generates it instead.\n',
  )
}
const args = process.argv.slice(2)
const port = args.includes('--port') ? [] : ['--port', '5173']
process.stdout.write('\nSyncLens (browser build): open the URL below; stop with Ctrl+C.\n')
const server = spawn('npx', ['vite', 'preview', ...port, ...args], { stdio: 'inherit' })
server.on('exit', (code) => process.exit(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
