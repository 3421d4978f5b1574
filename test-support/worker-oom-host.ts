// A host process for the snapshot worker: starts the real worker thread (node/snapshot-worker.ts) with the given
// heap limit, asks it to load a snapshot and prints how the worker ended as JSON, then shows the host still works
// by loading the training snapshot in a second worker with the normal limits. The test that runs this checks the
// process exits 0: a V8 fatal error in the worker would abort it instead.
// Run: node --import tsx test-support/worker-oom-host.ts <maxOldGenerationSizeMb> <snapshot path>
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { connectSession } from '../shared/app/session-rpc'
import { nodePort } from '../node/node-port'
import type { SnapshotRequest } from '../node/snapshot-request'
import { isWorkerOutOfMemory, snapshotWorkerLimits } from '../node/worker-heap'

const WORKER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'node', 'snapshot-worker.ts')

interface Outcome {
  readonly ended: 'loaded' | 'error' | 'exit'
  readonly outOfMemory: boolean
  readonly code: string | null
  readonly message: string
}

async function loadInWorker(request: SnapshotRequest, resourceLimits: object): Promise<Outcome> {
  // The worker's TypeScript is compiled on the fly by tsx's require hook, registered inside the worker itself.
  const bootstrap = `require('tsx/cjs'); require(${JSON.stringify(WORKER)})`
  const worker = new Worker(bootstrap, { eval: true, resourceLimits })
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

const limitMb = Number(process.argv[2])
const target = process.argv[3] ?? ''
const starved = await loadInWorker(
  { paths: [target] },
  { ...snapshotWorkerLimits(), maxOldGenerationSizeMb: limitMb },
)
const after = await loadInWorker({ kind: 'training' }, snapshotWorkerLimits())
process.stdout.write(
  `${JSON.stringify({ starved, after, hostRssMb: process.memoryUsage().rss / 2 ** 20 })}\n`,
)
