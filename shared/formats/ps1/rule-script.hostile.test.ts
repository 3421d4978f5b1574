import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzParameters, mutatedText } from '../../../test-support/fuzz'
import { MAX_STATEMENT_TOKENS } from './ps-parser'
import { MAX_LITERAL_LENGTH, MAX_TOKEN_LENGTH } from './ps-tokenizer'
import { MAX_SCRIPT_STATEMENTS, parseRuleScript } from './rule-script'
import { MAX_EXPRESSION_LENGTH } from '../../expression/limits'

const FIXTURE = fs.readFileSync(path.join(__dirname, 'fixtures', 'inbound-contractor.ps1'), 'utf8')

describe('parseRuleScript on hostile scripts', () => {
  it('returns rules and positioned issues for mutated real exports', () => {
    fc.assert(
      fc.property(mutatedText(fc.constant(FIXTURE)), (text) => {
        const result = parseRuleScript(text, 'fuzz.ps1')

        for (const issue of result.issues) {
          expect(issue.file).toBe('fuzz.ps1')
          expect(issue.message).not.toMatch(/internal error/)
        }
      }),
      fuzzParameters(1500),
    )
  })

  it('never runs what the script asks for, whatever it contains', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-ps-'))
    const marker = path.join(folder, 'ran.txt')
    const script = [
      `Set-Content -Path '${marker}' -Value 'ran'`,
      `New-Item -ItemType File -Path "${marker}"`,
      `Invoke-Expression "Set-Content '${marker}' x"`,
      `$name = "$(Set-Content '${marker}' x)"`,
      `Start-Process -FilePath 'sh' -ArgumentList '-c','touch ${marker}'`,
      `& { Remove-Item -Recurse -Force '${folder}' }`,
      FIXTURE.replace("-Name 'In from AD - Contractor Join'", `-Name $(Set-Content '${marker}' x)`),
    ].join('\n')

    const result = parseRuleScript(script, 'evil.ps1')

    expect(fs.existsSync(marker)).toBe(false)
    expect(fs.existsSync(folder)).toBe(true)
    expect(result.issues.length).toBeGreaterThan(0)
    fs.rmSync(folder, { recursive: true })
  })

  it.each([
    ['a here-string that never ends', `${FIXTURE}\n$x = @'\nno end`],
    ['ten thousand nested sub-expressions', `New-ADSyncRule -Name ${'$('.repeat(10_000)}`],
    ['ten thousand nested arrays', `New-ADSyncRule -Name ${'@('.repeat(10_000)}${')'.repeat(10_000)}`],
    ['a million backticks', `New-ADSyncRule -Name ${'`'.repeat(1_000_000)}`],
  ])('reads %s to an issue', (_label, text) => {
    const result = parseRuleScript(text, 'deep.ps1')

    expect(result.issues.length).toBeGreaterThan(0)
    expect(result.issues.map((issue) => issue.message).join('\n')).not.toMatch(/internal error/)
  })

  it('stops after the statement cap with an error at the first statement not read', () => {
    const lines = [FIXTURE]
    for (let index = 0; index < MAX_SCRIPT_STATEMENTS + 10; index++) lines.push(`$x${index % 10} = 'v'`)

    const result = parseRuleScript(lines.join('\n'), 'long.ps1')

    expect(result.rules.map((rule) => rule.name)).toEqual(['In from AD - Contractor Join'])
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        line: expect.any(Number),
        message: expect.stringMatching(
          /^The script has more than 200,000 statements; SyncLens stopped reading here/,
        ),
      }),
    )
  })

  it.each([
    ['word', `New-ADSyncRule -Name ${'w'.repeat(MAX_TOKEN_LENGTH + 1)}`, 65_537],
    ['variable name', `New-ADSyncRule -Name $${'v'.repeat(MAX_TOKEN_LENGTH + 1)}`, 65_537],
    ['string', `New-ADSyncRule -Name '${'s'.repeat(MAX_LITERAL_LENGTH + 1)}'`, 1_048_577],
    ['string', `New-ADSyncRule -Name "${'d'.repeat(MAX_LITERAL_LENGTH + 1)}"`, 1_048_577],
  ])('cuts a %s past its cap and reports it where it starts', (what, text, length) => {
    const result = parseRuleScript(text, 'big.ps1')

    const issue = result.issues.find((candidate) => candidate.message.startsWith(`This ${what} is`))
    expect(issue).toMatchObject({ severity: 'error', line: 1, column: 22 })
    expect(issue?.message).toContain(`${length.toLocaleString('en-US')} characters long`)
    expect(result.rules).toEqual([])
    for (const other of result.issues) expect(other.message.length).toBeLessThanOrEqual(2000)
  })

  it('skips a statement of more parts than the cap, then reads on', () => {
    const huge = `Write-Host ${'a '.repeat(MAX_STATEMENT_TOKENS + 5)}`
    const text = [huge, FIXTURE].join('\n')

    const result = parseRuleScript(text, 'wide.ps1')

    expect(result.issues[0]).toMatchObject({
      severity: 'error',
      line: 1,
      message: expect.stringMatching(/^This statement has more than 50,000 parts; SyncLens skipped it/),
    })
    expect(result.rules.map((rule) => rule.name)).toEqual(['In from AD - Contractor Join'])
  })

  it('leaves out a rule whose expression is longer than the cap, saying where', () => {
    const long = `"${'x'.repeat(MAX_EXPRESSION_LENGTH)}"`
    const text = FIXTURE.replace("-Expression 'IIF(", `-Expression '${long} & IIF(`)

    const result = parseRuleScript(text, 'expr.ps1')

    expect(result.rules).toEqual([])
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(
          /the -Expression of the mapping to company is 262,\d{3} characters long/,
        ),
      }),
    )
  })
})
