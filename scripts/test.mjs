#!/usr/bin/env node
// Runs every check CI runs, in order, and ends with one line: "N passed, N failed, N skipped".
// Type checks, lint and the build count as one test each; unit and e2e tests count individually.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { runAudit } from './audit.mjs'
import { ensureBrowser } from './browser.mjs'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const totals = { passed: 0, failed: 0, skipped: 0 }
const stages = []

function run(label, command, args, env = {}) {
  const started = Date.now()
  process.stdout.write(`\n=== ${label}: ${command} ${args.join(' ')}\n`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  return { ok: result.status === 0, seconds }
}

function check(label, command, args) {
  const { ok, seconds } = run(label, command, args)
  totals[ok ? 'passed' : 'failed'] += 1
  stages.push(`${label}: ${ok ? 'ok' : 'FAILED'} (${seconds}s)`)
  return ok
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'))
  } catch {
    return null
  }
}

check('types', 'npm', ['run', '-s', 'typecheck'])
check('lint', 'npm', ['run', '-s', 'lint'])

// The dependency audit; where the registry's advisory service cannot be asked it counts as skipped, saying why.
process.stdout.write('\n=== audit: npm audit --json, against audit-allowlist.json\n')
const audit = runAudit(root)
for (const line of audit.lines) process.stdout.write(`${line}\n`)
totals[audit.status === 'unavailable' ? 'skipped' : audit.status] += 1
stages.push(`audit: ${audit.status === 'unavailable' ? `skipped (${audit.lines[0]})` : audit.status}`)

fs.rmSync(path.join(root, '.vitest.json'), { force: true })
const unit = run('unit', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=.vitest.json',
])
const vitest = readJson('.vitest.json')
if (vitest) {
  const skipped = vitest.numPendingTests + vitest.numTodoTests
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests + (unit.ok || vitest.numFailedTests > 0 ? 0 : 1)
  totals.skipped += skipped
  stages.push(
    `unit: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${skipped} skipped (${unit.seconds}s)`,
  )
} else {
  totals.failed += 1
  stages.push(`unit: FAILED before reporting (${unit.seconds}s)`)
}

const built = check('build', 'npm', ['run', '-s', 'build'])
if (built) check('bundle budget', 'node', ['scripts/bundle-budget.mjs'])
if (built) {
  const browser = await ensureBrowser()
  fs.rmSync(path.join(root, '.pw.json'), { force: true })
  const e2e = run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: '.pw.json',
    CI: process.env.CI ?? '1',
    ...(browser ? { SYNCLENS_CHROMIUM: browser } : {}),
  })
  const stats = readJson('.pw.json')?.stats
  if (stats) {
    const failed = stats.unexpected + stats.flaky
    totals.passed += stats.expected
    totals.failed += failed + (e2e.ok || failed > 0 ? 0 : 1)
    totals.skipped += stats.skipped
    stages.push(`e2e: ${stats.expected} passed, ${failed} failed, ${stats.skipped} skipped (${e2e.seconds}s)`)
  } else {
    totals.failed += 1
    stages.push(`e2e: FAILED before reporting (${e2e.seconds}s)`)
  }
} else {
  stages.push('e2e: not run (build failed)')
}

process.stdout.write(`\n${stages.map((line) => `  ${line}`).join('\n')}\n`)
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`)
process.exitCode = totals.failed > 0 ? 1 : 0
