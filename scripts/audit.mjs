// The dependency audit `npm test` runs: `npm audit` over every dependency (the app bundles its devDependencies,
// so all of them ship), with accepted findings listed in audit-allowlist.json, each with the reason.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The allow-list, at the project root. */
export const ALLOWLIST_FILE = 'audit-allowlist.json'

const ADVISORY_ID = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/
const DAY = /^\d{4}-\d{2}-\d{2}$/
const SHORTEST_REASON = 40

/**
 * Reads audit-allowlist.json: `{ "accepted": [{ advisory, package, reason, reviewed }] }`. Returns the entries,
 * or the problems that make the file unusable (an entry without a real reason is one).
 */
export function readAllowlist(text) {
  let parsed
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { entries: [], problems: [`${ALLOWLIST_FILE} is not valid JSON: ${error.message}`] }
  }
  const accepted = parsed?.accepted
  if (!Array.isArray(accepted))
    return { entries: [], problems: [`${ALLOWLIST_FILE} needs an "accepted" array`] }
  const problems = []
  accepted.forEach((entry, index) => {
    const where = `${ALLOWLIST_FILE} accepted[${index}]`
    if (typeof entry?.advisory !== 'string' || !ADVISORY_ID.test(entry.advisory))
      problems.push(`${where}: "advisory" must be a GitHub advisory id (GHSA-xxxx-xxxx-xxxx)`)
    if (typeof entry?.package !== 'string' || entry.package === '')
      problems.push(`${where}: "package" must name the affected package`)
    if (typeof entry?.reason !== 'string' || entry.reason.trim().length < SHORTEST_REASON)
      problems.push(
        `${where}: "reason" must say why SyncLens is not exposed (${SHORTEST_REASON} characters or more)`,
      )
    if (typeof entry?.reviewed !== 'string' || !DAY.test(entry.reviewed))
      problems.push(`${where}: "reviewed" must be the day of the review (YYYY-MM-DD)`)
  })
  return { entries: problems.length === 0 ? accepted : [], problems }
}

/** The advisories of an `npm audit --json` report (version 2), one per advisory and package. */
export function findingsOf(report) {
  const findings = new Map()
  for (const vulnerability of Object.values(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via ?? []) {
      // A string names another vulnerable package this one depends on; that package is listed itself.
      if (typeof via === 'string') continue
      const advisory = /GHSA(-[a-z0-9]{4}){3}/i.exec(via.url ?? '')?.[0] ?? String(via.source)
      findings.set(`${advisory} ${via.name}`, {
        advisory,
        package: via.name,
        severity: via.severity,
        title: via.title,
        range: via.range,
      })
    }
  }
  return [...findings.values()].sort((a, b) => a.advisory.localeCompare(b.advisory))
}

/**
 * Compares the findings with the allow-list: every finding must be accepted, and every accepted entry must still
 * match a finding (a stale entry would silently accept the advisory again if it came back for another reason).
 */
export function judge(findings, entries) {
  const key = (item) => `${item.advisory} ${item.package}`
  const accepted = new Set(entries.map(key))
  const found = new Set(findings.map(key))
  const unexplained = findings.filter((finding) => !accepted.has(key(finding)))
  const stale = entries.filter((entry) => !found.has(key(entry)))
  return { ok: unexplained.length === 0 && stale.length === 0, unexplained, stale }
}

/**
 * Runs `npm audit --json` in `root`. Resolves `{ status: 'passed' | 'failed' | 'unavailable', lines }`: unavailable
 * when the registry's advisory service cannot be asked (offline, or a registry mirror that refuses it).
 */
export function runAudit(root = ROOT) {
  const result = spawnSync('npm', ['audit', '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === 'win32',
  })
  let report
  try {
    report = JSON.parse(result.stdout)
  } catch {
    return {
      status: 'unavailable',
      lines: [`npm audit printed no report (exit ${result.status}): ${firstLine(result.stderr)}`],
    }
  }
  if (report.vulnerabilities === undefined) {
    const reason = report.message ?? report.error?.summary ?? firstLine(result.stderr)
    return { status: 'unavailable', lines: [`the registry's advisory service cannot be asked: ${reason}`] }
  }
  const { entries, problems } = readAllowlist(fs.readFileSync(path.join(root, ALLOWLIST_FILE), 'utf8'))
  if (problems.length > 0) return { status: 'failed', lines: problems }
  const findings = findingsOf(report)
  const verdict = judge(findings, entries)
  const lines = [
    `${report.metadata?.dependencies?.total ?? '?'} dependencies audited, ${findings.length} advisories, ${entries.length} accepted`,
    ...verdict.unexplained.map(
      (item) =>
        `not accepted: ${item.advisory} ${item.package} ${item.range} (${item.severity}): ${item.title}. Update the package, or add it to ${ALLOWLIST_FILE} with the reason SyncLens is not exposed.`,
    ),
    ...verdict.stale.map(
      (item) => `no longer reported: ${item.advisory} ${item.package}; remove it from ${ALLOWLIST_FILE}.`,
    ),
  ]
  return { status: verdict.ok ? 'passed' : 'failed', lines }
}

function firstLine(text) {
  return (text ?? '').split('\n').find((line) => line.trim() !== '') ?? 'no output'
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { status, lines } = runAudit()
  for (const line of lines) console.log(line)
  console.log(`audit: ${status}`)
  process.exitCode = status === 'failed' ? 1 : 0
}
