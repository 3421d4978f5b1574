import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { DamagedEntryError, StoreFormatError } from '../../shared/store/binary'
import { CONTOSO_SERVERCONFIG, SAMPLES_SKIP_REASON, samplesAvailable } from '../../test-support/samples'
import {
  INBOUND_RULE_XML,
  OUTBOUND_RULE_XML,
  AD_CONNECTOR_XML,
} from '../../test-support/serverconfig-fixtures'
import { againIfEntryDamaged, runCli } from './run-cli'
import { openSnapshotForCli } from './open-snapshot'

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

function fixtureFolder(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-cli-'))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true })
    fs.writeFileSync(path.join(folder, name), text)
  }
  return folder
}

describe('synclens usage', () => {
  // Generating and loading the training snapshot takes seconds (tens on a busy machine); once per file.
  beforeAll(() => openSnapshotForCli('demo'), 180_000)

  it('exits 2 with the usage on standard error when no command is given', async () => {
    const { code, stdout, stderr } = await cli()
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('Usage: synclens <command> <snapshot> [options]')
  })

  it('prints the version of package.json for --version and -V', async () => {
    const version = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version
    for (const flag of ['--version', '-V']) {
      const { code, stdout } = await cli(flag)
      expect(code).toBe(0)
      expect(stdout).toBe(`${version}\n`)
    }
  })

  it('prints every command, the snapshot forms and the exit codes for --help', async () => {
    const { code, stdout } = await cli('--help')
    expect(code).toBe(0)
    for (const command of ['summary', 'rules', 'contributors', 'object', 'why', 'report', 'eval'])
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'))
    expect(stdout).toContain('demo for the built-in Contoso training snapshot')
    expect(stdout).toMatch(/^ {2}4 {2}the output file cannot be written$/m)
    expect(stdout).toMatch(/^ {2}5 {2}internal error/m)
  })

  it.each([[['why', '--help']], [['help', 'why']]])(
    '%j prints the help of why alone: its own options, not the other commands',
    async (argv) => {
      const { code, stdout } = await cli(...argv)
      expect(code).toBe(0)
      expect(stdout).toMatch(/^Usage: synclens why \[options\] <snapshot>/)
      expect(stdout).toContain('--attribute <name>')
      expect(stdout).toContain('--target <connector>')
      expect(stdout).not.toContain('--mv-attribute')
      expect(stdout).not.toContain('--format')
    },
  )

  it.each([
    [['frobnicate', 'x'], "unknown command 'frobnicate'"],
    [['summary'], "missing required argument 'snapshot'"],
    [['summary', 'x', 'y'], 'too many arguments'],
    [['rules', 'x', '--direction', 'sideways'], 'It must be inbound or outbound.'],
    [['summary', 'x', '--bogus'], "unknown option '--bogus'"],
    [['summary', 'demo', '--out', 'x', '--format', 'html'], "unknown option '--out'"],
    [['rules', 'demo', '--dn', 'x'], "unknown option '--dn'"],
    [['why', 'demo', '--dn', 'x'], "required option '--attribute <name>' not specified"],
    [['report', 'demo', '--format', 'pdf', '--out', 'x.pdf'], 'It must be html, csv, json.'],
    [['report', 'demo', '--format', 'html'], "required option '--out <file>' not specified"],
    [['eval', '1+1', '--attr', 'bad'], 'Write it as --attr NAME=VALUE'],
    [['eval', '[a]', '--param', '=x'], 'Write it as --param NAME=VALUE'],
    [['object', 'demo'], '"object" needs either --dn DN'],
    [['why', 'demo', '--mv-id', 'x', '--connector', 'y', '--attribute', 'a'], '--connector goes with --dn'],
  ])('%j exits 2 saying %s and where to find the options', async (argv, message) => {
    const { code, stdout, stderr } = await cli(...argv)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(message)
    expect(stderr).toMatch(/^synclens: /)
    expect(stderr).toMatch(/Run "synclens( \w+ --help" for its options| --help" for the commands)\.\n$/)
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 5 with one paragraph when SyncLens itself fails (not a problem of the input)', async () => {
    let stderr = ''
    const code = await runCli(['summary', 'demo'], {
      stdout: () => {
        throw new TypeError('a defect')
      },
      stderr: (text) => (stderr += text),
    })
    expect(code).toBe(5)
    expect(stderr).toBe('synclens: internal error: a defect. Please report it with the command you ran.\n')
  })
})

describe('synclens unreadable input', () => {
  it('exits 3 with one paragraph when the path does not exist', async () => {
    const { code, stderr } = await cli('summary', '/no/such/snapshot', '--json')
    expect(code).toBe(3)
    expect(stderr).toMatch(/^synclens: Cannot read \/no\/such\/snapshot: no such file or folder\./)
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })

  it.each([
    ['a DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<cs-objects></cs-objects>\n'],
    ['nesting 100,000 deep', `<cs-objects>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</cs-objects>`],
  ])('exits 3 with the reason when a file refused whole (%s) leaves nothing loaded', async (_name, text) => {
    const folder = fixtureFolder({ 'cs.xml': text })
    const { code, stdout, stderr } = await cli('summary', path.join(folder, 'cs.xml'), '--json')
    expect(code).toBe(3)
    expect(stdout).toBe('')
    expect(stderr).toMatch(
      /^synclens: Nothing in .*cs\.xml could be read, so there is nothing to show\.\n {2}cs\.xml:/,
    )
  })

  it('exits 3 naming what was expected when the folder holds no snapshot file', async () => {
    const folder = fixtureFolder({ 'readme.txt': 'hello' })
    const { code, stderr } = await cli('rules', folder)
    expect(code).toBe(3)
    expect(stderr).toContain('holds no snapshot file')
    expect(stderr).toContain('Get-ADSyncServerConfiguration')
  })
})

describe('synclens summary and rules on fixtures', () => {
  const folder = fixtureFolder({
    'Connectors/ad.xml': AD_CONNECTOR_XML,
    'SynchronizationRules/a.xml': INBOUND_RULE_XML,
    'SynchronizationRules/b.xml': OUTBOUND_RULE_XML,
    'SynchronizationRules/broken.xml': '<synchronizationRule><name>x</name>',
  })

  it('prints the documented summary JSON, with warnings for broken files', async () => {
    const { code, stdout } = await cli('summary', folder, '--json')
    const summary = JSON.parse(stdout)
    expect(code).toBe(0)
    expect(summary.connectors).toEqual([
      {
        id: 'aaaa0000-1111-4222-8333-444455556666',
        name: 'corp.example.com',
        type: 'AD',
        selectedAttributes: 3,
        csObjects: 0,
        byObjectType: {},
      },
    ])
    expect(summary.rules).toEqual({ total: 2, inbound: 1, outbound: 1, disabled: 1 })
    expect(summary.metaverse).toEqual({ objects: 0, byObjectType: {}, source: 'none' })
    expect(summary.warnings).toHaveLength(2)
    expect(summary.warnings[0]).toMatch(
      /^SynchronizationRules\/broken\.xml:1:\d+: Unclosed tag: synchronizationRule\. /,
    )
    expect(summary.warnings[1]).toMatch(
      /^SynchronizationRules\/b\.xml: Rule "Out to AAD - Staff Custom" names/,
    )
  })

  it('filters rules by direction and connector name', async () => {
    const inbound = JSON.parse((await cli('rules', folder, '--json', '--direction', 'inbound')).stdout)
    const byConnector = JSON.parse(
      (await cli('rules', folder, '--json', '--connector', 'CORP.example.com')).stdout,
    )
    expect(inbound.map((r: { name: string }) => r.name)).toEqual(['In from AD - Staff Custom'])
    expect(byConnector.map((r: { name: string }) => r.name)).toEqual(['In from AD - Staff Custom'])
  })

  it('exits 2 listing the known connectors for an unknown --connector', async () => {
    const { code, stderr } = await cli('rules', folder, '--connector', 'nope')
    expect(code).toBe(2)
    expect(stderr).toContain('Known connectors: "corp.example.com"')
  })

  it('prints a readable table without --json', async () => {
    const { stdout } = await cli('rules', folder)
    expect(stdout.split('\n')[0]).toMatch(/^Precedence\s+Name\s+Direction/)
    expect(stdout).toContain('In from AD - Staff Custom')
  })
})

describe('synclens object and why', () => {
  const dn = 'CN=Ana Lopez,OU=Staff,OU=Corp,DC=fabrikam,DC=local'
  const folder = fixtureFolder({
    'ad-space.xml': `<cs-objects>
<cs-object cs-dn="${dn}" id="{00000000-0000-4000-8000-000000000001}" object-type="user">
<connector>1</connector><mv-link lineage-type="sync-rule">{00000000-0000-4000-8000-000000000101}</mv-link>
<synchronized-hologram><entry dn="${dn}"><primary-objectclass>user</primary-objectclass>
<attr name="department" type="string" multivalued="false"><value>Sales</value></attr>
<attr name="displayName" type="string" multivalued="false"><value>Ana Lopez</value></attr>
</entry></synchronized-hologram></cs-object>
</cs-objects>`,
  })
  fs.cpSync(path.resolve('e2e/fixtures/serverconfig-small'), folder, { recursive: true })

  it('reports the object with its connectors, flows and unmapped attributes', async () => {
    const { code, stdout } = await cli('object', folder, '--dn', dn.toUpperCase(), '--json')
    const report = JSON.parse(stdout)
    expect(code).toBe(0)
    expect(report.metaverse).toMatchObject({
      id: '00000000-0000-4000-8000-000000000101',
      objectType: 'person',
    })
    expect(report.connectors).toEqual([expect.objectContaining({ connector: 'fabrikam.local', dn })])
    expect(report.importFlow.length).toBeGreaterThan(0)
    expect(report.unmapped).toContainEqual(
      expect.objectContaining({ attribute: 'department', code: 'RULE_OUT_OF_SCOPE' }),
    )
  })

  it('explains why department does not flow: the only rule mapping it is out of scope', async () => {
    const { code, stdout } = await cli('why', folder, '--dn', dn, '--attribute', 'department', '--json')
    const diagnosis = JSON.parse(stdout)
    expect(code).toBe(0)
    expect(diagnosis.verdict).toBe('RULE_OUT_OF_SCOPE')
    expect(diagnosis.steps.map((step: { code: string }) => step.code)).toContain('RULE_OUT_OF_SCOPE')
    expect(
      diagnosis.steps.find((step: { code: string }) => step.code === 'RULE_OUT_OF_SCOPE').message,
    ).toContain('In from AD - User Department (Custom)')
  })

  it('exits 1 for a DN or metaverse id that is not in the snapshot and 2 without --attribute', async () => {
    expect((await cli('why', folder, '--dn', 'CN=Nobody', '--attribute', 'x')).code).toBe(1)
    expect((await cli('object', folder, '--mv-id', '00000000-0000-4000-8000-00000000ffff')).code).toBe(1)
    expect((await cli('why', folder, '--dn', dn)).code).toBe(2)
    expect((await cli('object', folder)).code).toBe(2)
  })

  it('says why a DN is in no connector space: an excluded container, or absent from the export', async () => {
    const excluded = await cli(
      'why',
      folder,
      '--dn',
      'CN=Old,OU=Parked,DC=fabrikam,DC=local',
      '--attribute',
      'x',
    )
    const absent = await cli('object', folder, '--dn', 'CN=Nobody,OU=Staff,OU=Corp,DC=fabrikam,DC=local')

    expect(excluded.code).toBe(1)
    expect(excluded.stderr).toContain(
      'It lies under DC=fabrikam,DC=local, a container "fabrikam.local" excludes (Configure Directory Partitions).',
    )
    expect(excluded.stderr).toContain('OU_FILTERED')
    expect(absent.code).toBe(1)
    expect(absent.stderr).toContain('it is absent from the export')
  })

  it('explains the metaverse object from the connector-space object that contributes the attribute', async () => {
    const mvId = '{00000000-0000-4000-8000-000000000101}'
    const byDn = await cli('why', folder, '--dn', dn, '--attribute', 'department', '--json')
    const byMvId = await cli('why', folder, '--mv-id', mvId, '--attribute', 'department', '--json')
    const text = await cli('why', folder, '--mv-id', mvId, '--attribute', 'department')
    expect(byMvId.code).toBe(0)
    expect(JSON.parse(byMvId.stdout)).toEqual(JSON.parse(byDn.stdout))
    expect(text.stdout).toMatch(
      new RegExp(`^department of ${dn} \\(contributes it to metaverse object ${mvId}\\)\n`),
    )
  })

  it('follows the attribute to the --target connector, and exits 2 listing the connectors for an unknown one', async () => {
    const toAd = await cli(
      'why',
      folder,
      '--dn',
      dn,
      '--attribute',
      'displayName',
      '--target',
      'fabrikam.local',
      '--json',
    )
    const toEntra = await cli('why', folder, '--dn', dn, '--attribute', 'displayName', '--json')
    const unknown = await cli('why', folder, '--dn', dn, '--attribute', 'displayName', '--target', 'nope')
    expect(toAd.code).toBe(0)
    expect(JSON.parse(toAd.stdout)).not.toEqual(JSON.parse(toEntra.stdout))
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('--target: no connector "nope" in this snapshot. Known connectors:')
  })
})

describe('synclens eval', () => {
  it.each([
    [['Trim([d])', '--attr', 'd= Sales '], { value: 'Sales', kind: 'value' }],
    [['[n] + 1', '--attr', 'n=41'], { value: 42, kind: 'value' }],
    [['IIF([b], "yes", "no")', '--attr', 'b=TRUE'], { value: 'yes', kind: 'value' }],
    [['Count([p])', '--attr', 'p=SMTP:a@x', '--attr', 'p=smtp:b@x'], { value: 2, kind: 'value' }],
    [['Trim([p])', '--attr', 'p= a', '--attr', 'p=b '], { value: ['a', 'b'], kind: 'value' }],
    [['%Domain.FQDN%', '--param', 'Domain.FQDN=contoso.com'], { value: 'contoso.com', kind: 'value' }],
    [['IIF(IsPresent([x]), [x], NULL)'], { value: null, kind: 'null' }],
    [['AuthoritativeNull'], { value: null, kind: 'authoritativeNull' }],
    [['IgnoreThisFlow'], { value: null, kind: 'ignoreThisFlow' }],
  ])('%j prints %j', async (args, expected) => {
    const { code, stdout } = await cli('eval', ...args, '--json')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual(expected)
  })

  it('exits 3 with the error and its position', async () => {
    const { code, stdout } = await cli('eval', 'Trim([a]', '--json')
    expect(code).toBe(3)
    expect(JSON.parse(stdout)).toMatchObject({ position: expect.any(Number), error: expect.any(String) })
  })

  it('exits 3 when the expression raises Error(), with valid --attr values', async () => {
    const { code, stdout } = await cli('eval', 'Error("boom")', '--json')
    expect(code).toBe(3)
    expect(JSON.parse(stdout).error).toContain('boom')
  })

  it('points at the error position without --json', async () => {
    const { code, stderr } = await cli('eval', 'Left("abc", )')
    expect(code).toBe(3)
    expect(stderr).toMatch(/\^\n$/)
  })
})

describe.skipIf(!samplesAvailable)(`synclens on the real Contoso export (${SAMPLES_SKIP_REASON})`, () => {
  it('summarizes 62 rules and 2 connectors', async () => {
    const { code, stdout } = await cli('summary', CONTOSO_SERVERCONFIG, '--json')
    const summary = JSON.parse(stdout)
    expect(code).toBe(0)
    expect(summary.rules).toEqual({ total: 62, inbound: 28, outbound: 34, disabled: 0 })
    expect(summary.connectors.map((c: { name: string; type: string }) => [c.name, c.type])).toEqual([
      ['contoso.com', 'AD'],
      ['contoso.onmicrosoft.com - AAD', 'AAD'],
    ])
    expect(summary.warnings).toEqual([])
  })

  it('lists inbound rules in precedence order with model field names', async () => {
    const rules = JSON.parse(
      (await cli('rules', CONTOSO_SERVERCONFIG, '--json', '--direction', 'inbound')).stdout,
    )
    expect(rules).toHaveLength(28)
    expect(rules[0]).toMatchObject({ name: 'In from AD - User Join', precedence: 100, linkType: 'Provision' })
    expect(Object.keys(rules[0])).toEqual(
      expect.arrayContaining([
        'id',
        'scopeGroups',
        'joinGroups',
        'flows',
        'enablePasswordSync',
        'immutableTag',
      ]),
    )
    const precedences = rules.map((r: { precedence: number }) => r.precedence)
    expect(precedences).toEqual([...precedences].sort((a, b) => a - b))
  })

  it('ranks the inbound contributors of person extensionAttribute1 and lists its outbound flows', async () => {
    const { code, stdout } = await cli(
      'contributors',
      CONTOSO_SERVERCONFIG,
      '--mv-attribute',
      'extensionAttribute1',
      '--object-type',
      'person',
      '--json',
    )
    const report = JSON.parse(stdout)
    expect(code).toBe(0)
    expect(report.inbound.map((c: { precedence: number }) => c.precedence)).toEqual([
      104, 105, 106, 107, 108, 109, 116,
    ])
    expect(report.inbound[0]).toMatchObject({ rank: 1, rule: 'In from AD - User Common from Exchange' })
    expect(report.inbound.at(-1)).toMatchObject({ rank: 7, rule: 'In from AD - Contact Common' })
    expect(report.outbound.map((c: { precedence: number }) => c.precedence)).toEqual([125, 129, 133, 137])
  })
})

describe('a reopen cache entry found damaged while a command runs', () => {
  const damaged = (removed: boolean): DamagedEntryError =>
    new DamagedEntryError(`the reopen cache entry was damaged`, 'damaged block', removed)
  function io(): { stderr: string[]; io: Parameters<typeof againIfEntryDamaged>[2] } {
    const stderr: string[] = []
    return { stderr, io: { stdout: () => undefined, stderr: (text) => stderr.push(text) } }
  }

  it('runs the command once more, from the files, once the entry was removed, and says so', async () => {
    const said = io()
    let runs = 0
    const code = await againIfEntryDamaged(
      () => {
        runs += 1
        if (runs === 1) throw damaged(true)
        return 0
      },
      { written: false },
      said.io,
    )
    expect([code, runs]).toEqual([0, 2])
    expect(said.stderr.join('')).toMatch(
      /reopen cache entry of this snapshot was damaged \(damaged block\) and has been removed; reading the snapshot from its files/,
    )
  })

  it.each([
    ['after output was written', true, { written: true }],
    ['where the entry could not be removed', false, { written: false }],
  ])('reports the damage as it is %s', async (_, removed, output) => {
    const said = io()
    let runs = 0
    const run = againIfEntryDamaged(
      () => {
        runs += 1
        throw damaged(removed)
      },
      output,
      said.io,
    )
    await expect(run).rejects.toBeInstanceOf(DamagedEntryError)
    expect(runs).toBe(1)
    expect(said.stderr).toEqual([])
  })

  it('runs once more only: a second damage is reported', async () => {
    let runs = 0
    const run = againIfEntryDamaged(
      () => {
        runs += 1
        throw damaged(true)
      },
      { written: false },
      io().io,
    )
    await expect(run).rejects.toBeInstanceOf(DamagedEntryError)
    expect(runs).toBe(2)
  })

  it('leaves every other failure to the caller', async () => {
    const run = againIfEntryDamaged(
      () => {
        throw new StoreFormatError('store format 4, expected 5')
      },
      { written: false },
      io().io,
    )
    await expect(run).rejects.toThrow('store format 4')
  })
})
