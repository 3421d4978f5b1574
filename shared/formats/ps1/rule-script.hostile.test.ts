import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzParameters, mutatedText } from '../../../test-support/fuzz'
import { parseRuleScript } from './rule-script'

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
})
