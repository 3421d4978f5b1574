/** Runs measurements in child processes and xmllint, reading their figures back. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { SNAPSHOT_HEAP_FLAGS, STEADY_HEAP_FLAGS } from '../node/worker-heap'
import { buildBundle, buildSegmentReader } from '../scripts/build-electron.mjs'
import { shipTrainingSnapshot } from '../scripts/ship-training.mjs'
import type { ChildReport } from './child'

/** Debian's xmllint (libxml2-utils), GNU time and xargs (findutils), which the xmllint runs need. */
export const XMLLINT = '/usr/bin/xmllint'
export const TIME = '/usr/bin/time'
export const XARGS = '/usr/bin/xargs'

/** Wall and CPU seconds and peak RSS of one measured process. */
export interface ProcessFigures {
  readonly seconds: number
  readonly cpuSeconds: number
  readonly peakRssBytes: number
}

/**
 * Bundles `child.ts` the way the Electron worker and the CLI are bundled (Vite, production mode),
 * so that measurements run the code users run rather than tsx's on-the-fly transform (which, for
 * one, names every closure it creates).
 */
export async function buildChild(folder: string): Promise<string> {
  // One bundle per run, so that two runs at once never measure each other's code.
  const outFile = path.join(folder, `bench-child-${process.pid}.cjs`)
  return buildBundle({ entry: 'bench/child.ts', outFile, kind: 'node' }, { outFile })
}

/**
 * Bundles the `synclens` command as it ships into a folder of its own: its entry, the command beside it, the reader
 * threads' bundle and the training snapshot the build ships with them (the first-screen rounds run it from process
 * start); returns the entry's path. `removeCli` deletes the folder.
 */
export async function buildCli(folder: string): Promise<string> {
  const own = fs.mkdtempSync(path.join(folder, `bench-cli-${process.pid}-`))
  const outFile = path.join(own, 'synclens.cjs')
  const command = path.join(own, 'synclens-main.cjs')
  const { define } = await buildSegmentReader([own])
  await buildBundle(
    { entry: 'node/cli/synclens.ts', outFile: command, kind: 'node' },
    { outFile: command, define },
  )
  shipTrainingSnapshot(command, [command])
  return buildBundle({ entry: 'node/cli/synclens-start.ts', outFile, kind: 'node' }, { outFile })
}

/** The app's snapshot worker as it ships, and a stand-in for the app's main process that starts it on a folder. */
export interface AppWorkerBuild {
  readonly worker: string
  readonly probe: string
}

/**
 * Bundles the app's snapshot worker, its reader threads' bundle and `node/testing/app-worker-probe.ts`, which starts
 * the worker as the app's main process does (from the checked text of its bundle), opens a folder and prints the
 * summary, into a folder of their own. `removeAppWorker` deletes it.
 */
export async function buildAppWorker(folder: string): Promise<AppWorkerBuild> {
  // A folder of its own: the worker finds its reader threads' bundle beside it, as in the app.
  const own = fs.mkdtempSync(path.join(folder, `bench-app-${process.pid}-`))
  const worker = path.join(own, 'snapshot-worker.cjs')
  const probe = path.join(own, 'app-worker-probe.cjs')
  const { define } = await buildSegmentReader([own])
  await buildBundle(
    { entry: 'node/snapshot-worker.ts', outFile: worker, kind: 'node' },
    { outFile: worker, define },
  )
  await buildBundle(
    { entry: 'node/testing/app-worker-probe.ts', outFile: probe, kind: 'node' },
    { outFile: probe },
  )
  return { worker, probe }
}

/** Deletes the folder `buildAppWorker` built into. */
export function removeAppWorker(build: AppWorkerBuild): void {
  fs.rmSync(path.dirname(build.worker), { recursive: true, force: true })
}

/** Deletes a CLI built by `buildCli`. */
export function removeCli(entry: string): void {
  fs.rmSync(path.dirname(entry), { recursive: true, force: true })
}

/**
 * Runs the bundled child with these arguments in a fresh Node (with `--expose-gc`, and the young generation the
 * app's snapshot worker gets) and returns its report.
 */
export function runChild<Result>(childBundle: string, args: readonly string[]): ChildReport<Result> {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', ...SNAPSHOT_HEAP_FLAGS, ...STEADY_HEAP_FLAGS, childBundle, ...args],
    {
      encoding: 'utf8',
      maxBuffer: 16 << 20,
      // The in-process figures are of loads from XML; the reopen cache is measured from process start instead.
      env: { ...process.env, SYNCLENS_CACHE: 'off' },
    },
  )
  if (child.status !== 0) {
    throw new Error(
      `Measurement "${args.join(' ')}" failed (exit ${child.status ?? child.signal}): ${child.stderr}`,
    )
  }
  const last = child.stdout.trim().split('\n').pop() ?? ''
  return JSON.parse(last) as ChildReport<Result>
}

/** Whether xmllint and GNU time are installed (Debian libxml2-utils and time). */
export function xmllintAvailable(): boolean {
  return fs.existsSync(XMLLINT) && fs.existsSync(TIME) && fs.existsSync(XARGS)
}

/** `xmllint --stream --noout` over a file: libxml2's C reader doing nothing with the data. */
export function runXmllint(file: string): ProcessFigures {
  const child = spawnSync(TIME, ['-f', '%e %U %S %M', XMLLINT, '--stream', '--noout', file], {
    encoding: 'utf8',
  })
  if (child.status !== 0) throw new Error(`xmllint failed on ${file}: ${child.stderr}`)
  const line = child.stderr.trim().split('\n').pop() ?? ''
  const [wall, user, system, kib] = line.split(' ').map(Number)
  return {
    seconds: wall ?? Number.NaN,
    cpuSeconds: (user ?? Number.NaN) + (system ?? Number.NaN),
    peakRssBytes: (kib ?? Number.NaN) * 1024,
  }
}
