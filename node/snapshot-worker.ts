import { setImmediate as nextMacrotask } from 'node:timers/promises'
import { parentPort } from 'node:worker_threads'
import { createSnapshotSession } from '../shared/app/session'
import { serveSession } from '../shared/app/session-rpc'
import { nodePort } from './node-port'
import { openSnapshotRequest } from './open-snapshot-request'
import { isSegmentReaderThread, serveSegmentReads } from './segment-workers'
import type { SnapshotRequest } from './snapshot-request'
import { steadyHeap } from './worker-heap'

// The entry of the snapshot worker thread: parsing gigabytes here keeps the main process and window responsive.
// Its V8 flags hold for the whole process (the app's main process, or the command's), so the reader threads too.
steadyHeap()
if (parentPort && isSegmentReaderThread()) {
  serveSegmentReads(parentPort)
} else if (parentPort) {
  // Between slices of a long computation, the thread reads its messages: a cancel gets through.
  const session = createSnapshotSession({ yieldControl: () => nextMacrotask() })
  serveSession<SnapshotRequest>(nodePort(parentPort), session, openSnapshotRequest)
} else {
  process.stderr.write(
    'snapshot-worker runs as a worker thread; start SyncLens or the synclens command instead.\n',
  )
  process.exitCode = 1
}
