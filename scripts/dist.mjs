#!/usr/bin/env node
// `npm run dist`: builds the app, then packages it with electron-builder for the platform this runs on
// (Linux: AppImage and deb, Windows: NSIS installer, macOS: dmg) into release/. Extra arguments go to
// electron-builder, e.g. `npm run dist -- --linux dir` or `-c.electronDist=PATH` where Electron cannot be
// downloaded.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The electron-builder flag of a Node platform name, or null where SyncLens is not packaged. */
export function platformFlag(platform) {
  switch (platform) {
    case 'linux':
      return '--linux'
    case 'win32':
      return '--win'
    case 'darwin':
      return '--mac'
    default:
      return null
  }
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

function main() {
  const extra = process.argv.slice(2)
  const flag = platformFlag(process.platform)
  if (flag === null && !extra.some((arg) => ['--linux', '--win', '--mac', '-l', '-w', '-m'].includes(arg))) {
    process.stderr.write(`SyncLens is packaged for Linux, Windows and macOS, not ${process.platform}.\n`)
    process.exit(2)
  }
  run('npm', ['run', '-s', 'build'])
  const builder = path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js')
  const platformArgs = extra.some(
    (arg) => arg.startsWith('--linux') || arg.startsWith('--win') || arg.startsWith('--mac'),
  )
    ? []
    : [flag]
  run(process.execPath, [builder, ...platformArgs, '--publish', 'never', ...extra])
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
