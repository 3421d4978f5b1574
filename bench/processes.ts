/** Runs measurements in child processes and xmllint, reading their figures back. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ChildReport } from './child'

const CHILD_SCRIPT = fileURLToPath(new URL('./child.ts', import.meta.url))
const XMLLINT = '/usr/bin/xmllint'
const TIME = '/usr/bin/time'

/** Wall and CPU seconds and peak RSS of one measured process. */
export interface ProcessFigures {
  readonly seconds: number
  readonly cpuSeconds: number
  readonly peakRssBytes: number
}

/**
 * Runs `child.ts` with these arguments in a fresh Node (same loader flags as this process, plus
 * `--expose-gc`) and returns its report.
 */
export function runChild<Result>(
  args: readonly string[],
  nodeFlags: readonly string[] = [],
): ChildReport<Result> {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, '--expose-gc', ...nodeFlags, CHILD_SCRIPT, ...args],
    { encoding: 'utf8', maxBuffer: 16 << 20 },
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
  return fs.existsSync(XMLLINT) && fs.existsSync(TIME)
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
