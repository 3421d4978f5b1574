/**
 * The child-process side of the benchmark: runs one measurement and prints its figures as one JSON
 * line, so that each measurement's peak RSS is its own.
 *
 *   child.ts file <raw|saxes|tags|scan|read|store> <csexport|mv-objects> <path>
 *   child.ts size <folder>
 *   child.ts compare <folder A> <folder B>
 */
import { parentPort } from 'node:worker_threads'
import { isSegmentReaderThread, serveSegmentReads } from '../node/segment-workers'
import { peakResidentBytes } from '../node/peak-memory'
import { measureCompare } from './compare-measure'
import { FILE_PASSES, type FilePass, runFilePass } from './file-passes'
import { measureComputedValues, measureSize } from './size-measures'

/** What a child prints on its last line. */
export interface ChildReport<Result> {
  readonly seconds: number
  readonly cpuSeconds: number
  readonly peakRssBytes: number
  readonly result: Result
}

async function main(args: readonly string[]): Promise<unknown> {
  const [mode, ...rest] = args
  if (mode === 'file') {
    const [pass, kind, file] = rest
    if (!FILE_PASSES.includes(pass as FilePass) || (kind !== 'csexport' && kind !== 'mv-objects') || !file) {
      throw new Error(`Bad file arguments: ${rest.join(' ')}`)
    }
    return runFilePass(pass as FilePass, file, kind)
  }
  if (mode === 'size' && rest[0] !== undefined) return measureSize(rest[0])
  if (mode === 'computed-values' && rest[0] !== undefined) return measureComputedValues(rest[0])
  if (mode === 'compare' && rest[0] !== undefined && rest[1] !== undefined)
    return measureCompare(rest[0], rest[1])
  throw new Error(`Unknown child mode: ${args.join(' ')}`)
}

// The bundle also runs the threads that read parts of large files in parallel (node/segment-workers.ts).
if (parentPort && isSegmentReaderThread()) serveSegmentReads(parentPort)
else measure()

function measure(): void {
  const started = performance.now()
  const cpu = process.cpuUsage()
  main(process.argv.slice(2)).then(
    (result) => {
      const used = process.cpuUsage(cpu)
      const report: ChildReport<unknown> = {
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: (used.user + used.system) / 1e6,
        peakRssBytes: peakResidentBytes(),
        result,
      }
      process.stdout.write(`${JSON.stringify(report)}\n`)
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exitCode = 1
    },
  )
}
