/**
 * The comparison benchmark: a snapshot against a copy of it (the staging server of a swing migration) whose
 * configuration differs by one rule's precedence and one transformation's expression, both holding every
 * object. The measurement runs in a child process of its own (compare-measure.ts); this side prepares the
 * copy, runs the child, and checks and prints the figures.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { SNAPSHOT_HEAP_FLAGS, STEADY_HEAP_FLAGS } from '../node/worker-heap'
import type { ChildReport } from './child'
import type { CompareFigures, Timed } from './compare-measure'
import type { BenchSnapshot } from './snapshot-cache'
import type { BudgetCheck } from './results'
import { fixed, textTable } from './report'

/** The impact may take at most this many times the loading of both snapshots. */
export const IMPACT_SHARE_OF_LOADS = 2

/** The rule whose precedence the copy changes, and the numbers. */
const MOVED_RULE = 'Contoso - In from AD - User Department from HR'
const MOVED_FROM = '<precedence>50</precedence>'
const MOVED_TO = '<precedence>95</precedence>'
/** The rule whose displayName expression the copy changes, and the texts. */
const EDITED_RULE = 'Contoso - In from AD - User Common'
const EDITED_FROM = '<expression>IIF(IsNullOrEmpty([displayName]),[cn],[displayName])</expression>'
const EDITED_TO =
  '<expression>IIF(IsNullOrEmpty([displayName]),[cn],Trim([displayName]) &amp; " (Contoso)")</expression>'
const MARKER = 'compare-copy.json'

/** One size's comparison, with its process figures. */
export interface CompareResult {
  readonly label: string
  readonly mvObjects: number
  readonly figures: CompareFigures
}

/**
 * The copy of a benchmark snapshot that the comparison reads as B: the configuration files copied and
 * edited, the object files hard-linked (no second copy of gigabytes). Made once, next to the snapshot.
 */
export function compareCopy(snapshot: BenchSnapshot): string {
  const folder = `${snapshot.folder}-compare-b`
  if (fs.existsSync(path.join(folder, MARKER))) return folder
  fs.rmSync(folder, { recursive: true, force: true })
  for (const file of snapshot.generated.files) {
    const from = path.join(snapshot.folder, file)
    const to = path.join(folder, file)
    fs.mkdirSync(path.dirname(to), { recursive: true })
    if (file.startsWith('ConnectorSpaces/') || file.startsWith('Metaverse/')) {
      try {
        fs.linkSync(from, to)
      } catch {
        fs.copyFileSync(from, to)
      }
      continue
    }
    let text = fs.readFileSync(from, 'utf8')
    if (text.includes(`<name>${MOVED_RULE}</name>`)) text = replaceOnce(text, MOVED_FROM, MOVED_TO, file)
    if (text.includes(`<name>${EDITED_RULE}</name>`)) text = replaceOnce(text, EDITED_FROM, EDITED_TO, file)
    fs.writeFileSync(to, text)
  }
  fs.writeFileSync(path.join(folder, MARKER), JSON.stringify({ from: snapshot.folder }))
  return folder
}

function replaceOnce(text: string, from: string, to: string, file: string): string {
  if (!text.includes(from)) throw new Error(`${file} no longer holds ${from}; update bench/compare-bench.ts.`)
  return text.replace(from, to)
}

/**
 * Runs the comparison of one benchmark snapshot in a child process of its own. Two snapshots live in it at
 * once, so it may use more heap than one snapshot's worker.
 */
export function runCompare(childBundle: string, snapshot: BenchSnapshot, mvObjects: number): CompareResult {
  const folderB = compareCopy(snapshot)
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      ...SNAPSHOT_HEAP_FLAGS,
      ...STEADY_HEAP_FLAGS,
      '--max-old-space-size=12288',
      childBundle,
      'compare',
      snapshot.folder,
      folderB,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 16 << 20,
      // The budget is against loading from the XML, as the other in-process figures are: with the reopen cache
      // on, the second run would time cache reads of both snapshots instead.
      env: { ...process.env, SYNCLENS_CACHE: 'off' },
    },
  )
  if (child.status !== 0) {
    throw new Error(
      `The comparison of ${snapshot.folder} failed (exit ${child.status ?? child.signal}): ${child.stderr}`,
    )
  }
  const report = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as ChildReport<CompareFigures>
  return { label: path.basename(snapshot.folder), mvObjects, figures: report.result }
}

/** The impact budget: at most twice the loading of both snapshots, by the better clock. */
export function compareBudgets(results: readonly CompareResult[]): BudgetCheck[] {
  return results.map(({ label, figures }) => {
    const loads = Math.min(figures.loadA.ms + figures.loadB.ms, figures.loadA.cpuMs + figures.loadB.cpuMs)
    const impact = Math.min(figures.impact.ms, figures.impact.cpuMs)
    const limit = IMPACT_SHARE_OF_LOADS * loads
    return {
      budget: 'compare impact <= 2x loading both',
      subject: label,
      actual: impact / 1000,
      limit: limit / 1000,
      unit: 's',
      ok: Number.isFinite(impact) && impact <= limit,
    }
  })
}

/** The comparison figures as a table (seconds; CPU first, wall in brackets). */
export function compareTable(results: readonly CompareResult[]): string {
  const seconds = (time: Timed): string => `${fixed(time.cpuMs / 1000)} (${fixed(time.ms / 1000)})`
  return textTable(
    [
      'size',
      'MV objects',
      'load A s',
      'load B s',
      'configuration ms',
      'impact s',
      'impact / loads',
      'objects changed',
      'peak RSS MB',
    ],
    results.map(({ label, mvObjects, figures }) => [
      label,
      String(mvObjects),
      seconds(figures.loadA),
      seconds(figures.loadB),
      `${fixed(figures.configuration.cpuMs)} (${fixed(figures.configuration.ms)})`,
      seconds(figures.impact),
      `${fixed(figures.impact.cpuMs / (figures.loadA.cpuMs + figures.loadB.cpuMs), 2)}x`,
      `${figures.impact.changed} (${figures.impact.attributeChanges} attributes)`,
      fixed(figures.peakRssBytes / 1_000_000, 0),
    ]),
  )
}
