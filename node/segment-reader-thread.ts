import { parentPort } from 'node:worker_threads'
import { isSegmentReaderThread, serveSegmentReads } from './segment-workers'

// The entry of a segment reader thread's own bundle (scripts/build-electron.mjs, SEGMENT_READER): only the code that
// reads a range of an object file into a store segment, so a thread compiles and holds that and nothing else. Its
// V8 flags are the process's, set by the bundle that starts it.
if (parentPort && isSegmentReaderThread()) serveSegmentReads(parentPort)
else {
  process.stderr.write(
    'segment-reader runs as a reader thread of SyncLens; start SyncLens or synclens instead.\n',
  )
  process.exitCode = 1
}
