// A host process for the snapshot worker, started as the app's main process starts it: from a built bundle
// (node/snapshot-worker.ts bundled as the build does), with the given old-generation limit. It asks one worker to
// load a snapshot too large for the limit, a second with the same limit to load a small one (the limit is enough for
// the worker itself), and a third with the normal limits to load the training snapshot (the host still works), and
// prints how each ended as JSON. The test that runs this checks the process exits 0: a V8 fatal error in a worker
// would abort it instead. A bundle, not TypeScript compiled on the fly inside the worker: the compiler's own memory
// in a starved worker ran V8 out of memory before the worker read anything, at times fatally.
// Run: node --import tsx test-support/worker-oom-host.ts <worker bundle> <maxOldGenerationSizeMb> <large> <small>
import type { Worker } from 'node:worker_threads'
import { connectSession } from '../shared/app/session-rpc'
import { nodePort } from '../node/node-port'
import { type SnapshotRequest, TRAINING_REQUEST } from '../node/snapshot-request'
import { startSnapshotWorker } from '../node/snapshot-worker-start'
import { isWorkerOutOfMemory, snapshotWorkerLimits } from '../node/worker-heap'

interface Outcome {
  readonly ended: 'loaded' | 'error' | 'exit'
  readonly outOfMemory: boolean
  readonly code: string | null
  readonly message: string
}

async function loadInWorker(bundle: string, request: SnapshotRequest, limitMb?: number): Promise<Outcome> {
  const limits = snapshotWorkerLimits()
  const worker: Worker = startSnapshotWorker(
    bundle,
    null,
    limitMb === undefined ? limits : { ...limits, maxOldGenerationSizeMb: limitMb },
  )
  const client = connectSession<SnapshotRequest>(nodePort(worker))
  const stopped = new Promise<Outcome>((resolve) => {
    worker.once('error', (error: Error & { code?: string }) =>
      resolve({
        ended: 'error',
        outOfMemory: isWorkerOutOfMemory(error),
        code: error.code ?? null,
        message: error.message,
      }),
    )
    worker.once('exit', (code) =>
      resolve({ ended: 'exit', outOfMemory: false, code: String(code), message: `exited with ${code}` }),
    )
  })
  const loaded = client
    .load(request, () => undefined)
    .done.then((summary): Outcome => ({
      ended: 'loaded',
      outOfMemory: false,
      code: null,
      message: summary.name,
    }))
  const outcome = await Promise.race([loaded, stopped])
  await worker.terminate()
  return outcome
}

const [bundle = '', limit = '', large = '', small = ''] = process.argv.slice(2)
const starved = await loadInWorker(bundle, { paths: [large] }, Number(limit))
const fits = await loadInWorker(bundle, { paths: [small] }, Number(limit))
const after = await loadInWorker(bundle, TRAINING_REQUEST)
process.stdout.write(
  `${JSON.stringify({ starved, fits, after, hostRssMb: process.memoryUsage().rss / 2 ** 20 })}\n`,
)
