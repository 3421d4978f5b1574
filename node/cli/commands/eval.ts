import { runEvalCommand } from '../../../shared/expression/cli-eval'
import { type CliIo, EXIT, type ExitCode, writeJson } from '../cli-io'

/** Options of `synclens eval`. */
export interface EvalOptions {
  readonly attrs: readonly string[]
  readonly params: readonly string[]
  readonly json?: boolean
}

/** `synclens eval '<expression>' [--attr N=V]... [--param N=V]... [--json]`: evaluates one expression. */
export function evalCommand(expression: string, options: EvalOptions, io: CliIo): ExitCode {
  const { exitCode, json } = runEvalCommand(expression, options.attrs, options.params)
  if (options.json) {
    writeJson(io, json)
    return exitCode
  }
  if ('error' in json) {
    const where = json.position === null ? '' : ` at position ${json.position}`
    io.stderr(`synclens: the expression cannot be evaluated${where}: ${json.error}\n`)
    if (json.position !== null) io.stderr(`  ${expression}\n  ${' '.repeat(json.position)}^\n`)
    return exitCode === EXIT.usage ? EXIT.usage : EXIT.unreadable
  }
  io.stdout(json.kind === 'value' ? `${JSON.stringify(json.value)}\n` : `${json.kind}\n`)
  return exitCode
}
