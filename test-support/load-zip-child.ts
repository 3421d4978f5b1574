// Loads one snapshot in a process of its own and prints what loaded, the time and the peak RSS as JSON, so a
// test can measure memory without its own heap in the figure. Run: node --import tsx test-support/load-zip-child.ts PATH
import { loadSnapshot } from '../shared/load/load-snapshot'
import { openDiskSource } from '../node/disk-source'
import { peakResidentBytes } from '../node/peak-memory'

const target = process.argv[2] ?? ''
const started = performance.now()
const snapshot = await loadSnapshot(await openDiskSource(target))
process.stdout.write(
  `${JSON.stringify({
    rules: snapshot.configuration.rules.length,
    csObjects: snapshot.objects.csRowCount,
    mvObjects: snapshot.objects.mvRowCount,
    errors: snapshot.issues.filter((issue) => issue.severity === 'error').length,
    seconds: (performance.now() - started) / 1000,
    peakRssMb: peakResidentBytes() / (1024 * 1024),
  })}\n`,
)
