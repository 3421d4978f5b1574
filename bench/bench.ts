/**
 * `npm run bench`: the performance benchmark of issue 7, with its budgets.
 *
 *   npm run bench                     10k, 100k and 300k metaverse objects
 *   npm run bench -- --size 1m        the same plus a million
 *   npm run bench -- --sizes 100k     only the sizes given
 *   npm run bench -- --ci             the small size only
 *
 * On a Node older than the LTS (scripts/lts-node.mjs) it runs itself again on the LTS, found in the cache or
 * unpacked from the npm registry, unless told --node-as-is.
 *
 * Snapshots are generated once into ~/.cache/synclens-bench. Every measurement runs in its own
 * child process; the table is printed, the figures are written to bench-results/<timestamp>.json,
 * and the exit code is 1 when a budget is missed (2 on a usage error).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { allBudgets } from './budgets'
import type { PassOutcome } from './file-passes'
import { type AppFirstScreenResult, measureAppFirstScreen } from './app-first-screen'
import { fileCacheEviction } from './file-cache'
import { type DemoResult, measureDemo, measureFirstScreen } from './first-screen'
import { compareBudgets, type CompareResult, compareTable, runCompare } from './compare-bench'
import { measureGridsInChromium } from './grid-browser'
import { type BenchOptions, parseBenchOptions, sizeLabel } from './options'
import {
  buildChild,
  type AppWorkerBuild,
  buildAppWorker,
  buildCli,
  removeAppWorker,
  removeCli,
  type ProcessFigures,
  runChild,
  runXmllint,
  xmllintAvailable,
} from './processes'
import { formatReport } from './report'
import type { BenchResults, BrowserResult, FileResult, MachineInfo, SizeResult } from './results'
import type { ComputedValuesFigures, SizeFigures } from './size-measures'
import {
  type BenchSnapshot,
  cacheRoot,
  cachedSnapshot,
  computedMetaverseView,
  generateSnapshot,
} from './snapshot-cache'
import { findOrFetchLtsNode, isRecentNode, LTS_NODE_VERSION } from '../scripts/lts-node.mjs'

const REPO = path.resolve(fileURLToPath(new URL('..', import.meta.url)))
const RESULTS_FOLDER = path.join(REPO, 'bench-results')

function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

/**
 * Runs this benchmark again on the Node.js LTS (found in the cache, or unpacked from the npm registry), as users
 * run the command: the packaged app brings Electron's Node (22 or later) and `engines` asks for 22.12. Returns the
 * exit code of that run, or null (with the reason logged) when there is no such Node here.
 */
function onLtsNode(): number | null {
  const found = findOrFetchLtsNode({ log })
  if ('error' in found) {
    log(`No Node.js ${LTS_NODE_VERSION} (${found.error}): measuring on Node ${process.versions.node}.`)
    return null
  }
  log(
    `Node ${process.versions.node} is older than the LTS: running the benchmark on ${found.node} (--node-as-is to stay).`,
  )
  const script = process.argv[1] ?? fileURLToPath(import.meta.url)
  const run = spawnSync(found.node, [...process.execArgv, script, ...process.argv.slice(2)], {
    stdio: 'inherit',
  })
  if (run.error !== undefined) {
    log(`Could not start ${found.node} (${run.error.message}): measuring on Node ${process.versions.node}.`)
    return null
  }
  return run.status ?? 1
}

function machine(loadAverageStart: readonly number[]): MachineInfo {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    node: process.versions.node,
    platform: `${os.platform()} ${os.release()}`,
    totalMemoryBytes: os.totalmem(),
    loadAverageStart,
    loadAverageEnd: os.loadavg(),
  }
}

/** The run with the median CPU time. */
function medianRun(runs: readonly ProcessFigures[]): ProcessFigures {
  const sorted = [...runs].sort((a, b) => a.cpuSeconds - b.cpuSeconds)
  const middle = sorted[Math.floor((sorted.length - 1) / 2)]
  if (middle === undefined) throw new Error('No runs to take the median of.')
  return middle
}

