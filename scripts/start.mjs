// `npm start [-- <snapshot>]`: builds the app, then runs it in Electron, fetching Electron's binary first if needed.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronPackageDir, findElectronBinary } from './electron-binary.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const INSTALL_TIMEOUT_MS = 180_000

main()

function main() {
  if (process.env.SYNCLENS_SKIP_BUILD !== '1') build()
  const executable = findElectronBinary() ?? installElectron()
  if (executable === null) return
  launch(executable, process.argv.slice(2))
}

function build() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = spawnSync(npm, ['run', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) {
    console.error('\nThe build failed (see above), so SyncLens was not started.')
    process.exit(result.status ?? 1)
  }
}

/** Runs Electron's own installer (quietly, with a timeout); the executable, or null after explaining why not. */
function installElectron() {
  const packageDir = electronPackageDir()
  if (packageDir === null) {
    explain('the electron package is not installed (run npm ci first)')
    return null
  }
  console.log('Electron is not downloaded yet; fetching it once (this can take a minute)...')
  const installer = path.join(packageDir, 'install.js')
  // Electron 42 and later download on first use of their CLI when there is no install script.
  const args = fs.existsSync(installer) ? [installer] : [path.join(packageDir, 'cli.js'), '--version']
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const executable = findElectronBinary()
  if (executable !== null) return executable
  explain(reasonOf(result))
  return null
}

function reasonOf(result) {
  if (result.error?.code === 'ETIMEDOUT')
    return `the download did not finish within ${INSTALL_TIMEOUT_MS / 1000} s`
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
  const line = output
    .split('\n')
    .map((text) => text.trim())
    .find((text) =>
      /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|fetch failed|certificate|status code|Error:/i.test(text),
    )
  return line
    ? line.replace(/^(\w*Error:\s*)+/, '')
    : `the installer exited with code ${result.status ?? 'unknown'}`
}

function explain(reason) {
  console.error(
    [
      '',
      `SyncLens could not start: Electron could not be downloaded on this machine (${reason}); it is probably offline,`,
      'or github.com is blocked. Retry on a connected network with `npm start` (or fetch it once with',
      '`node node_modules/electron/install.js`; set ELECTRON_MIRROR to use a mirror). Meanwhile `npm run web` runs',
      'the same app in your browser.',
    ].join('\n'),
  )
  process.exitCode = 1
}

function launch(executable, userArgs) {
  // npm runs scripts from the project root; paths typed by the user are relative to where they typed them.
  const base = process.env.INIT_CWD ?? process.cwd()
  const args = userArgs.map((arg) => (arg.startsWith('-') ? arg : path.resolve(base, arg)))
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    console.warn('Running as root: Chromium refuses to start sandboxed as root, so --no-sandbox is added.')
    args.unshift('--no-sandbox')
  }
  const child = spawn(executable, [path.join(ROOT, 'dist', 'electron', 'main.cjs'), ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SYNCLENS_DEV: '1' },
  })
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal))
  }
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0)
  })
}
