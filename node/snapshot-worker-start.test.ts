import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runningBundle } from './running-bundle'
import { startSnapshotWorker, WorkerIntegrityError, workerDigest } from './snapshot-worker-start'

describe('startSnapshotWorker', () => {
  let folder = ''
  let file = ''
  const code = "require('node:worker_threads').parentPort.postMessage('started from ' + __filename)"

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-worker-start-'))
    file = path.join(folder, 'snapshot-worker.cjs')
    fs.writeFileSync(file, code)
  })

  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true })
  })

  it('starts the very bytes it checked when the digest matches', async () => {
    const worker = startSnapshotWorker(file, workerDigest(Buffer.from(code)))

    const message = await new Promise((resolve) => worker.once('message', resolve))
    await worker.terminate()

    expect(message).toBe('started from [worker eval]')
  })

  it('hands the worker the text it runs and the file it was read from, for the threads it starts in turn', async () => {
    const probe = path.join(folder, 'probe.cjs')
    const probeCode =
      "const { parentPort, workerData } = require('node:worker_threads'); parentPort.postMessage(workerData)"
    fs.writeFileSync(probe, probeCode)
    const worker = startSnapshotWorker(probe, workerDigest(Buffer.from(probeCode)))

    const data = await new Promise((resolve) => worker.once('message', resolve))
    await worker.terminate()

    expect(runningBundle(data, '[worker eval]')).toEqual({
      kind: 'source',
      code: probeCode,
      file: path.resolve(probe),
    })
  })

  it('closes the files the worker left open when it is ended (a reopened cache entry)', () => {
    const entry = path.join(folder, 'entry.slstore')
    fs.writeFileSync(entry, 'entry')
    const opener = path.join(folder, 'opener.cjs')
    // The worker listens on its port so that it stays until it is ended, as the snapshot worker does.
    const openerCode =
      "const { parentPort } = require('node:worker_threads'); parentPort.on('message', () => undefined); " +
      `parentPort.postMessage(require('node:fs').openSync(${JSON.stringify(entry)}, 'r'))`
    fs.writeFileSync(opener, openerCode)
    // In a process of its own, as the app's main process starts the worker: the test runner's own threads would
    // close a nested worker's files whatever the worker was started with.
    const check = path.join(folder, 'check.mts')
    fs.writeFileSync(
      check,
      [
        `import fs from 'node:fs'`,
        `import { startSnapshotWorker, workerDigest } from ${JSON.stringify(new URL('./snapshot-worker-start.ts', import.meta.url).href)}`,
        `const worker = startSnapshotWorker(${JSON.stringify(opener)}, workerDigest(fs.readFileSync(${JSON.stringify(opener)})))`,
        `const descriptor: number = await new Promise((resolve) => worker.once('message', resolve))`,
        `const before = fs.fstatSync(descriptor).size`,
        `await worker.terminate()`,
        `let after = 'open'`,
        `try { fs.fstatSync(descriptor) } catch (error) { after = (error as NodeJS.ErrnoException).code ?? 'error' }`,
        `console.log(JSON.stringify({ before, after }))`,
      ].join('\n'),
    )

    const run = spawnSync(process.execPath, ['--import', 'tsx', check], { encoding: 'utf8' })

    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({ before: 5, after: 'EBADF' })
  })

  it('refuses to start a worker whose bytes changed after the build', () => {
    const digest = workerDigest(Buffer.from(code))
    fs.appendFileSync(file, '\nrequire("node:child_process")')

    expect(() => startSnapshotWorker(file, digest)).toThrow(WorkerIntegrityError)
    expect(() => startSnapshotWorker(file, digest)).toThrow(
      /snapshot worker .* is not the one this version shipped .* so it was not started\. Reinstall SyncLens\./,
    )
  })
})
