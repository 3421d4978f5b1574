import { type CliIo, writeJson } from '../cli-io'
import { type AttributePathOptions, findAttributePath, requireOneObject } from '../find-object'
import { loaded, openSnapshotForCli } from '../open-snapshot'

/** Options of `synclens why`. */
export interface WhyOptions extends AttributePathOptions {
  readonly json?: boolean
}

/**
 * `synclens why <path> (--dn DN [--connector NAME] | --mv-id GUID) --attribute NAME [--target CONNECTOR]
 * [--json]`: the path of one attribute from the source object to the target connector, step by step, walked to
 * the end: the first break is the verdict, the others are listed as also blocking, and the fix covers them all.
 * A metaverse object is diagnosed from the connector-space object that contributes the attribute, as the object
 * view does.
 */
export async function whyCommand(target: string, options: WhyOptions, io: CliIo): Promise<void> {
  requireOneObject('why', options)
  const snapshot = await openSnapshotForCli(target, io)
  const { session } = snapshot
  const path = findAttributePath(snapshot, options, 'follow')
  const { object, csId } = path
  const diagnosis = loaded(
    session.diagnose({
      csId,
      attribute: path.attribute,
      ...(path.targetConnectorId === undefined ? {} : { targetConnectorId: path.targetConnectorId }),
    }),
    'the diagnosis',
  )
  if (options.json) {
    writeJson(io, diagnosis)
    return
  }
  const source = loaded(session.csObject(csId), 'the source object')
  const via = 'mvId' in object ? ` (contributes it to metaverse object ${object.mvId})` : ''
  io.stdout(`${options.attribute} of ${source.dn}${via}\n\n`)
  diagnosis.steps.forEach((step, number) => {
    const marker = step.blocking ? '✗' : '✓'
    io.stdout(`${String(number + 1).padStart(2)}. ${marker} [${step.stage}] ${step.code}: ${step.message}\n`)
  })
  io.stdout(`\nVerdict: ${diagnosis.verdict}\n`)
  if (diagnosis.alsoBlocking.length > 0) io.stdout(`Also blocking: ${diagnosis.alsoBlocking.join(', ')}\n`)
  if (diagnosis.fix.length > 0) {
    io.stdout('What to do:\n')
    for (const line of diagnosis.fix) io.stdout(`  - ${line}\n`)
  }
}