function measureFile(
  child: string,
  snapshot: BenchSnapshot,
  file: { path: string; bytes: number },
  runs: number,
  notes: string[],
): FileResult {
  const full = path.join(snapshot.folder, file.path)
  const kind = file.path.startsWith('Metaverse/') ? 'mv-objects' : 'csexport'
  const pass = (name: string): { figures: ProcessFigures; objects: number } => {
    const reports = Array.from({ length: runs }, () =>
      runChild<PassOutcome>(child, ['file', name, kind, full]),
    )
    const figures = medianRun(reports)
    return { figures, objects: reports[0]?.result.objects ?? 0 }
  }
  log(`  ${file.path}: raw, saxes, tags, scan, read, store${xmllintAvailable() ? ', xmllint' : ''}`)
  const raw = pass('raw').figures
  const saxes = pass('saxes')
  const tags = pass('tags').figures
  const scan = pass('scan').figures
  const read = pass('read').figures
  const store = pass('store')
  if (saxes.objects !== store.objects) {
    notes.push(`${file.path}: saxes counted ${saxes.objects} objects, the store ${store.objects}.`)
  }
  const xmllint = xmllintAvailable() ? medianRun(Array.from({ length: runs }, () => runXmllint(full))) : null
  return {
    path: file.path,
    kind,
    bytes: file.bytes,
    objects: store.objects,
    raw,
    saxes: saxes.figures,
    tags,
    scan,
    read,
    store: store.figures,
    xmllint,
  }
}

/** Every XML file of a snapshot folder (what xmllint reads in the first-screen rounds). */
function xmlFilesOf(folder: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.toLowerCase().endsWith('.xml'))
      found.push(path.join(entry.parentPath, entry.name))
  }
  return found.sort()
}

