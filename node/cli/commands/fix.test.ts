import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRuleScript } from '../../../shared/formats/ps1/rule-script'
import { TRAINING_CASES } from '../../../shared/training/index'
import { openSnapshotForCli } from '../open-snapshot'
import { runCli } from '../run-cli'

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-fix-'))
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }))

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) })
  return { code, stdout, stderr }
}

function trainingCase(id: string): { dn: string; attribute: string } {
  const found = TRAINING_CASES.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`No training case ${id}`)
  return found
}

const KWAME = trainingCase('employee-id-not-selected')

describe('synclens fix', () => {
  // Generating and loading the training snapshot takes seconds (tens on a busy machine); once per file.
  beforeAll(() => openSnapshotForCli('demo'), 180_000)

  it("drafts both changes for Kwame's employeeID and shows the verdict turning OK (--json)", async () => {
    const { code, stdout } = await cli(
      'fix',
      'demo',
      '--dn',
      KWAME.dn,
      '--attribute',
      KWAME.attribute,
      '--json',
    )

    const json = JSON.parse(stdout) as {
      draft: { changes: { kind: string; side?: string; rule?: { direction: string } }[] }
      before: { verdict: string; alsoBlocking: string[] }
      after: { verdict: string; alsoBlocking: string[] }
      impact: { objectsChecked: number; awaitingImport: { attribute: string }[] }
      script: string | null
    }
    expect(code).toBe(0)
    expect(json.before.verdict).toBe('NOT_SELECTED_ON_CONNECTOR')
    expect(json.before.alsoBlocking).toContain('NO_OUTBOUND_FLOW')
    expect(json.after.verdict).toBe('OK')
    expect(json.after.alsoBlocking).toEqual([])
    expect(json.draft.changes.map((change) => change.kind)).toContain('select-attribute')
    expect(json.draft.changes.some((change) => change.rule?.direction === 'Outbound')).toBe(true)
    expect(json.impact.objectsChecked).toBeGreaterThan(1000)
    expect(json.impact.awaitingImport.map((waiting) => waiting.attribute)).toEqual(['employeeID'])
    expect(json.script).toBe(null)
  })

  it('prints the changes, the object before and after, the path, the impact, and saves the script with --out', async () => {
    const out = path.join(folder, 'kwame.ps1')

    const { code, stdout } = await cli(
      'fix',
      'demo',
      '--dn',
      KWAME.dn,
      '--attribute',
      KWAME.attribute,
      '--out',
      out,
    )

    expect(code).toBe(0)
    expect(stdout).toContain('Verdict now: NOT_SELECTED_ON_CONNECTOR (also blocking: NO_OUTBOUND_FLOW')
    expect(stdout).toContain('Proposed changes:')
    expect(stdout).toContain('metaverse employeeID: (none) -> "<employeeID from contoso.com>"')
    expect(stdout).toContain('Verdict after the change: OK')
    expect(stdout).toContain('Impact on the snapshot:')
    expect(stdout).toContain(`Wrote the Synchronization Rules Editor script to ${out}`)
    const script = fs.readFileSync(out, 'utf8')
    expect(script.charCodeAt(0)).toBe(0xfeff)
    expect(script).toContain('# Run it on the STAGING server first')
    const read = parseRuleScript(script, out)
    expect(read.issues).toEqual([])
    expect(read.rules.map((rule) => rule.direction)).toEqual(['Outbound'])
  })

  it('keeps an existing --out file unless --force', async () => {
    const out = path.join(folder, 'existing.ps1')
    fs.writeFileSync(out, 'mine')

    const kept = await cli('fix', 'demo', '--dn', KWAME.dn, '--attribute', KWAME.attribute, '--out', out)
    const forced = await cli(
      'fix',
      'demo',
      '--dn',
      KWAME.dn,
      '--attribute',
      KWAME.attribute,
      '--out',
      out,
      '--force',
    )

    expect(kept.code).toBe(4)
    expect(kept.stderr).toContain(out)
    expect(forced.code).toBe(0)
    expect(fs.readFileSync(out, 'utf8')).toContain('New-ADSyncRule')
  })

  it('says why nothing is drafted for a break no configuration change fixes, and writes no script', async () => {
    const bob = trainingCase('display-name-pending-export')
    const out = path.join(folder, 'bob.ps1')

    const { code, stdout } = await cli(
      'fix',
      'demo',
      '--dn',
      bob.dn,
      '--attribute',
      bob.attribute,
      '--out',
      out,
    )

    expect(code).toBe(0)
    expect(stdout).toContain('No rule or connector change is proposed.')
    expect(stdout).toContain('PENDING_EXPORT')
    expect(fs.existsSync(out)).toBe(false)
  })

  it('exits 2 without --dn or --attribute, and 1 for a DN that is not in the snapshot', async () => {
    const noObject = await cli('fix', 'demo', '--attribute', 'title')
    const noAttribute = await cli('fix', 'demo', '--dn', KWAME.dn)
    const missing = await cli('fix', 'demo', '--dn', 'CN=Nobody,DC=contoso,DC=com', '--attribute', 'title')

    expect(noObject.code).toBe(2)
    expect(noObject.stderr).toContain('"fix" needs either --dn DN')
    expect(noAttribute.code).toBe(2)
    expect(noAttribute.stderr).toContain('--attribute')
    expect(missing.code).toBe(1)
  })

  it('refuses to write the script inside the snapshot being read, even with --force', async () => {
    const snapshot = path.resolve('e2e', 'fixtures', 'serverconfig-small')
    const inside = path.join(snapshot, 'fix.ps1')

    const { code, stderr } = await cli(
      'fix',
      snapshot,
      '--dn',
      'CN=x',
      '--attribute',
      'title',
      '--out',
      inside,
      '--force',
    )

    expect(code).toBe(2)
    expect(stderr).toContain('never writes into a snapshot')
    expect(fs.existsSync(inside)).toBe(false)
  })

  it('drafts from a metaverse object through the connector-space object that contributes the attribute', async () => {
    const object = await cli('object', 'demo', '--dn', KWAME.dn, '--json')
    const mvId = (JSON.parse(object.stdout) as { metaverse: { id: string } }).metaverse.id

    const { code, stdout } = await cli(
      'fix',
      'demo',
      '--mv-id',
      mvId,
      '--attribute',
      KWAME.attribute,
      '--json',
    )

    expect(code).toBe(0)
    expect((JSON.parse(stdout) as { after: { verdict: string } }).after.verdict).toBe('OK')
  })
})
