import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { extractFile, listPackage } from '@electron/asar'
import { workerDigest } from '../node/snapshot-worker-start'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderPng, SIZES } from '../build/make-icons.mjs'
import { platformFlag } from './dist.mjs'

const ROOT = path.resolve(__dirname, '..')
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const BUILT = [
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/electron/snapshot-worker.cjs',
  'dist/electron/segment-reader.cjs',
  'dist/renderer/index.html',
  'dist/renderer/third-party-notices.txt',
]
/** Fuse order of @electron/fuses V1: the wire electron-builder must write into the binary. */
const EXPECTED_FUSES = {
  runAsNode: '0',
  enableCookieEncryption: '1',
  enableNodeOptionsEnvironmentVariable: '0',
  enableNodeCliInspectArguments: '0',
  enableEmbeddedAsarIntegrityValidation: '1',
  onlyLoadAppFromAsar: '1',
  loadBrowserProcessSpecificV8Snapshot: '0',
  grantFileProtocolExtraPrivileges: '0',
}

let temp = ''
let unpacked = ''
let builderOutput = ''

/** A stand-in Electron (docs/ARCHITECTURE.md) carrying a fuse wire with every fuse on, as a real binary would. */
function stubElectron(folder: string): void {
  fs.mkdirSync(path.join(folder, 'resources'), { recursive: true })
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\n# ${SENTINEL}`),
    Buffer.from([1, 8]),
    Buffer.from('11111111\n'),
  ])
  fs.writeFileSync(path.join(folder, 'electron'), wire, { mode: 0o755 })
  fs.writeFileSync(path.join(folder, 'version'), 'v45.5.0')
  fs.writeFileSync(path.join(folder, 'LICENSE'), '')
  fs.writeFileSync(path.join(folder, 'LICENSES.chromium.html'), '')
}

beforeAll(() => {
  if (!BUILT.every((file) => fs.existsSync(path.join(ROOT, file)))) {
    const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, encoding: 'utf8' })
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`)
  }
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-dist-'))
  stubElectron(path.join(temp, 'electron'))
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${path.join(temp, 'electron')}`,
      `-c.directories.output=${path.join(temp, 'release')}`,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 50_000 },
  )
  builderOutput = `${result.stdout}\n${result.stderr}`
  if (result.status !== 0) throw new Error(`electron-builder failed:\n${builderOutput}`)
  unpacked = path.join(temp, 'release', 'linux-unpacked')
}, 120_000)

afterAll(() => {
  if (temp) fs.rmSync(temp, { recursive: true, force: true })
})

describe('the unpacked Linux package', () => {
  it('holds only the built output in app.asar: no sources, tests, maps or node_modules', () => {
    const entries = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false })

    expect(
      entries.filter(
        (entry) => !/^[/\\](package\.json|dist([/\\](electron|renderer)([/\\].*)?)?)$/.test(entry),
      ),
    ).toEqual([])
    expect(
      entries.filter((entry) =>
        /\.(ts|tsx|map)$|node_modules|\.test\.|[/\\](shared|electron|renderer|e2e|scripts)[/\\]?$/.test(
          entry.replace(/^[/\\]dist[/\\]/, '/dist-'),
        ),
      ),
    ).toEqual([])
    for (const file of BUILT) expect(entries).toContain(`/${file}`)
  })

  it('ships the third-party license notices Help > Third-Party Licenses shows', () => {
    const asar = path.join(unpacked, 'resources', 'app.asar')

    const notices = extractFile(asar, 'dist/renderer/third-party-notices.txt').toString('utf8')

    expect(notices).toMatch(
      /^SyncLens includes the following third-party software, bundled at build time\.\n/,
    )
    expect(notices).toEqual(
      fs.readFileSync(path.join(ROOT, 'dist', 'renderer', 'third-party-notices.txt'), 'utf8'),
    )
  })

  it('keeps the snapshot worker inside app.asar, and its SHA-256 in the main process that starts it', () => {
    const archive = path.join(unpacked, 'resources', 'app.asar')
    const worker = extractFile(archive, 'dist/electron/snapshot-worker.cjs')
    const main = extractFile(archive, 'dist/electron/main.cjs').toString('utf8')

    expect(fs.existsSync(path.join(unpacked, 'resources', 'app.asar.unpacked'))).toBe(false)
    expect(worker).toEqual(fs.readFileSync(path.join(ROOT, 'dist', 'electron', 'snapshot-worker.cjs')))
    expect(main).toContain(`"${workerDigest(worker)}"`)
  })

  it("keeps the segment readers' bundle beside the worker, and its SHA-256 in the worker that starts them", () => {
    const archive = path.join(unpacked, 'resources', 'app.asar')
    const reader = extractFile(archive, 'dist/electron/segment-reader.cjs')
    const worker = extractFile(archive, 'dist/electron/snapshot-worker.cjs').toString('utf8')

    expect(reader).toEqual(fs.readFileSync(path.join(ROOT, 'dist', 'electron', 'segment-reader.cjs')))
    expect(worker).toContain(`"${workerDigest(reader)}"`)
  })

  it('names the executable synclens and flips the Electron fuses as configured', () => {
    const binary = fs.readFileSync(path.join(unpacked, 'synclens'))
    const at = binary.indexOf(SENTINEL) + SENTINEL.length

    const wire = binary.subarray(at + 2, at + 2 + 8).toString('latin1')

    expect(wire).toBe(Object.values(EXPECTED_FUSES).join(''))
  })
})

describe('npm run dist', () => {
  it.each([
    ['linux', '--linux'],
    ['win32', '--win'],
    ['darwin', '--mac'],
    ['aix', null],
  ])('packages %s with %s', (platform, flag) => {
    expect(platformFlag(platform)).toBe(flag)
  })
})

describe('the icons in build/', () => {
  it.each([16, 32, 256])('are what make-icons.mjs renders from icon.svg at %i pixels', (size) => {
    const rendered = renderPng(size)

    expect(Buffer.from(rendered)).toEqual(
      fs.readFileSync(path.join(ROOT, 'build', 'icons', `${size}x${size}.png`)),
    )
  })

  it('exist in every size, as .ico and as .icns', () => {
    const ico = fs.readFileSync(path.join(ROOT, 'build', 'icon.ico'))
    const icns = fs.readFileSync(path.join(ROOT, 'build', 'icon.icns'))

    for (const size of SIZES)
      expect(fs.existsSync(path.join(ROOT, 'build', 'icons', `${size}x${size}.png`))).toBe(true)
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0])
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
  })
})
