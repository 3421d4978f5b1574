import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Comparison, ObjectComparison } from '../../../shared/compare/index'
import { generateTrainingFiles } from '../../../shared/training/index'
import { CONTOSO_SERVERCONFIG, SAMPLES_SKIP_REASON, samplesAvailable } from '../../../test-support/samples'
import { runCli } from '../run-cli'

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true })
})

function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-compare-'))
  folders.push(folder)
  return folder
}

/** The rule files of the Contoso export that the test edits. */
const COMMON_FROM_EXCHANGE =
  'SynchronizationRules/SynchronizationRule_{6fff723b-9f17-4fae-9b26-578b7d15c72f}.xml'
const COMMON = 'SynchronizationRules/SynchronizationRule_{c93c2c84-f29f-4d43-bc3b-fa439a2fb1c1}.xml'

/** A copy of the Contoso configuration (and, when given, the training snapshot's objects moved onto its connectors). */
function contosoCopy(options: { readonly edited: boolean; readonly objects: boolean }): string {
  const folder = tempFolder()
  fs.cpSync(CONTOSO_SERVERCONFIG, folder, { recursive: true })
  if (options.edited) {
    const edit = (file: string, from: string, to: string): void => {
      const full = path.join(folder, file)
      const text = fs.readFileSync(full, 'utf8')
      if (!text.includes(from)) throw new Error(`${file} no longer holds ${from}`)
      fs.writeFileSync(full, text.replace(from, to))
    }
    edit(COMMON_FROM_EXCHANGE, '<precedence>104</precedence>', '<precedence>107</precedence>')
    edit(
      COMMON,
      '<expression>Trim([department])</expression>',
      '<expression>UCase(Trim([department]))</expression>',
    )
  }
  if (options.objects) {
    generateTrainingFiles({ users: 40 }, (file, chunk) => {
      if (!file.startsWith('ConnectorSpaces/') && !file.startsWith('Metaverse/') && file !== 'snapshot.json')
        return
      const target = path.join(folder, file)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      // The training AD connector's id becomes the Contoso export's, so its objects belong to that connector.
      fs.appendFileSync(
        target,
        chunk.replaceAll('2006a2fa-a395-4c86-a86f-58837ab17e2e', 'ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d'),
      )
    })
  }
  return folder
}

describe.skipIf(!samplesAvailable)(
  `synclens compare on the Contoso-2016 export (${SAMPLES_SKIP_REASON})`,
  () => {
    it('reports exactly a changed precedence and a changed expression', async () => {
      const { code, stdout } = await cli(
        'compare',
        CONTOSO_SERVERCONFIG,
        contosoCopy({ edited: true, objects: false }),
        '--json',
      )
      expect(code).toBe(0)
      const comparison = JSON.parse(stdout) as Comparison
      expect(comparison.configuration.differenceCount).toBe(2)
      expect(
        comparison.configuration.rules.map((rule) => [
          rule.b?.name,
          rule.differences.map((d) => [d.path.join('/'), d.before, d.after]),
        ]),
      ).toEqual([
        [
          'In from AD - User Common',
          [['transformations/department/expression', 'Trim([department])', 'UCase(Trim([department]))']],
        ],
        ['In from AD - User Common from Exchange', [['precedence', '104', '107']]],
      ])
      expect(
        comparison.configuration.connectors.every((connector) => connector.differences.length === 0),
      ).toBe(true)
      expect([comparison.configuration.schema, comparison.configuration.settings]).toEqual([[], []])
      expect(comparison.impact).toBeNull()
    })

    it('finds no difference, and no out-of-box edit, between the export and a copy of it', async () => {
      const { code, stdout } = await cli(
        'compare',
        CONTOSO_SERVERCONFIG,
        contosoCopy({ edited: false, objects: false }),
      )
      expect(code).toBe(0)
      expect(stdout).toContain('\n0 configuration differences.\n')
      expect(stdout).toContain('Out-of-box rules edited in place: none')
    })

    it("with the training snapshot's objects, lists the Entra ID attributes that change", async () => {
      const before = contosoCopy({ edited: false, objects: true })
      const after = contosoCopy({ edited: true, objects: false })
      const { code, stdout } = await cli('compare', before, after, '--impact', '--json')
      expect(code).toBe(0)
      const { impact } = JSON.parse(stdout) as Comparison
      expect(impact?.mode).toBe('a-objects')
      expect(impact?.counts.objectsCompared).toBeGreaterThan(40)
      expect(impact?.byAttribute.map((entry) => entry.attribute)).toEqual(['department'])
      const ana = impact?.objects.find((object) => object.dn.startsWith('CN=Ana Trujillo,'))
      expect(
        ana?.changes.map((change) => [
          change.attribute,
          change.before,
          change.after,
          change.afterInboundRule?.name,
        ]),
      ).toEqual([
        [
          'department',
          { kind: 'values', values: ['Sales'] },
          { kind: 'values', values: ['SALES'] },
          'In from AD - User Common',
        ],
      ])

      const text = await cli('compare', before, after, '--impact')
      expect(text.stdout).toMatch(/By attribute: department \d+/)
      expect(text.stdout).toContain('department: Sales -> SALES')
    }, 120_000)

    it("shows one object's Entra ID attributes under both configurations", async () => {
      const before = contosoCopy({ edited: false, objects: true })
      const after = contosoCopy({ edited: true, objects: false })
      const dn = 'CN=Ana Trujillo,OU=Sales,OU=Users,OU=Corp,DC=contoso,DC=com'
      const { code, stdout } = await cli('compare', before, after, '--object', dn, '--json')
      expect(code).toBe(0)
      const { object } = JSON.parse(stdout) as Comparison & { object: ObjectComparison }
      expect(
        object.attributes.filter((attribute) => attribute.changed).map((attribute) => attribute.attribute),
      ).toEqual(['department'])
      expect(object.attributes.length).toBeGreaterThan(50)
    }, 120_000)

    it('writes a report a change board can read without SyncLens', async () => {
      const out = path.join(tempFolder(), 'comparison.html')
      const { code, stdout } = await cli(
        'compare',
        CONTOSO_SERVERCONFIG,
        contosoCopy({ edited: true, objects: false }),
        '--format',
        'html',
        '--out',
        out,
      )
      expect(code).toBe(0)
      expect(stdout).toMatch(
        /^Wrote the HTML comparison of Contoso-2016 \(A\) and .+ \(B\) to .+: 2 configuration differences\.\n$/,
      )
      const html = fs.readFileSync(out, 'utf8')
      expect(html).toContain('<td class="n">62</td>')
      expect(html).not.toMatch(/<script/i)
      const again = await cli(
        'compare',
        CONTOSO_SERVERCONFIG,
        CONTOSO_SERVERCONFIG,
        '--format',
        'html',
        '--out',
        out,
      )
      expect(again.code).toBe(4)
      expect(again.stderr).toContain('--force')
      const inside = await cli(
        'compare',
        CONTOSO_SERVERCONFIG,
        CONTOSO_SERVERCONFIG,
        '--format',
        'html',
        '--out',
        path.join(CONTOSO_SERVERCONFIG, 'comparison.html'),
      )
      expect(inside.code).toBe(2)
      expect(inside.stderr).toContain('never writes into a')
    })
  },
)

