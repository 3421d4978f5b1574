/**
 * What users wait for, from process start: the built `synclens summary` on a whole snapshot folder (serial, with
 * a segment reader per core, and reopened from the cache, with the entry in the OS's file cache and dropped from
 * it), the app's snapshot worker opening the folder (started as the app's main process starts it, reading with the
 * threads it picks itself) and `demo`, each in a fresh process timed by GNU time (wall, CPU, peak RSS of that
 * process and its threads), interleaved round by round with `xmllint --stream` over the same XML files, so that
 * every ratio compares runs made under the same load. Medians of the rounds.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AUTOMATIC_PARALLEL_MIN_BYTES, segmentReaderCount } from '../node/segment-workers'
import { threadsWithinMemory } from '../shared/load/parallel-objects'
import { evictFromFileCache, fileCacheEviction } from './file-cache'
import { type AppWorkerBuild, type ProcessFigures, TIME, XARGS, XMLLINT } from './processes'

/**
 * One way of opening the snapshot, measured in every round. `xmllintShared` is a reference, not a budget: xmllint
 * over the same files in as many processes at once as the parallel run has threads, each taking the largest file
 * left (`sharedXmllintInput`), which shows what those cores give a C parser on this machine.
 */
export type FirstScreenRun = 'xmllint' | 'xmllintShared' | 'serial' | 'parallel' | 'reopen' | 'app'

/** The medians of each run over the rounds, and every round's figures. */
export interface FirstScreenResult {
  /** The metaverse read from the snapshot's export, or computed from the connector spaces (no export). */
  readonly metaverse: 'exported' | 'computed'
  /** Bytes of the XML files opened (what xmllint reads; the memory budget's base). */
  readonly xmlBytes: number
  readonly rounds: number
  readonly medians: Readonly<Record<FirstScreenRun, ProcessFigures>>
  readonly all: Readonly<Record<FirstScreenRun, readonly ProcessFigures[]>>
  /**
   * Threads the parallel runs read with (`SYNCLENS_READERS`): `defaultReaders` where that is more than one, else the
   * loading thread and a reader per other core, at least 2.
   */
  readonly readers: number
  /** Threads SyncLens reads with by default on this machine when idle (1: the serial run is what users get). */
  readonly defaultReaders: number
  /** Bytes of the reopen cache entry. */
  readonly cacheBytes: number
  /** The one open that filled the cache (cache on, the process exits once the entry is written): its peak RSS. */
  readonly cacheWrite: ProcessFigures
  /** The reopen with its entry dropped from the OS's file cache first; null where files cannot be dropped. */
  readonly coldReopen: ColdReopenResult | null
}

/**
 * The reopen as a user meets it on another day: each round drops the cache entry from the OS's file cache just
 * before it, so the reopen reads the entry from the disk (the command and Node are left in memory).
 */
export interface ColdReopenResult {
  /** Median by wall time. */
  readonly median: ProcessFigures
  readonly all: readonly ProcessFigures[]
  /** The most of the entry still in the file cache after a drop (`fincore`), in bytes; null where not known. */
  readonly maxResidentBytes: number | null
}

/** `summary demo` from process start, median of the rounds. */
export interface DemoResult {
  readonly median: ProcessFigures
  readonly all: readonly ProcessFigures[]
}

/**
 * Runs a command under GNU time, `input` on its standard input: its wall, CPU and peak RSS, those of the processes it
 * waited for included (`wait4` reports them with it).
 */
