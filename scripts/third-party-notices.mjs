// Third-party license notices, collected at build time from what each bundle actually contains: a bundler
// plugin records the npm packages of every module in the output, and writeNotices() turns the records of the
// app's bundles into the notices file the packaged app shows (Help > Third-Party Licenses).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Where each build leaves the list of packages it bundled. */
export const RECORDS_DIR = 'dist/.third-party'

/** The bundles whose packages the app ships (the CLI bundle is not part of the app). */
export const APP_BUNDLES = [
  'renderer',
  'renderer-worker',
  'main',
  'preload',
  'snapshot-worker',
  'segment-reader',
]

/** The notices file of the app, served beside the renderer so a window can show it. */
export const APP_NOTICES = 'dist/renderer/third-party-notices.txt'

/** The notices file of the command line, beside its bundle. */
export const CLI_NOTICES = 'dist/cli/third-party-notices.txt'

/**
 * Licenses that let SyncLens ship a package inside its MIT-licensed app with a notice. A bundled package under
 * any other license (or none) fails the build, so a new dependency's license is a decision, not an accident.
 */
export const ACCEPTED_LICENSES = [
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'BlueOak-1.0.0',
  // The bundled fonts (Inter, JetBrains Mono): they may be bundled with software, never sold by themselves.
  'OFL-1.1',
]

const LICENSE_FILE = /^(licen[cs]e|copying|notice)(\.|-|$)/i

/** The package root and name of a module path inside node_modules, or null for the project's own code. */
export function packageOf(moduleId) {
  const normalized = moduleId.replace(/\\/g, '/').replace(/^\0/, '').replace(/\?.*$/, '')
  const at = normalized.lastIndexOf('/node_modules/')
  if (at < 0) return null
  const rest = normalized.slice(at + '/node_modules/'.length).split('/')
  const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  if (!name) return null
  return { name, dir: `${normalized.slice(0, at)}/node_modules/${name}` }
}

/** Name, version, license and license texts of the package in `dir`. */
export function describePackage(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
  const texts = fs
    .readdirSync(dir)
    .filter((file) => LICENSE_FILE.test(file) && fs.statSync(path.join(dir, file)).isFile())
    .sort()
    .map((file) => fs.readFileSync(path.join(dir, file), 'utf8').trim())
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url
  return {
    name: manifest.name,
    version: manifest.version,
    license: typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? null),
    repository: repository ?? manifest.homepage ?? null,
    texts,
  }
}

/**
 * A Vite/Rolldown plugin recording the npm packages bundled into `bundle`'s output as `<recordsDir>/<bundle>.json`.
 *
 * @param {string} bundle one of APP_BUNDLES, or 'synclens' and 'synclens-main' (the command line)
 * @param {string} [recordsDir] absolute; RECORDS_DIR of the project by default
 */
export function recordBundledPackages(bundle, recordsDir = path.join(ROOT, RECORDS_DIR)) {
  return {
    name: 'synclens-third-party-notices',
    generateBundle(_options, output) {
      const packages = new Map()
      for (const chunk of Object.values(output)) {
        if (chunk.type !== 'chunk') continue
        for (const id of chunk.moduleIds) {
          const found = packageOf(id)
          if (found && !packages.has(found.name)) packages.set(found.name, found.dir)
        }
      }
      const described = [...packages.values()]
        .map(describePackage)
        .sort((a, b) => a.name.localeCompare(b.name))
      const file = path.join(recordsDir, `${bundle}.json`)
      fs.mkdirSync(recordsDir, { recursive: true })
      fs.writeFileSync(file, `${JSON.stringify(described, null, 2)}\n`)
    },
  }
}

/** The packages recorded in `recordsDir` for `bundles`, one entry per name and version, sorted by name. */
export function recordedPackages(bundles, recordsDir = path.join(ROOT, RECORDS_DIR)) {
  const byKey = new Map()
  for (const bundle of bundles) {
    const file = path.join(recordsDir, `${bundle}.json`)
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: build the ${bundle} bundle first`)
    for (const entry of JSON.parse(fs.readFileSync(file, 'utf8')))
      byKey.set(`${entry.name}@${entry.version}`, entry)
  }
  return [...byKey.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  )
}

/** Package names whose license is not one of ACCEPTED_LICENSES (an SPDX `A OR B` passes when one side does). */
export function unacceptedLicenses(packages) {
  return packages
    .filter((entry) => {
      const choices = (entry.license ?? '').replace(/[()]/g, '').split(/\s+OR\s+/)
      return !choices.some((choice) => ACCEPTED_LICENSES.includes(choice.trim()))
    })
    .map((entry) => `${entry.name}@${entry.version} (${entry.license ?? 'no license'})`)
}

/** The notices text: what is included, then each package with its license text. */
export function noticesText(product, packages) {
  const rule = '-'.repeat(78)
  const entries = packages.map((entry) => {
    const head = [`${entry.name} ${entry.version}`, `License: ${entry.license}`]
    if (entry.repository) head.push(`Source: ${entry.repository.replace(/^git\+/, '')}`)
    const body =
      entry.texts.length > 0
        ? entry.texts.join('\n\n')
        : `The package ships no license file; it is published under the ${entry.license} license.`
    return `${rule}\n${head.join('\n')}\n\n${body}\n`
  })
  return (
    `${product} includes the following third-party software, bundled at build time.\n` +
    `${packages.length} packages: ${packages.map((entry) => entry.name).join(', ')}.\n\n` +
    `${entries.join('\n')}`
  )
}

/**
 * Writes the notices of the app (APP_NOTICES) and, when it was built, of the command line (CLI_NOTICES).
 * Throws, naming the packages, when a bundled package's license is not accepted.
 */
export function writeNotices(root = ROOT) {
  const written = []
  const targets = [
    { bundles: APP_BUNDLES, file: APP_NOTICES, product: 'SyncLens' },
    {
      bundles: ['synclens', 'synclens-main', 'segment-reader'],
      file: CLI_NOTICES,
      product: 'The synclens command',
    },
  ]
  for (const { bundles, file, product } of targets) {
    if (!bundles.every((bundle) => fs.existsSync(path.join(root, RECORDS_DIR, `${bundle}.json`)))) continue
    const packages = recordedPackages(bundles, path.join(root, RECORDS_DIR))
    const refused = unacceptedLicenses(packages)
    if (refused.length > 0) {
      throw new Error(
        `bundled packages under a license SyncLens has not accepted: ${refused.join(', ')}. ` +
          'Check the license, then add it to ACCEPTED_LICENSES in scripts/third-party-notices.mjs, or drop the package.',
      )
    }
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), noticesText(product, packages))
    written.push(file)
  }
  return written
}
