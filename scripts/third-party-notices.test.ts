import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUNDLES, buildBundle, ROOT } from './build-electron.mjs'
import {
  APP_BUNDLES,
  type BundledPackage,
  noticesText,
  packageOf,
  recordBundledPackages,
  recordedPackages,
  unacceptedLicenses,
} from './third-party-notices.mjs'

let temp = ''
let notices = ''
const mapped = new Set<string>()

/** Every npm package a source map names as a source of the bundle's code. */
function packagesInMap(file: string): string[] {
  const map = JSON.parse(fs.readFileSync(file, 'utf8')) as { sources: string[] }
  return map.sources.flatMap((source) => packageOf(path.resolve(path.dirname(file), source))?.name ?? [])
}

/**
 * Every npm dependency one of whose files the renderer build emitted as an asset (a font a stylesheet pulls
 * in): source maps name code only, and Vite names an emitted asset after its file, plus `-<hash>`.
 */
function packagesOfAssets(assetsFolder: string): string[] {
  const emitted = new Set(
    fs
      .readdirSync(assetsFolder)
      .filter((file) => !/\.(js|map|css)$/.test(file))
      .map((file) => file.replace(/-[\w-]{8}(\.[^.]+)$/, '$1')),
  )
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }
  const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]
  return names.filter((name) => {
    const folder = path.join(ROOT, 'node_modules', name)
    if (!fs.existsSync(folder)) return false
    return fs
      .readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .some((file) => !file.startsWith('node_modules') && emitted.has(path.basename(file)))
  })
}

function mapsUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.map'))
    .map((file) => path.join(folder, file))
}

// Builds the app's bundles the way `npm run build` does, with source maps, into a temporary folder: the maps
// say independently of the notices plugin which packages' code each bundle holds.
beforeAll(async () => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-notices-'))
  const records = path.join(temp, 'records')
  await build({
    configFile: false,
    root: path.join(ROOT, 'renderer'),
    base: './',
    logLevel: 'error',
    plugins: [react(), recordBundledPackages('renderer', records)],
    worker: { format: 'es', plugins: () => [recordBundledPackages('renderer-worker', records)] },
    build: { outDir: path.join(temp, 'renderer'), sourcemap: 'hidden', assetsInlineLimit: 0 },
  })
  for (const bundle of BUNDLES.filter((spec) => !spec.outFile.startsWith('dist/cli/'))) {
    const outFile = path.join(temp, 'electron', path.basename(bundle.outFile))
    await buildBundle(bundle, { outFile, sourcemap: true, recordsDir: records })
  }
  for (const file of mapsUnder(temp)) for (const name of packagesInMap(file)) mapped.add(name)
  for (const name of packagesOfAssets(path.join(temp, 'renderer', 'assets'))) mapped.add(name)
  notices = noticesText('SyncLens', recordedPackages(APP_BUNDLES, records))
}, 240_000)

afterAll(() => {
  if (temp) fs.rmSync(temp, { recursive: true, force: true })
})

describe('the third-party notices of the app', () => {
  it('name every package whose code is bundled, and no other', () => {
    const listed = /^\d+ packages: (.*)\.$/m.exec(notices)?.[1]?.split(', ') ?? []

    expect(mapped.size).toBeGreaterThan(5)
    expect(new Set(listed)).toEqual(mapped)
  })

  it('carry each package license text, or say it ships none', () => {
    const entries = notices.split(/^-{78}$/m).slice(1)

    expect(entries).toHaveLength(mapped.size)
    for (const entry of entries) {
      expect(entry).toMatch(/^\n\S+ \d+\.\d+\.\d+\S*\nLicense: \S+/)
      expect(entry).toMatch(/permission|licen[cs]e|ships no license file/i)
    }
    expect(notices).toContain('react-dom')
    expect(notices).toMatch(/^zod \d/m)
  })
})

describe('packageOf', () => {
  it.each([
    ['/p/node_modules/zod/v4/core/core.js', 'zod', '/p/node_modules/zod'],
    ['/p/node_modules/@noble/hashes/sha2.js', '@noble/hashes', '/p/node_modules/@noble/hashes'],
    ['/p/node_modules/a/node_modules/b/index.js', 'b', '/p/node_modules/a/node_modules/b'],
    ['C:\\p\\node_modules\\react\\index.js', 'react', 'C:/p/node_modules/react'],
    ['\0/p/node_modules/commonjs-lib/x.js?commonjs-exports', 'commonjs-lib', '/p/node_modules/commonjs-lib'],
  ])('finds the package of %j', (id, name, dir) => {
    expect(packageOf(id)).toEqual({ name, dir })
  })

  it.each([['/p/shared/app/session.ts'], ['\0rolldown/runtime.js']])('%j is not a package', (id) => {
    expect(packageOf(id)).toBeNull()
  })
})

describe('unacceptedLicenses', () => {
  const entry = (license: string | null): BundledPackage => ({
    name: 'p',
    version: '1.0.0',
    license,
    repository: null,
    texts: [],
  })

  it.each<[string | null, boolean]>([
    ['MIT', true],
    ['(MIT OR GPL-3.0-only)', true],
    ['Apache-2.0', true],
    ['GPL-3.0-only', false],
    ['UNLICENSED', false],
    [null, false],
  ])('%j is accepted: %s', (license, accepted) => {
    expect(unacceptedLicenses([entry(license)])).toEqual(
      accepted ? [] : [`p@1.0.0 (${license ?? 'no license'})`],
    )
  })
})