function measureSnapshot(
  child: string,
  cli: string,
  appWorker: AppWorkerBuild | null,
  size: number,
  options: BenchOptions,
  notes: string[],
): SizeResult {
  let snapshot = cachedSnapshot(size)
  if (snapshot === null) {
    log(`generating ${sizeLabel(size)} (once; cached outside the repository)`)
    snapshot = generateSnapshot(size)
  }
  log(`measuring ${sizeLabel(size)} in ${snapshot.folder}`)
  const files = options.filePasses
    ? snapshot.objectFiles.map((file) => measureFile(child, snapshot, file, options.runs, notes))
    : []
  log('  whole snapshot: load, search, flow, unmapped')
  const report = runChild<SizeFigures>(child, ['size', snapshot.folder])
  const computed = computedMetaverseView(snapshot)
  try {
    log('  without the metaverse export: Metaverse Search on values computed from the rules')
    const values = runChild<ComputedValuesFigures>(child, ['computed-values', computed])
    let firstScreen = null
    let firstScreenComputed = null
    if (appWorker !== null && xmllintAvailable()) {
      const coldReason = fileCacheEviction()
      const coldNote = `The reopen with its entry read from disk was not measured: ${coldReason}.`
      if (coldReason !== null && !notes.includes(coldNote)) notes.push(coldNote)
      log(
        `  process start to summary: xmllint (in one process, then shared out), serial, parallel, reopen (entry in memory${
          coldReason === null ? ', then read from disk' : ''
        }), app x ${options.firstScreenRounds}`,
      )
      firstScreen = measureFirstScreen(
        cli,
        appWorker,
        snapshot.folder,
        xmlFilesOf(snapshot.folder),
        options.firstScreenRounds,
        cacheRoot(),
      )
      log('  the same without the metaverse export (the metaverse computed)')
      firstScreenComputed = measureFirstScreen(
        cli,
        appWorker,
        computed,
        xmlFilesOf(computed),
        options.firstScreenRounds,
        cacheRoot(),
        'computed',
      )
    }
    return {
      size,
      label: sizeLabel(size),
      users: snapshot.users,
      xmlBytes: snapshot.xmlBytes,
      files,
      snapshot: { ...report.result, process: report },
      firstScreen,
      firstScreenComputed,
      computedValues: { ...values.result, process: values },
    }
  } finally {
    fs.rmSync(computed, { recursive: true, force: true })
  }
}

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2))
  if ('error' in options) {
    log(options.error)
    return 2
  }
  const loadAverageStart = os.loadavg()
  const notes: string[] = []
  if (!options.filePasses)
    notes.push('--no-file-passes: no per-file throughput, so the load-rate budgets were not checked.')
  if (!isRecentNode()) {
    const relaunched = options.nodeAsIs ? null : onLtsNode()
    if (relaunched !== null) return relaunched
    notes.push(
      `Node ${process.versions.node} is older than the ${LTS_NODE_VERSION} the command is built and tested on: ` +
        'V8 before Node 22 runs the open about 17 % slower than Node 24 does.',
    )
  }
  if (!xmllintAvailable())
    notes.push(
      'xmllint, GNU time or xargs is not installed (apt-get install libxml2-utils time findutils): no xmllint ratios.',
    )
  log('bundling the measured code (production build)')
  const child = await buildChild(cacheRoot())
  const cli = await buildCli(cacheRoot())
  // Only the process-start rounds run the app's snapshot worker.
  const appWorker = options.processStart ? await buildAppWorker(cacheRoot()) : null
  let sizes: SizeResult[]
  let demo: DemoResult | null
  let compare: CompareResult[]
  let app: AppFirstScreenResult | null = null
  try {
    sizes = options.sizes.map((size) => measureSnapshot(child, cli, appWorker, size, options, notes))
    compare = (options.compare ? sizes : []).flatMap((size) => {
      const snapshot = cachedSnapshot(size.size)
      log(`comparing ${size.label} with a copy whose configuration differs by two rule changes`)
      return snapshot ? [runCompare(child, snapshot, size.snapshot.mvObjects)] : []
    })
    demo = null
    if (options.processStart) {
      log('summary demo from process start')
      demo = measureDemo(cli, options.firstScreenRounds, cacheRoot())
    }
    const smallest = options.sizes[0]
    const appSnapshot = smallest === undefined ? null : cachedSnapshot(smallest)
    if (options.processStart && options.browser && appSnapshot !== null) {
      log(`the app in Chromium to Metaverse Search rows on ${sizeLabel(smallest ?? 0)}, beside the CLI`)
      const outcome = await measureAppFirstScreen(
        cli,
        appSnapshot.folder,
        options.firstScreenRounds,
        cacheRoot(),
      )
      if ('skipped' in outcome) notes.push(outcome.skipped)
      else app = outcome
    }
  } finally {
    fs.rmSync(child, { force: true })
    removeCli(cli)
    if (appWorker !== null) removeAppWorker(appWorker)
  }
  let grids: readonly BrowserResult[] = []
  if (options.browser) {
    log('measuring the grids in Chromium')
    // The result grid the issue budgets, then the Sync Rules grid (the same component over rows held in memory).
    const outcome = await measureGridsInChromium(cacheRoot(), ['metaverse-search', 'rules'])
    if ('skipped' in outcome) notes.push(outcome.skipped)
    else grids = outcome
  }
  const partial = { sizes, grids, demo, app }
  const results: BenchResults = {
    date: new Date().toISOString(),
    mode: options.ci ? 'ci' : 'full',
    machine: machine(loadAverageStart),
    ...partial,
    compare,
    notes,
    budgets: [...allBudgets(partial), ...compareBudgets(compare)],
  }
  const comparison =
    compare.length === 0 ? '' : `\n\nComparison (CPU s, wall in brackets)\n${compareTable(compare)}`
  process.stdout.write(`${formatReport(results)}${comparison}\n`)
  fs.mkdirSync(RESULTS_FOLDER, { recursive: true })
  // The folder ignores itself, so results never reach a commit without touching the root .gitignore.
  fs.writeFileSync(path.join(RESULTS_FOLDER, '.gitignore'), '*\n')
  const file = path.join(RESULTS_FOLDER, `${results.date.replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`)
  log(`figures written to ${path.relative(REPO, file)}`)
  return results.budgets.every((check) => check.ok) ? 0 : 1
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error))
    process.exitCode = 2
  },
)
