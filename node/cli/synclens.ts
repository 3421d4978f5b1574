import { parentPort } from 'node:worker_threads'
import { isSegmentReaderThread, serveSegmentReads } from '../segment-workers'
import { EXIT } from './cli-io'
import { runCli } from './run-cli'

// The bundle also runs the threads that read parts of large files in parallel (node/segment-workers.ts).
if (parentPort && isSegmentReaderThread()) serveSegmentReads(parentPort)
else main()

function main(): void {
  // A reader that stops early (`synclens rules demo | head`) closes the pipe: the rest of the output has no
  // one to go to, so stop quietly with success instead of crashing on the write error. Any other write error
  // (a full disk behind a redirection) means the output is incomplete: say so and exit with code 4.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok)
    process.stderr.write(`synclens: the output could not be written (${error.code ?? error.message}).\n`)
    process.exit(EXIT.cannotWrite)
  })
  process.stderr.on('error', () => process.exit(process.exitCode ?? EXIT.ok))

  // Writes go straight to the process streams; the exit code is set rather than forced so output flushes.
  void runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    ...(process.stderr.isTTY
      ? { status: (text: string) => process.stderr.write(text), columns: () => process.stderr.columns }
      : {}),
  }).then((code) => {
    process.exitCode = code
  })
}
