import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  CONNECTOR_SPACE_FIELDS,
  MANIFEST_FIELDS,
  MANIFEST_FILE_NAME,
} from '../shared/formats/manifest/manifest'
import { parsePowerShell } from '../shared/formats/ps1/ps-parser'
import {
  type PsCommand,
  type PsHashEntry,
  type PsKeywordStatement,
  type PsStatement,
  type PsValue,
  visitSyntax,
} from '../shared/formats/ps1/ps-syntax'

const SCRIPT = fs.readFileSync(new URL('./Export-SyncLensSnapshot.ps1', import.meta.url), 'utf8')
const PARSED = parsePowerShell(SCRIPT)

/** Verbs that read, format, or write only to the output streams and the snapshot folder. */
const READ_ONLY_VERBS = new Set([
  'ConvertFrom',
  'ConvertTo',
  'Get',
  'Import',
  'Join',
  'Resolve',
  'Select',
  'Split',
  'Test',
  'Where',
  'Write',
  'ForEach',
  'Measure',
  'Sort',
  'Compress',
])
/** Commands with other verbs that are safe for a reason stated next to each. */
const ALLOWED_EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['Set-StrictMode', 'changes only the script session'],
  ['New-Object', 'constructs .NET objects in memory'],
  ['New-Item', 'creates folders under -OutputPath (checked below)'],
])
/** Verbs that change a server, a service or files outside the snapshot. */
const FORBIDDEN_VERBS = [
  'Set',
  'Start',
  'Sync',
  'Invoke',
  'Remove',
  'Add',
  'Stop',
  'Enable',
  'Disable',
  'Register',
]
/** Common aliases: the script must spell every command out. */
const ALIASES = new Set(
  [
    '%',
    '?',
    'foreach',
    'where',
    'select',
    'sort',
    'measure',
    'ls',
    'dir',
    'gci',
    'gi',
    'gp',
    'ni',
    'md',
    'mkdir',
    'cd',
    'echo',
    'write',
    'iex',
    'icm',
    'rm',
    'del',
    'ri',
    'cat',
    'gc',
    'sc',
    'ac',
    'sp',
    'saps',
    'start',
    'sleep',
    'type',
    'copy',
    'cp',
    'move',
    'mv',
    'ft',
    'fl',
    'tee',
  ].map((alias) => alias.toLowerCase()),
)

function allStatements(): PsStatement[] {
  const statements: PsStatement[] = []
  visitSyntax(PARSED.statements, { statement: (statement) => statements.push(statement) })
  return statements
}

function commands(): PsCommand[] {
  return allStatements().filter((statement): statement is PsCommand => statement.kind === 'command')
}

function definedFunctions(): string[] {
  return allStatements()
    .filter((statement): statement is PsKeywordStatement => statement.kind === 'keyword')
    .filter((statement) => statement.keyword === 'function')
    .map((statement) => {
      const name = statement.parts[0]
      return name?.kind === 'string' ? name.value : ''
    })
}

function hashtablesWithKey(key: string): (readonly PsHashEntry[])[] {
  const found: (readonly PsHashEntry[])[] = []
  visitSyntax(PARSED.statements, {
    value: (value: PsValue) => {
      if (value.kind === 'hashtable' && value.entries.some((entry) => entry.key === key))
        found.push(value.entries)
    },
  })
  return found
}

function parameterNames(command: PsCommand): string[] {
  return command.arguments.flatMap((argument) => (argument.kind === 'parameter' ? [argument.name] : []))
}

function scriptParameters(): string[] {
  const param = PARSED.statements.find(
    (statement): statement is PsKeywordStatement =>
      statement.kind === 'keyword' && statement.keyword === 'param',
  )
  const block = param?.parts[0]
  if (block?.kind !== 'block') return []
  const names: string[] = []
  const collect = (value: PsValue): void => {
    if (value.kind === 'list') value.items.forEach(collect)
    if (value.kind === 'expression') {
      const last = value.parts[value.parts.length - 1]
      if (last?.kind === 'variable' && value.parts.slice(0, -1).every((part) => part.kind === 'type')) {
        names.push(last.name)
      }
    }
  }
  for (const statement of block.statements)
    if (statement.kind === 'expression') statement.values.forEach(collect)
  return names
}