export function timed(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  input = '',
): ProcessFigures {
  const child = spawnSync(TIME, ['-f', '%e %U %S %M', command, ...args], {
    encoding: 'utf8',
    env,
    input,
    maxBuffer: 64 << 20,
  })
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${child.stderr.slice(-2000)}`)
  const line = child.stderr.trim().split('\n').pop() ?? ''
  const [wall, user, system, kib] = line.split(' ').map(Number)
  return {
    seconds: wall ?? Number.NaN,
    cpuSeconds: (user ?? Number.NaN) + (system ?? Number.NaN),
    peakRssBytes: (kib ?? Number.NaN) * 1024,
  }
}

/**
 * The files for `xargs -0 -P N -n 1`, largest first and NUL-separated: N xmllint processes at once, each taking the
 * next file as the last one ends, so the largest files start first and the small ones fill in.
 */
export function sharedXmllintInput(
  files: readonly { readonly path: string; readonly size: number }[],
): string {
  return [...files]
    .sort((a, b) => b.size - a.size || a.path.localeCompare(b.path))
    .map((file) => file.path)
    .join('\0')
}

/** The run users get by default on this machine: serial where SyncLens reads in one thread, else parallel. */
export function defaultRun(result: FirstScreenResult): ProcessFigures {
  return result.defaultReaders > 1 ? result.medians.parallel : result.medians.serial
}

/** The median by wall time (the figure users wait for); CPU and RSS are that run's. */
export function medianByWall(runs: readonly ProcessFigures[]): ProcessFigures {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds)
  const middle = sorted[Math.floor((sorted.length - 1) / 2)]
  if (middle === undefined) throw new Error('No runs to take the median of.')
  return middle
}

/**
 * The threads SyncLens reads a folder with on this machine when it is idle, as a benchmark machine should be: one
 * below AUTOMATIC_PARALLEL_MIN_BYTES of object files (the bench snapshots keep them in these two folders), else one
 * per core within what keeps the open within its memory budget (`threadsWithinMemory`, as the load applies it).
 */
export function defaultThreads(folder: string, metaverse: FirstScreenResult['metaverse']): number {
  const objectBytes =
    folderSize(path.join(folder, 'ConnectorSpaces')) + folderSize(path.join(folder, 'Metaverse'))
  if (objectBytes < AUTOMATIC_PARALLEL_MIN_BYTES) return 1
  return Math.min(
    segmentReaderCount(os.availableParallelism(), undefined, 0),
    threadsWithinMemory(objectBytes, metaverse === 'exported'),
  )
}

/** The files of the reopen cache's entries in a cache folder (`stores`, beside the compile cache). */
function entryFiles(cacheDir: string): string[] {
  const stores = path.join(cacheDir, 'stores')
  if (!fs.existsSync(stores)) return []
  return fs.readdirSync(stores).map((name) => path.join(stores, name))
}

function folderSize(folder: string): number {
  if (!fs.existsSync(folder)) return 0
  return fs.readdirSync(folder).reduce((sum, name) => sum + fs.statSync(path.join(folder, name)).size, 0)
}

/**
 * Measures the whole-snapshot first screen of `folder` with the bundled CLI `cli` and the app's snapshot worker
 * `app`, `rounds` times interleaved with xmllint over `xmlFiles`. The cache goes to a folder of its own, filled by
 * one untimed open before the rounds.
 */
export function measureFirstScreen(
  cli: string,
  app: AppWorkerBuild,
  folder: string,
  xmlFiles: readonly string[],
  rounds: number,
  workFolder: string,
  metaverse: FirstScreenResult['metaverse'] = 'exported',
): FirstScreenResult {
  const cacheDir = fs.mkdtempSync(path.join(workFolder, 'bench-cache-'))
  const base = { ...process.env, SYNCLENS_CACHE_DIR: cacheDir }
  const defaultReaders = defaultThreads(folder, metaverse)
  // The default count where SyncLens reads in parallel by default, so that the run the budgets judge is that count.
  const readers = defaultReaders > 1 ? defaultReaders : Math.max(2, Math.min(8, os.availableParallelism()))
  const summary = [cli, 'summary', folder, '--json']
  const shared = sharedXmllintInput(xmlFiles.map((file) => ({ path: file, size: fs.statSync(file).size })))
  const runs: Record<FirstScreenRun, () => ProcessFigures> = {
    xmllint: () => timed(XMLLINT, ['--stream', '--noout', ...xmlFiles], base),
    xmllintShared: () =>
      timed(XARGS, ['-0', '-P', String(readers), '-n', '1', XMLLINT, '--stream', '--noout'], base, shared),
    serial: () => timed(process.execPath, summary, { ...base, SYNCLENS_CACHE: 'off', SYNCLENS_READERS: '1' }),
    parallel: () =>
      timed(process.execPath, summary, { ...base, SYNCLENS_CACHE: 'off', SYNCLENS_READERS: String(readers) }),
    reopen: () => timed(process.execPath, summary, base),
    // As users get it: no SYNCLENS_READERS, whatever the benchmark was started with.
    app: () =>
      timed(process.execPath, [app.probe, app.worker, folder], {
        ...base,
        SYNCLENS_CACHE: 'off',
        SYNCLENS_READERS: undefined,
      }),
  }
  const cold =
    fileCacheEviction() === null ? { all: [] as ProcessFigures[], resident: [] as (number | null)[] } : null
  try {
    // Fills the cache (the process exits once the entry is written).
    const cacheWrite = timed(process.execPath, summary, { ...base, SYNCLENS_READERS: '1' })
    const all: Record<FirstScreenRun, ProcessFigures[]> = {
      xmllint: [],
      xmllintShared: [],
      serial: [],
      parallel: [],
      reopen: [],
      app: [],
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const name of Object.keys(runs) as FirstScreenRun[]) {
        all[name].push(runs[name]())
        if (name !== 'reopen' || cold === null) continue
        for (const entry of entryFiles(cacheDir)) cold.resident.push(evictFromFileCache(entry).residentBytes)
        cold.all.push(timed(process.execPath, summary, base))
      }
    }
    return {
      metaverse,
      xmlBytes: xmlFiles.reduce((sum, file) => sum + fs.statSync(file).size, 0),
      rounds,
      medians: {
        xmllint: medianByWall(all.xmllint),
        xmllintShared: medianByWall(all.xmllintShared),
        serial: medianByWall(all.serial),
        parallel: medianByWall(all.parallel),
        reopen: medianByWall(all.reopen),
        app: medianByWall(all.app),
      },
      all,
      readers,
      defaultReaders,
      cacheBytes: folderSize(path.join(cacheDir, 'stores')),
      cacheWrite,
      coldReopen:
        cold === null
          ? null
          : {
              median: medianByWall(cold.all),
              all: cold.all,
              maxResidentBytes: cold.resident.every((bytes): bytes is number => bytes !== null)
                ? Math.max(0, ...cold.resident)
                : null,
            },
    }
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true })
  }
}

/**
 * `summary demo` from process start as on the first start after installing: every round with an empty cache folder
 * of its own, so the command opens the training snapshot the build shipped beside it (scripts/ship-training.mjs),
 * or generates it where none is. One untimed run first, so that every round finds the bundle in the OS's file cache.
 */
export function measureDemo(cli: string, rounds: number, workFolder: string): DemoResult {
  const args = [cli, 'summary', 'demo']
  const run = (): ProcessFigures => {
    const cacheDir = fs.mkdtempSync(path.join(workFolder, 'bench-cache-'))
    try {
      return timed(process.execPath, args, { ...process.env, SYNCLENS_CACHE_DIR: cacheDir })
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true })
    }
  }
  run()
  const all = Array.from({ length: rounds }, run)
  return { median: medianByWall(all), all }
}
