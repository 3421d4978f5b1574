import { describe, expect, it } from 'vitest'
import { listItems, literalText } from './ps-literals'
import { parsePowerShell } from './ps-parser'
import { type PsCommand, type PsStatement, visitSyntax } from './ps-syntax'

/** Every command anywhere in the script, as `name` or `name (call|dot|piped|=var)`. */
function commands(text: string): string[] {
  const found: string[] = []
  visitSyntax(parsePowerShell(text).statements, {
    statement: (statement) => {
      if (statement.kind !== 'command') return
      const notes = [
        statement.invocation === 'direct' ? null : statement.invocation,
        statement.piped ? 'piped' : null,
        statement.assignedTo === null ? null : `=${statement.assignedTo}`,
      ].filter((note) => note !== null)
      found.push(notes.length === 0 ? statement.name : `${statement.name} (${notes.join(' ')})`)
    },
  })
  return found
}

function onlyCommand(statements: readonly PsStatement[]): PsCommand {
  const [statement] = statements
  if (statement?.kind !== 'command')
    throw new Error(`expected a command, got ${statement?.kind ?? 'nothing'}`)
  return statement
}

describe('parsePowerShell', () => {
  it('reads a command with parameters, switches and a multi-line array', () => {
    const script =
      "Add-ADSyncAttributeFlowMapping  `\n-Source @('a',\n  'b'\n  'c') `\n-ExecuteOnce  `\n-Name 'x'"

    const { statements, diagnostics } = parsePowerShell(script)

    const command = onlyCommand(statements)
    expect(diagnostics).toEqual([])
    expect(command.name).toBe('Add-ADSyncAttributeFlowMapping')
    expect(command.arguments.map((argument) => argument.kind)).toEqual([
      'parameter',
      'value',
      'parameter',
      'parameter',
      'value',
    ])
    const source = command.arguments[1]
    expect(source?.kind === 'value' ? listItems(source.value).map(literalText) : null).toEqual([
      'a',
      'b',
      'c',
    ])
  })

  it('reads a comma-separated argument list as one list value', () => {
    const command = onlyCommand(parsePowerShell("New-Object -ArgumentList 'a','','OP',$false").statements)

    const list = command.arguments[1]
    expect(list?.kind === 'value' ? listItems(list.value).map((item) => item.kind) : null).toEqual([
      'string',
      'string',
      'string',
      'boolean',
    ])
  })

  it('reads an indexed variable as one value', () => {
    const command = onlyCommand(
      parsePowerShell('Add-ADSyncRule -SynchronizationRule $syncRule[0]').statements,
    )

    expect(command.arguments[1]).toMatchObject({
      kind: 'value',
      value: { kind: 'variable', name: 'syncRule', index: 0 },
    })
  })

  it('keeps the -Name:value form on the parameter', () => {
    const command = onlyCommand(parsePowerShell('New-ADSyncRule -Disabled:$false -Name:x').statements)

    expect(command.arguments).toMatchObject([
      { kind: 'parameter', name: 'Disabled', colonValue: { kind: 'boolean', value: false } },
      { kind: 'parameter', name: 'Name', colonValue: { kind: 'string', value: 'x', quote: 'bare' } },
    ])
  })

  it.each([
    ['Get-ADSyncRule | Remove-ADSyncRule', ['Get-ADSyncRule', 'Remove-ADSyncRule (piped)']],
    ['$rules = Get-ADSyncRule', ['Get-ADSyncRule (=rules)']],
    ['& calc.exe /c', ['calc.exe (call)']],
    ['& { Remove-Item x }', [' (call)', 'Remove-Item']],
    ['. .\\helper.ps1', ['.\\helper.ps1 (dot)']],
    ['$(Remove-Item C:\\x)', ['Remove-Item']],
    ['Write-Host "$(Invoke-Expression \'x\')"', ['Write-Host']],
    ['if (-not (Test-Path $p)) { throw "no" }\nelse\n{ Write-Host ok }', ['Test-Path', 'Write-Host']],
    [
      'foreach ($c in @(Get-ADSyncConnector)) { csexport.exe $c.Name }',
      ['Get-ADSyncConnector', 'csexport.exe'],
    ],
    [
      'Get-X | foreach { Write-Output $_ } | where { $_ }',
      ['Get-X', 'foreach (piped)', 'Write-Output', 'where (piped)'],
    ],
    ['function Get-Thing { return Get-ChildItem }', ['Get-ChildItem']],
    ['param([ValidateScript({ Test-Path $_ })][string]$P = (Join-Path a b))', ['Test-Path', 'Join-Path']],
    ['[Parameter(Mandatory = $true)]$x', []],
    ['$m = [ordered]@{ a = 1; b = (Get-Date) }', ['Get-Date']],
    ['[IO.File]::WriteAllText($p, (ConvertTo-Json $m))', ['ConvertTo-Json']],
    ['$writer.WriteLine($xml)', []],
    [
      'try { Get-A } catch [Exception] { Write-Warning $_ } finally { $w.Dispose() }',
      ['Get-A', 'Write-Warning'],
    ],
  ])('finds the commands of %j', (script, expected) => {
    expect(commands(script)).toEqual(expected)
  })

  it('reads hashtable keys, including quoted ones', () => {
    const { statements } = parsePowerShell("@{ server = 'a'\n 'exported At' = 1; n = $null }")

    const keys: string[] = []
    visitSyntax(statements, {
      value: (value) => {
        if (value.kind === 'hashtable') keys.push(...value.entries.map((entry) => entry.key))
      },
    })
    expect(keys).toEqual(['server', 'exported At', 'n'])
  })

  it.each([
    ['Get-X (a', 'Expected ")" to close the "(" opened at line 1, column 7.'],
    ['Get-X }', 'Unexpected "}": there is no opening bracket for it.'],
    ['@{ a }', 'Expected "=" after the hashtable key "a".'],
    ['[string', 'Expected "]" to close this type name.'],
    ['| Get-X', 'Unexpected "|": expected a command before it.'],
  ])('reports %j', (script, message) => {
    const { diagnostics } = parsePowerShell(script)

    expect(diagnostics.map((diagnostic) => diagnostic.message)).toContain(message)
  })

  it('stops descending past the nesting limit instead of overflowing the stack', () => {
    const script = `${'('.repeat(5000)}Get-X${')'.repeat(5000)}`

    const { diagnostics } = parsePowerShell(script)

    expect(diagnostics.some((diagnostic) => diagnostic.message.startsWith('Nested more than'))).toBe(true)
  })
})
