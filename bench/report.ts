/** The printed tables of a run: per-file throughput, per-size figures, growth and budgets. */
import type { BenchResults, BudgetCheck, FileResult, SizeResult } from './results'
import { throughput } from './results'
import type { FirstScreenRun } from './first-screen'

const MB = 1_000_000

/** Formats rows as a left-aligned text table with a header rule. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

/** A number with a fixed count of decimals, or "n/a". */
export function fixed(value: number, decimals = 1): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : 'n/a'
}

function ratio(numerator: number, denominator: number): string {
  return Number.isFinite(numerator / denominator) ? `${(numerator / denominator).toFixed(2)}x` : 'n/a'
}

function fileRow(size: SizeResult, file: FileResult): string[] {
  const store = throughput(file.bytes, file.store)
  const xmllint = file.xmllint === null ? Number.NaN : throughput(file.bytes, file.xmllint)
  return [
    size.label,
    file.path.replace(/^.*\//, ''),
    fixed(file.bytes / MB, 0),
    String(file.objects),
    fixed(throughput(file.bytes, file.raw), 0),
    fixed(xmllint),
    fixed(throughput(file.bytes, file.saxes)),
    file.tags === undefined ? 'n/a' : fixed(throughput(file.bytes, file.tags)),
    fixed(throughput(file.bytes, file.scan)),
    fixed(throughput(file.bytes, file.read)),
    fixed(store),
    fixed(throughput(file.bytes, file.store, 'wall')),
    ratio(store, xmllint),
    ratio(store, throughput(file.bytes, file.saxes)),
    ratio(throughput(file.bytes, file.raw), store),
    fixed(file.store.peakRssBytes / MB, 0),
  ]
}

/**
 * Per-file throughput: raw read, xmllint, saxes and the product's four stages (tags: the scanner making no string;
 * scan: the scanner decoding every value; read; store), with ratios.
 */
export function filesTable(sizes: readonly SizeResult[]): string {
  return textTable(
    [
      'size',
      'file',
      'MB',
      'objects',
      'raw',
      'xmllint',
      'saxes',
      'tags',
      'scan',
      'read',
      'store',
      'store wall',
      'store/xmllint',
      'store/saxes',
      'raw/store',
      'store RSS MB',
    ],
    sizes.flatMap((size) => size.files.map((file) => fileRow(size, file))),
  )
}

function pair(figures: { readonly p50: number; readonly p95: number }): string {
  return `${fixed(figures.p50)}/${fixed(figures.p95)}`
}

/** Per-size figures of the whole load and the queries. */
export function sizesTable(sizes: readonly SizeResult[]): string {
  return textTable(
    [
      'size',
      'MV',
      'CS',
      'XML MB',
      'first screen s',
      'CPU s',
      'CPU us/object',
      'peak RSS MB',
      'RSS B/object',
      'Equals ms',
      'Starts ms',
      'Contains ms',
      'Not present ms',
      'first rows p95 ms',
      'flow ms',
      'unmapped us',
      'verdict ms/object (whole s)',
    ],
    sizes.map((size) => {
      const s = size.snapshot
      const objects = s.csObjects + s.mvObjects
      const firstRows = Math.max(...Object.values(s.search).map((found) => found.firstRows.p95))
      return [
        size.label,
        String(s.mvObjects),
        String(s.csObjects),
        fixed(size.xmlBytes / MB, 0),
        fixed(s.firstScreenMs / 1000, 2),
        fixed(s.firstScreenCpuMs / 1000, 2),
        fixed((s.firstScreenCpuMs * 1000) / objects, 1),
        fixed(s.peakRssAfterLoadBytes / MB, 0),
        fixed(s.peakRssAfterLoadBytes / objects, 0),
        pair(s.search.equals.cpu),
        pair(s.search['starts-with'].cpu),
        pair(s.search.contains.cpu),
        pair(s.search['not-present'].cpu),
        fixed(firstRows),
        `${pair(s.objectFlow.cpu)} (wall ${fixed(s.objectFlow.p95)})`,
        fixed(s.unmappedScan.cpuUsPerObject, 2),
        `${fixed(s.verdicts.cpuMsPerObject, 2)} (${fixed(s.verdicts.wholeSnapshotCpuSeconds, 1)})`,
      ]
    }),
  )
}

/** The per-object costs that should stay flat as sizes grow, and the per-query costs, of one size. */
export function growthMetrics(size: SizeResult): ReadonlyMap<string, number> {
  const s = size.snapshot
  const objects = s.csObjects + s.mvObjects
  return new Map([
    ['first screen CPU us/object', (s.firstScreenCpuMs * 1000) / objects],
    ['retained B/object', s.retainedBytes / objects],
    ['Equals CPU p95 ms', s.search.equals.cpu.p95],
    ['Contains CPU p95 us/MV object', (s.search.contains.cpu.p95 * 1000) / s.mvObjects],
    ['flow CPU p95 ms', s.objectFlow.cpu.p95],
    ['unmapped CPU us/object', s.unmappedScan.cpuUsPerObject],
    ['verdict CPU ms/object', s.verdicts.cpuMsPerObject],
  ])
}

/** Each growth metric at every size, with the factor from one size to the next (flat is 1.00x). */
export function growthTable(sizes: readonly SizeResult[]): string {
  const metrics = sizes.map(growthMetrics)
  const names = [...(metrics[0]?.keys() ?? [])]
  return textTable(
    ['metric', ...sizes.map((size) => size.label)],
    names.map((name) => [
      name,
      ...metrics.map((values, index) => {
        const value = values.get(name) ?? Number.NaN
        const previous = index === 0 ? undefined : metrics[index - 1]?.get(name)
        return previous === undefined ? fixed(value, 2) : `${fixed(value, 2)} (${ratio(value, previous)})`
      }),
    ]),
  )
}

/** The budgets with their verdicts. */
export function budgetsTable(checks: readonly BudgetCheck[]): string {
  return textTable(
    ['', 'budget', 'on', 'actual', 'limit'],
    checks.map((c) => [
      c.ok ? 'ok' : 'MISSED',
      c.budget,
      c.subject,
      `${fixed(c.actual)} ${c.unit}`,
      `${fixed(c.limit)} ${c.unit}`,
    ]),
  )
}

const RUN_LABELS: Readonly<Record<FirstScreenRun, (readers: number) => string>> = {
  xmllint: () => 'xmllint',
  xmllintShared: (readers) => `xmllint, ${readers} processes at once, a file each (reference)`,
  serial: () => 'serial (1 thread)',
  parallel: (readers) => `parallel (${readers} readers)`,
  reopen: () => 'reopen',
  app: () => "app's snapshot worker (threads it picks)",
}

/** Process start to the summary, medians of the interleaved rounds, and each against xmllint. */
export function firstScreenTable(sizes: readonly SizeResult[]): string {
  const rows: string[][] = []
  for (const size of sizes) {
    for (const first of [size.firstScreen, size.firstScreenComputed]) {
      if (first === null) continue
      const label = first.metaverse === 'computed' ? `${size.label}, mv computed` : size.label
      const xmllint = first.medians.xmllint
      for (const run of ['xmllint', 'xmllintShared', 'serial', 'parallel', 'reopen', 'app'] as const) {
        const figures = first.medians[run]
        rows.push([
          label,
          RUN_LABELS[run](first.readers),
          fixed(figures.seconds, 2),
          fixed(figures.cpuSeconds, 2),
          fixed(figures.peakRssBytes / MB, 0),
          run === 'xmllint' ? '' : ratio(xmllint.seconds, figures.seconds),
          run === 'xmllint' ? '' : ratio(xmllint.cpuSeconds, figures.cpuSeconds),
        ])
      }
      const cold = first.coldReopen
      if (cold !== null) {
        const left =
          cold.maxResidentBytes === null ? 'not known' : `${fixed(cold.maxResidentBytes / MB, 0)} MB`
        rows.push([
          label,
          `reopen, entry read from disk (left in memory after the drop: ${left})`,
          fixed(cold.median.seconds, 2),
          fixed(cold.median.cpuSeconds, 2),
          fixed(cold.median.peakRssBytes / MB, 0),
          ratio(xmllint.seconds, cold.median.seconds),
          ratio(xmllint.cpuSeconds, cold.median.cpuSeconds),
        ])
      }
      const write = first.cacheWrite
      rows.push([
        label,
        'first open writing the cache (1 run, 1 thread)',
        fixed(write.seconds, 2),
        fixed(write.cpuSeconds, 2),
        fixed(write.peakRssBytes / MB, 0),
        '',
        '',
      ])
    }
  }
  return textTable(
    ['size', 'run', 'wall s', 'CPU s', 'peak RSS MB', 'speed vs xmllint (wall)', '(CPU)'],
    rows,
  )
}

/** What a user waits for in the app right after the load: first searches, the background index build, `why`. */
export function waitTable(sizes: readonly SizeResult[]): string {
  const both = (cpu: number, wall: number): string => `${fixed(cpu)} (${fixed(wall)})`
  return textTable(
    [
      'size',
      'first search p50/p95 ms',
      'very first',
      'index build: values',
      'CPU s (wall)',
      'slices',
      'longest slice ms',
      'first why ms',
      'why cold p95',
      'why warm p95',
    ],
    sizes.map((size) => {
      const { firstSearch, indexBuild, objectFlow } = size.snapshot
      return [
        size.label,
        `${fixed(firstSearch.cpu.p50)}/${fixed(firstSearch.cpu.p95)} (wall ${fixed(firstSearch.p95)})`,
        both(firstSearch.first.cpuMs, firstSearch.first.ms),
        String(indexBuild.values),
        both(indexBuild.cpuMs / 1000, indexBuild.totalMs / 1000),
        String(indexBuild.slices),
        both(indexBuild.longestSliceCpuMs, indexBuild.longestSliceMs),
        both(objectFlow.first.cpuMs, objectFlow.first.ms),
        both(objectFlow.cold.cpu.p95, objectFlow.cold.p95),
        both(objectFlow.again.cpu.p95, objectFlow.again.p95),
      ]
    }),
  )
}

/** Metaverse Search on values without the metaverse export: the first answer, then the values of each object. */
export function computedValuesTable(sizes: readonly SizeResult[]): string {
  return textTable(
    [
      'size',
      'mv objects',
      'first answer ms (wall)',
      'objects by then',
      'values ms/object CPU (wall)',
      'all objects CPU s',
      'bytes/object',
    ],
    sizes.flatMap((size) => {
      const values = size.computedValues
      if (values === null) return []
      return [
        [
          size.label,
          String(values.mvObjects),
          `${fixed(values.firstAnswer.cpuMs)} (${fixed(values.firstAnswer.ms)})`,
          String(values.firstAnswerComputed),
          `${fixed(values.cpuMsPerObject, 2)} (${fixed(values.msPerObject, 2)})`,
          fixed(values.wholeSnapshotCpuSeconds, 1),
          fixed(values.bytesPerObject, 0),
        ],
      ]
    }),
  )
}

/** The whole printed report. */
export function formatReport(results: BenchResults): string {
  const m = results.machine
  const parts = [
    `SyncLens benchmark ${results.date} (${results.mode}) on ${m.cpus} x ${m.cpuModel}, Node ${m.node}, ` +
      `load average ${m.loadAverageStart.map((v) => v.toFixed(1)).join(' ')} at start, ` +
      `${m.loadAverageEnd.map((v) => v.toFixed(1)).join(' ')} at end`,
    '',
    ...(results.sizes.some((size) => size.files.length > 0)
      ? [
          'Object files (MiB/s by CPU time; "store wall" by wall-clock time): reader into the object store vs peers',
          filesTable(results.sizes),
          '',
        ]
      : []),
    'Whole snapshot (openDiskSource + loadSnapshot + summary on the folder, then queries; search and flow: CPU p50/p95)',
    sizesTable(results.sizes),
    '',
    'Right after the load (CPU ms, wall in brackets): first Equals/Starts with on attributes not indexed yet ' +
      '(scanned), the background index build of the join attributes, accountName and displayName, and why',
    waitTable(results.sizes),
  ]
  if (results.sizes.some((size) => size.computedValues !== null)) {
    parts.push(
      '',
      'Without the metaverse export: the first Metaverse Search on a value (displayName starts with Ma) answers from ' +
        'the objects whose values it computed from the rules, then every object is computed in the background',
      computedValuesTable(results.sizes),
    )
  }
  if (results.sizes.some((size) => size.firstScreen !== null)) {
    const rounds = results.sizes.find((size) => size.firstScreen !== null)?.firstScreen?.rounds ?? 0
    parts.push(
      '',
      `Process start to summary, built CLI (medians of ${rounds} interleaved rounds; xmllint: over every XML file ` +
        'in one process, and for reference shared out between as many processes at once as the parallel run has ' +
        'threads, a file each, largest first: what those cores give a C parser here; serial: SYNCLENS_READERS=1, ' +
        'cache off; parallel: SYNCLENS_READERS = the thread count SyncLens picks on an idle machine where it reads in ' +
        'parallel (the cores, within the memory budget), else the cores, cache off; reopen: from the cache, its ' +
        'entry in the OS file cache, and again with the entry dropped from it just before (read from disk); ' +
        'budgets judge the default, the thread count SyncLens picks on an idle ' +
        "machine; app: the app's snapshot worker started as the app's main process starts it, in a Node stand-in " +
        'for that process, cache off; "mv computed": the same folder without its metaverse export, so SyncLens ' +
        'computes the metaverse, against xmllint over the files left)',
      firstScreenTable(results.sizes),
    )
  }
  if (results.demo !== null) {
    const demo = results.demo.median
    parts.push(
      '',
      `summary demo: ${fixed(demo.seconds, 2)} s wall, ${fixed(demo.cpuSeconds, 2)} s CPU, ` +
        `${fixed(demo.peakRssBytes / MB, 0)} MB peak RSS (median of ${results.demo.all.length})`,
    )
  }
  if (results.app) {
    const { appMedian, cliMedian } = results.app
    parts.push(
      '',
      `The app (browser build in Chromium) from navigation, medians of ${results.app.rounds} rounds: start page ` +
        `${fixed(appMedian.startPageMs / 1000, 2)} s, snapshot open ${fixed(appMedian.readyMs / 1000, 2)} s, ` +
        `Metaverse Search rows ${fixed(appMedian.rowsMs / 1000, 2)} s; the CLI in the same rounds, process start ` +
        `to summary: ${fixed(cliMedian.seconds, 2)} s wall, ${fixed(cliMedian.cpuSeconds, 2)} s CPU`,
    )
  }
  if (results.sizes.length > 1) parts.push('', 'Growth from size to size', growthTable(results.sizes))
  for (const b of results.grids) {
    parts.push(
      '',
      `Chromium: ${b.subject}, ${b.rows} rows: first rows ${fixed(b.firstRowsMs)} ms, ${b.frames} frames, ` +
        `median ${fixed(b.medianFrameMs)} ms, p95 ${fixed(b.p95FrameMs)} ms, max ${fixed(b.maxFrameMs)} ms` +
        (b.frameThread === null
          ? ''
          : `; main-thread time per frame: median ${fixed(b.frameThread.medianMs)} ms, ` +
            `p95 ${fixed(b.frameThread.p95Ms)} ms, max ${fixed(b.frameThread.maxMs)} ms`),
    )
  }
  for (const note of results.notes) parts.push(`note: ${note}`)
  parts.push('', 'Budgets', budgetsTable(results.budgets))
  return parts.join('\n')
}