describe('synclens compare usage', () => {
  it.each([
    [['compare', 'demo'], "missing required argument 'B'"],
    [['compare', 'demo', 'demo', 'extra'], "too many arguments for 'compare'"],
    [['compare', 'demo', 'demo', '--format', 'csv', '--out', 'x'], 'Allowed choices are html, json'],
    [['compare', 'demo', 'demo', '--format', 'html'], 'needs --out FILE'],
    [['compare', 'demo', 'demo', '--out', 'x.html'], 'needs --format html|json'],
    [['compare', 'demo', 'demo', '--connector', 'contoso.com'], '--connector goes with --object DN'],
  ])('%j exits 2 saying %s', async (argv, message) => {
    const { code, stderr } = await cli(...argv)
    expect(code).toBe(2)
    expect(stderr).toContain(message)
  })

  it('exits 1 when --object names no object', async () => {
    const { code, stderr } = await cli('compare', 'demo', 'demo', '--object', 'CN=Nobody,DC=contoso,DC=com')
    expect(code).toBe(1)
    expect(stderr).toContain('No object with DN "CN=Nobody,DC=contoso,DC=com"')
  })

  it('compares the training snapshot with itself: no difference, no impact', async () => {
    const { code, stdout } = await cli('compare', 'demo', 'demo', '--impact')
    expect(code).toBe(0)
    expect(stdout).toContain('\n0 configuration differences.\n')
    expect(stdout).toMatch(
      /objects compared in .*: 0 objects change in Entra ID \(0 attributes\), 0 provisioned, 0 deleted, 0 disconnected\./,
    )
  })
})

describe('synclens compare with a configuration file that cannot be read', () => {
  it('says so before the differences, naming the file, so a missing rule is not taken for a removed one', async () => {
    const folder = tempFolder()
    generateTrainingFiles({ users: 5 }, (file, chunk) => {
      if (!file.startsWith('SynchronizationRules/') && !file.startsWith('Connectors/')) return
      const target = path.join(folder, file)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.appendFileSync(target, chunk)
    })
    const rules = path.join(folder, 'SynchronizationRules')
    const broken = fs.readdirSync(rules).find((name) => {
      const text = fs.readFileSync(path.join(rules, name), 'utf8')
      return text.includes('<name>Out to AAD - Group Identity</name>')
    })
    if (broken === undefined)
      throw new Error('The training snapshot no longer has "Out to AAD - Group Identity"')
    const full = path.join(rules, broken)
    fs.writeFileSync(full, fs.readFileSync(full, 'utf8').slice(0, 300))

    const { code, stdout } = await cli('compare', 'demo', folder)
    expect(code).toBe(0)
    const [header = '', rest = ''] = stdout.split(/configuration differences?\./)
    expect(header).toContain('Warning: B has 1 problem in its configuration files')
    expect(header).toContain(`SynchronizationRules/${broken}:`)
    expect(rest).toContain(
      'Out to AAD - Group Identity (contoso.onmicrosoft.com - AAD, precedence 120, only in A)',
    )

    const json = await cli('compare', 'demo', folder, '--json')
    const comparison = JSON.parse(json.stdout) as Comparison
    expect([comparison.a.configurationWarningCount, comparison.b.configurationWarningCount]).toEqual([0, 1])
  })
})
