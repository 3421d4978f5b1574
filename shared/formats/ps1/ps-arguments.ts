import type { PsCommand, PsPosition, PsValue } from './ps-syntax'

/** The parameters a command accepts, by their canonical names. */
export interface CommandSpec {
  /** Parameters that take a value. */
  readonly parameters: readonly string[]
  /** Switch parameters: present means true, `-Name:$false` means false. */
  readonly switches: readonly string[]
  /** Parameters that bare values bind to, in order. */
  readonly positional?: readonly string[]
}

/** A parameter bound to its value. */
export type BoundArgument =
  | { readonly kind: 'value'; readonly value: PsValue; readonly position: PsPosition }
  | { readonly kind: 'switch'; readonly value: boolean; readonly position: PsPosition }

/** Parameters of a command keyed by canonical name, and what could not be bound. */
export interface BoundArguments {
  readonly values: ReadonlyMap<string, BoundArgument>
  readonly problems: readonly { readonly message: string; readonly position: PsPosition }[]
}

/** PowerShell's common parameters: accepted everywhere, never meaningful to a rule. */
const COMMON_PARAMETERS = [
  'ErrorAction',
  'WarningAction',
  'InformationAction',
  'ProgressAction',
  'ErrorVariable',
  'WarningVariable',
  'InformationVariable',
  'OutVariable',
  'OutBuffer',
  'PipelineVariable',
]
const COMMON_SWITCHES = ['Verbose', 'Debug', 'WhatIf', 'Confirm']

/**
 * Binds a command's arguments to parameter names the way PowerShell does for literal arguments:
 * case-insensitive names, unique prefixes (`-Dest` for `-Destination`), `-Switch:$false`, positional values.
 */
export function bindArguments(command: PsCommand, spec: CommandSpec): BoundArguments {
  const parameters = [...spec.parameters, ...COMMON_PARAMETERS]
  const switches = [...spec.switches, ...COMMON_SWITCHES]
  const all = [...parameters, ...switches]
  const values = new Map<string, BoundArgument>()
  const problems: { message: string; position: PsPosition }[] = []
  const positional = [...(spec.positional ?? [])]
  const bind = (name: string, argument: BoundArgument): void => {
    if (values.has(name)) {
      problems.push({
        message: `-${name} is given more than once (PowerShell refuses this); the first value is used.`,
        position: argument.position,
      })
      return
    }
    values.set(name, argument)
    const slot = positional.indexOf(name)
    if (slot >= 0) positional.splice(slot, 1)
  }

  const args = command.arguments
  for (let index = 0; index < args.length; index++) {
    const argument = args[index]
    if (argument === undefined) continue
    if (argument.kind === 'value') {
      const slot = positional[0]
      if (slot === undefined) {
        problems.push({
          message: `Unexpected value without a parameter name in ${command.name}.`,
          position: argument.position,
        })
      } else {
        bind(slot, { kind: 'value', value: argument.value, position: argument.position })
      }
      continue
    }
    const name = resolveName(argument.name, all)
    if (name === null) {
      const candidates = all.filter((candidate) =>
        candidate.toLowerCase().startsWith(argument.name.toLowerCase()),
      )
      problems.push({
        message:
          candidates.length > 1
            ? `-${argument.name} of ${command.name} is ambiguous (${candidates.map((c) => `-${c}`).join(', ')}); it is ignored.`
            : `${command.name} has no parameter -${argument.name}; it is ignored.`,
        position: argument.position,
      })
      if (argument.colonValue === null && args[index + 1]?.kind === 'value') index++
      continue
    }
    if (switches.includes(name)) {
      const value = argument.colonValue === null ? true : switchValue(argument.colonValue)
      if (value === null) {
        problems.push({
          message: `-${name} is a switch; expected $true or $false after the colon.`,
          position: argument.position,
        })
      } else {
        bind(name, { kind: 'switch', value, position: argument.position })
      }
      continue
    }
    const next = args[index + 1]
    const value = argument.colonValue ?? (next?.kind === 'value' ? next.value : null)
    if (argument.colonValue === null && next?.kind === 'value') index++
    if (value === null) {
      problems.push({
        message: `-${name} of ${command.name} needs a value after it.`,
        position: argument.position,
      })
    } else {
      bind(name, { kind: 'value', value, position: argument.position })
    }
  }
  return { values, problems }
}

function resolveName(written: string, names: readonly string[]): string | null {
  const lower = written.toLowerCase()
  const exact = names.find((name) => name.toLowerCase() === lower)
  if (exact !== undefined) return exact
  const prefixed = names.filter((name) => name.toLowerCase().startsWith(lower))
  return prefixed.length === 1 ? (prefixed[0] ?? null) : null
}

function switchValue(value: PsValue): boolean | null {
  if (value.kind === 'boolean') return value.value
  if (value.kind === 'number') return value.value !== 0
  return null
}
