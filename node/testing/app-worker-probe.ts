import { Worker } from 'node:worker_threads'
import { connectSession } from '../../shared/app/session-rpc'
import { nodePort } from '../node-port'
import { type SnapshotRequest, TRAINING_REQUEST } from '../snapshot-request'
import { startSnapshotWorker } from '../snapshot-worker-start'

// A stand-in for the app's main process, for node/segment-workers.bundle.test.ts and the benchmark: it starts a
// built snapshot worker as the app does (from the checked text of its bundle), opens a folder in it (or the training
// snapshot, for `--training`), and prints the summary and how many threads the worker started meanwhile. Built into
// a bundle and run in a process of its own, where thread ids are given out by this process alone: every thread takes
// the next one, so the next id after the load counts them.

async function main(): Promise<void> {
  const [workerFile = '', folder = ''] = process.argv.slice(2)
  const worker = startSnapshotWorker(workerFile, null)
  const client = connectSession<SnapshotRequest>(nodePort(worker))
  const request: SnapshotRequest = folder === '--training' ? TRAINING_REQUEST : { paths: [folder] }
  const summary = await client.load(request, () => undefined).done
  const probe = new Worker("require('node:worker_threads').parentPort.postMessage(0)", { eval: true })
  const threadsStarted = probe.threadId - worker.threadId - 1
  await probe.terminate()
  await worker.terminate()
  process.stdout.write(`${JSON.stringify({ summary, threadsStarted })}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
