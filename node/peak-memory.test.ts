import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { peakResidentBytes } from './peak-memory'

describe('peakResidentBytes', () => {
  it('is at least what the process holds now', () => {
    expect(peakResidentBytes()).toBeGreaterThanOrEqual(process.memoryUsage().rss * 0.9)
  })

  it.runIf(process.platform === 'linux')("reports the child's own peak, not its large parent's", () => {
    // The parent touches 300 MB, then spawns a small child that prints both measures of its own peak.
    const child = [
      "const fs = require('node:fs')",
      "const hwm = Number(/^VmHWM:\\s+(\\d+)/m.exec(fs.readFileSync('/proc/self/status', 'latin1'))[1])",
      'console.log(JSON.stringify({ hwmMb: hwm / 1024, maxRssMb: process.resourceUsage().maxRSS / 1024 }))',
    ].join(';')
    const parent = [
      "const { spawnSync } = require('node:child_process')",
      'const hold = Buffer.alloc(300 * 1024 * 1024, 1)',
      `const out = spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}], { encoding: 'utf8' }).stdout`,
      'process.stdout.write(out + String(hold[hold.length - 1]))',
    ].join(';')
    const run = spawnSync(process.execPath, ['-e', parent], { encoding: 'utf8' })
    const figures = JSON.parse(run.stdout.split('\n')[0] ?? '{}') as { hwmMb: number; maxRssMb: number }

    expect(figures.hwmMb).toBeLessThan(150)
    expect(figures.maxRssMb).toBeGreaterThan(figures.hwmMb)
  })
})
