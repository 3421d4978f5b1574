#!/usr/bin/env node
// `npm run web`: builds the renderer and serves it, so SyncLens runs in any browser without Electron.
// Extra arguments go to `vite preview` (e.g. `npm run web -- --port 8080 --host 0.0.0.0`).
import { spawnSync, spawn } from 'node:child_process'

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
if (build.status !== 0) {
  process.stderr.write('The renderer build failed (see above); nothing to serve.\n')
  process.exit(build.status ?? 1)
}
const args = process.argv.slice(2)
const port = args.includes('--port') ? [] : ['--port', '5173']
process.stdout.write('\nSyncLens (browser build): open the URL below; stop with Ctrl+C.\n')
const server = spawn('npx', ['vite', 'preview', ...port, ...args], { stdio: 'inherit' })
server.on('exit', (code) => process.exit(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
