import fs from 'node:fs'

/**
 * The most resident memory this process has held, in bytes.
 *
 * On Linux this reads VmHWM from /proc/self/status: getrusage's maxRSS survives exec, so a process spawned by a
 * large parent (a test runner holding a gigabyte) reports the parent's peak as its own. Elsewhere maxRSS is all
 * there is.
 */
export function peakResidentBytes(): number {
  if (process.platform === 'linux') {
    try {
      const status = fs.readFileSync('/proc/self/status', 'latin1')
      const kilobytes = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status)?.[1]
      if (kilobytes !== undefined) return Number(kilobytes) * 1024
    } catch {
      // /proc not mounted: fall through to getrusage
    }
  }
  return process.resourceUsage().maxRSS * 1024
}