describe('collector/Export-SyncLensSnapshot.ps1', () => {
  it('parses without syntax errors', () => {
    expect(PARSED.diagnostics).toEqual([])
  })

  it('calls only commands with read-only verbs, its own functions or the listed exceptions', () => {
    const own = new Set(definedFunctions())

    const offending = commands()
      .filter((command) => command.invocation === 'direct' && !own.has(command.name))
      .map((command) => command.name)
      .filter((name) => !ALLOWED_EXCEPTIONS.has(name) && !READ_ONLY_VERBS.has(name.split('-')[0] ?? ''))

    expect(offending).toEqual([])
  })

  it('never calls a command with a verb that changes the server', () => {
    const names = commands().map((command) => command.name)

    const forbidden = names.filter((name) => FORBIDDEN_VERBS.includes(name.split('-')[0] ?? ''))

    expect(forbidden).toEqual(['Set-StrictMode'])
  })

  it('names its own functions with read-only verbs too', () => {
    const functions = definedFunctions()

    expect(functions.length).toBeGreaterThan(0)
    expect(functions.filter((name) => !READ_ONLY_VERBS.has(name.split('-')[0] ?? ''))).toEqual([])
  })

  it('runs no external program other than csexport.exe and dot-sources nothing', () => {
    const indirect = commands().filter((command) => command.invocation !== 'direct')

    expect(indirect.map((command) => [command.invocation, command.arguments[0]])).toEqual([
      [
        'call',
        expect.objectContaining({ kind: 'value', value: expect.objectContaining({ name: 'CsExportPath' }) }),
      ],
    ])
    expect(SCRIPT).toMatch(/Join-Path -Path \$installPath -ChildPath 'Bin\\csexport\.exe'/)
  })

  it('creates only directories with New-Item', () => {
    const newItems = commands().filter((command) => command.name === 'New-Item')

    expect(newItems.length).toBeGreaterThan(0)
    for (const command of newItems) {
      const itemType = command.arguments.findIndex(
        (argument) => argument.kind === 'parameter' && argument.name === 'ItemType',
      )
      expect(command.arguments[itemType + 1]).toMatchObject({ kind: 'value', value: { value: 'Directory' } })
    }
  })

  it('uses no aliases: every command is a full Verb-Noun name', () => {
    const names = commands()
      .filter((command) => command.invocation === 'direct')
      .map((command) => command.name)

    expect(names.filter((name) => ALIASES.has(name.toLowerCase()))).toEqual([])
    expect(names.filter((name) => !/^[A-Z][A-Za-z]+-[A-Z][A-Za-z]+$/.test(name))).toEqual([])
  })

  it('writes a manifest whose keys are exactly those of SnapshotManifest, in order', () => {
    const manifests = hashtablesWithKey('synclensSnapshot')

    expect(manifests).toHaveLength(1)
    expect(manifests[0]?.map((entry) => entry.key)).toEqual([...MANIFEST_FIELDS])
    expect(SCRIPT).toContain(`-ChildPath '${MANIFEST_FILE_NAME}'`)
  })

  it('writes connector space entries whose keys are exactly those of ManifestConnectorSpace', () => {
    const entries = hashtablesWithKey('connectorId')

    expect(entries).toHaveLength(1)
    expect(entries[0]?.map((entry) => entry.key)).toEqual([...CONNECTOR_SPACE_FIELDS])
  })

  it('turns on strict mode and stops on the first error before doing anything else', () => {
    const param = PARSED.statements.findIndex(
      (statement) => statement.kind === 'keyword' && statement.keyword === 'param',
    )

    const first = PARSED.statements[param + 1]

    expect(first).toMatchObject({ kind: 'command', name: 'Set-StrictMode' })
    expect(parameterNames(first as PsCommand)).toEqual(['Version'])
    expect(SCRIPT).toMatch(/^Set-StrictMode -Version Latest\r?\n\$ErrorActionPreference = 'Stop'$/m)
  })

  it('documents every parameter in its comment-based help', () => {
    const help = /<#([\s\S]*?)#>/.exec(SCRIPT)?.[1] ?? ''

    const documented = [...help.matchAll(/^\.PARAMETER (\w+)$/gm)].map((match) => match[1])

    expect(help).toMatch(/^\.SYNOPSIS$/m)
    expect(help).toMatch(/^\.DESCRIPTION$/m)
    expect(help).toMatch(/^\.EXAMPLE$/m)
    expect(help).toContain('DIRECTORY DATA')
    expect(help).toMatch(/Handle it with care/)
    expect(scriptParameters()).toEqual([
      'OutputPath',
      'Zip',
      'IncludeMetaverse',
      'MaxMetaverseObjects',
      'ConnectorName',
      'CsExportFilter',
      'DistinguishedNameFilter',
      'Notes',
    ])
    expect(documented).toEqual(scriptParameters())
  })

  it('stops with a clear message when not elevated or when the ADSync module is missing', () => {
    const throws = allStatements().filter(
      (statement): statement is PsKeywordStatement =>
        statement.kind === 'keyword' && statement.keyword === 'throw',
    )

    const messages = throws.flatMap((statement) => {
      const texts: string[] = []
      visitSyntax([statement], {
        value: (value) => (value.kind === 'string' ? texts.push(value.value) : undefined),
      })
      return texts
    })
    expect(messages.some((message) => message.includes('elevated'))).toBe(true)
    expect(messages.some((message) => message.includes('ADSync PowerShell module was not found'))).toBe(true)
  })

  it('shows progress', () => {
    expect(commands().filter((command) => command.name === 'Write-Progress').length).toBeGreaterThanOrEqual(3)
  })
})
