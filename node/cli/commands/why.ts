import { diagnoseAttribute } from '../../../shared/engine/index'
import { engineContext } from '../../../shared/engine/engine-context'
import { CliError, type CliIo, EXIT, writeJson } from '../cli-io'
import { findConnector, findCsObjectByDn } from '../find-object'
import { openSnapshotForCli } from '../open-snapshot'

/** Options of `synclens why`. */
export interface WhyOptions {
  readonly dn?: string
  readonly attribute?: string
  readonly connector?: string
  readonly target?: string
  readonly json: boolean
}

/**
 * `synclens why <path> --dn DN --attribute NAME [--connector NAME] [--target CONNECTOR] [--json]`: the path of
 * one attribute from the source object to the target connector, step by step, with the first blocking step as
 * the verdict.
 */
export async function whyCommand(target: string, options: WhyOptions, io: CliIo): Promise<void> {
  if (options.dn === undefined || options.attribute === undefined) {
    throw new CliError('"why" needs --dn DN and --attribute NAME.', EXIT.usage)
  }
  const snapshot = await openSnapshotForCli(target, io)
  const csObject = findCsObjectByDn(snapshot, options.dn, options.connector)
  const targetConnector =
    options.target === undefined ? undefined : findConnector(snapshot, options.target, '--target')
  const { ruleIndex, mvLookup } = engineContext(snapshot)
  const diagnosis = diagnoseAttribute({
    rules: snapshot.configuration.rules,
    connectors: snapshot.configuration.connectors,
    index: snapshot.objects,
    csObject,
    attribute: options.attribute,
    targetConnectorId: targetConnector?.id,
    ruleIndex,
    mvLookup,
  })
  if (options.json) {
    writeJson(io, diagnosis)
    return
  }
  io.stdout(`${options.attribute} of ${csObject.dn}\n\n`)
  diagnosis.steps.forEach((step, number) => {
    const marker = step.blocking ? '✗' : '✓'
    io.stdout(`${String(number + 1).padStart(2)}. ${marker} [${step.stage}] ${step.code}: ${step.message}\n`)
  })
  io.stdout(`\nVerdict: ${diagnosis.verdict}\n`)
}
