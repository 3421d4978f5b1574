import { type PsCommand, type PsStatement, visitSyntax } from './ps-syntax'
import type { ScriptContext } from './script-context'

/** Commands the rule reader understands; the same names inside blocks are reported as not read. */
export const RULE_COMMANDS: ReadonlySet<string> = new Set([
  'new-adsyncrule',
  'add-adsyncattributeflowmapping',
  'new-object',
  'add-adsyncscopeconditiongroup',
  'add-adsyncjoinconditiongroup',
  'add-adsyncrule',
])

/** Commands whose effect depends on code SyncLens would have to run. */
const CODE_RUNNERS = new Set([
  'invoke-expression',
  'iex',
  'invoke-command',
  'icm',
  'start-process',
  'saps',
  'start',
  'start-job',
  'invoke-item',
  'ii',
])

/**
 * Warns about a command that is not part of an export when it could change a rule: it runs other code,
 * it is an ADSync command other than Get-*, or it uses a rule variable. Anything else is ignored silently.
 */
export function reportForeignCommand(context: ScriptContext, command: PsCommand): void {
  const name = command.name.toLowerCase()
  const [verb = '', noun = ''] = name.split('-', 2)
  const label = command.name === '' ? 'This command' : command.name
  if (command.invocation !== 'direct' || CODE_RUNNERS.has(name)) {
    context.report(
      'warning',
      command.position,
      `${label} would run other code; SyncLens never runs scripts, so anything it adds to a rule is missing.`,
    )
  } else if (noun.startsWith('adsync') && verb !== 'get') {
    context.report(
      'warning',
      command.position,
      `${command.name} is not read: SyncLens reads only the commands of a Synchronization Rules Editor export; ` +
        'if it changes a rule, that change is missing.',
    )
  } else if (usesRuleVariable(context, command)) {
    context.report(
      'warning',
      command.position,
      `${command.name} uses a rule variable; SyncLens does not know this command, so any change it makes is missing.`,
    )
  }
}

/** Warns about a non-command statement (`$syncRule[0].Disabled = $true`) that uses a rule variable. */
export function reportForeignStatement(context: ScriptContext, statement: PsStatement): void {
  if (!usesRuleVariable(context, statement)) return
  context.report(
    'warning',
    statement.position,
    'This statement uses a rule variable; SyncLens does not evaluate statements, so any change it makes is missing.',
  )
}

/** Reports rule commands inside blocks or expressions (`if (...) { Add-ADSyncRule ... }`); true when any. */
export function reportNestedRuleCommands(context: ScriptContext, statement: PsStatement): boolean {
  let found = false
  visitSyntax([statement], {
    statement: (nested) => {
      if (nested === statement || nested.kind !== 'command') return
      if (!RULE_COMMANDS.has(nested.name.toLowerCase())) return
      found = true
      context.report(
        'warning',
        nested.position,
        `${nested.name} inside a block or expression is not read; SyncLens reads rule commands only at the top level.`,
      )
    },
  })
  return found
}

function usesRuleVariable(context: ScriptContext, statement: PsStatement): boolean {
  let uses = false
  visitSyntax([statement], {
    value: (value) => {
      if (context.lookup(value)?.kind === 'rule') uses = true
    },
  })
  return uses
}
