import { runCli } from './run-cli'

// Writes go straight to the process streams; the exit code is set rather than forced so output flushes.
void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  ...(process.stderr.isTTY ? { status: (text: string) => process.stderr.write(text) } : {}),
}).then((code) => {
  process.exitCode = code
})
