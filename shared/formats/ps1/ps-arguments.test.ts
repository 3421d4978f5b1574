import { describe, expect, it } from 'vitest'
import { bindArguments, type CommandSpec } from './ps-arguments'
import { literalText } from './ps-literals'
import { parsePowerShell } from './ps-parser'
import type { PsCommand } from './ps-syntax'

const SPEC: CommandSpec = {
  parameters: ['Destination', 'Description', 'TypeName', 'ArgumentList'],
  switches: ['ExecuteOnce'],
  positional: ['TypeName', 'ArgumentList'],
}

function bind(script: string) {
  const [command] = parsePowerShell(script).statements
  if (command?.kind !== 'command') throw new Error('expected a command')
  const bound = bindArguments(command as PsCommand, SPEC)
  const values = new Map(
    [...bound.values].map(([name, argument]) => [
      name,
      argument.kind === 'switch' ? argument.value : literalText(argument.value),
    ]),
  )
  return { values, problems: bound.problems.map((problem) => problem.message) }
}

describe('bindArguments', () => {
  it.each([
    ["Cmd -Destination 'mail'", 'Destination', 'mail'],
    ["Cmd -destination 'mail'", 'Destination', 'mail'],
    ["Cmd -Dest 'mail'", 'Destination', 'mail'],
    ['Cmd -Destination:mail', 'Destination', 'mail'],
    ['Cmd -ExecuteOnce', 'ExecuteOnce', true],
    ['Cmd -ExecuteOnce:$false', 'ExecuteOnce', false],
    ["Cmd 'Some.Type' 'arg'", 'ArgumentList', 'arg'],
    ["Cmd -ArgumentList 'arg' 'Some.Type'", 'TypeName', 'Some.Type'],
  ])('binds %j', (script, name, expected) => {
    const { values, problems } = bind(script)

    expect(values.get(name)).toBe(expected)
    expect(problems).toEqual([])
  })

  it('accepts common parameters such as -OutVariable on every command', () => {
    expect(bind('Cmd -OutVariable syncRule -Verbose').values).toEqual(
      new Map<string, unknown>([
        ['OutVariable', 'syncRule'],
        ['Verbose', true],
      ]),
    )
  })

  it.each([
    ["Cmd -De 'x'", '-De of Cmd is ambiguous (-Destination, -Description, -Debug); it is ignored.'],
    ["Cmd -Colour 'red'", 'Cmd has no parameter -Colour; it is ignored.'],
    ['Cmd -Destination', '-Destination of Cmd needs a value after it.'],
    [
      "Cmd -Destination 'a' -Destination 'b'",
      '-Destination is given more than once (PowerShell refuses this); the first value is used.',
    ],
    ["Cmd -ExecuteOnce:'yes'", '-ExecuteOnce is a switch; expected $true or $false after the colon.'],
    ["Cmd 'a' 'b' 'c'", 'Unexpected value without a parameter name in Cmd.'],
  ])('reports %j', (script, message) => {
    expect(bind(script).problems).toEqual([message])
  })

  it('does not bind the value of an unknown parameter positionally', () => {
    expect(bind("Cmd -Colour 'red'").values.size).toBe(0)
  })
})
