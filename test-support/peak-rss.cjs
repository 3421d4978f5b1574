// Preloaded into a process (node --require) so a test can read its peak memory: at exit it writes one line
// `synclens-peak-rss-kb=<kilobytes>` to standard error. On Linux the peak is VmHWM: getrusage's maxRSS survives
// exec, so a CLI spawned by a large test worker would report the worker's peak (node/peak-memory.ts says the same).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload for node --require
const fs = require('node:fs')

function peakKilobytes() {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(fs.readFileSync('/proc/self/status', 'latin1'))
    if (match) return Number(match[1])
  } catch {
    // not Linux, or no /proc
  }
  return process.resourceUsage().maxRSS
}

process.on('exit', () => {
  process.stderr.write(`\nsynclens-peak-rss-kb=${peakKilobytes()}\n`)
})
