import { objectReport } from '../../../shared/engine/index'
import { engineContext } from '../../../shared/engine/engine-context'
import { CliError, type CliIo, EXIT, formatTable, writeJson } from '../cli-io'
import { findCsObjectByDn } from '../find-object'
import { openSnapshotForCli } from '../open-snapshot'

/** Options of `synclens object`. */
export interface ObjectOptions {
  readonly dn?: string
  readonly connector?: string
  readonly mvId?: string
  readonly json: boolean
}

/**
 * `synclens object <path> (--dn DN [--connector NAME] | --mv-id GUID) [--json]`: the metaverse object, its
 * connectors, import and export attribute flow and unmapped attributes.
 */
export async function objectCommand(target: string, options: ObjectOptions, io: CliIo): Promise<void> {
  if ((options.dn === undefined) === (options.mvId === undefined)) {
    throw new CliError(
      '"object" needs either --dn DN (optionally with --connector NAME) or --mv-id GUID.',
      EXIT.usage,
    )
  }
  const snapshot = await openSnapshotForCli(target, io)
  const { ruleIndex, mvLookup } = engineContext(snapshot)
  const index = snapshot.objects
  let object: { csObject: ReturnType<typeof findCsObjectByDn> } | { mvObjectId: string }
  if (options.dn !== undefined) {
    object = { csObject: findCsObjectByDn(snapshot, options.dn, options.connector) }
  } else {
    const mvObjectId = options.mvId ?? ''
    if (!index.mvObject(mvObjectId.toLowerCase().replace(/[{}]/g, ''))) {
      throw new CliError(`No metaverse object with id ${mvObjectId} in this snapshot.`, EXIT.failure)
    }
    object = { mvObjectId }
  }
  const report = objectReport({ ruleIndex, index, object, mvLookup })
  if (options.json) {
    writeJson(io, report)
    return
  }
  const mv = report.metaverse
  io.stdout(mv ? `Metaverse object ${mv.id} (${mv.objectType})\n` : 'Not linked to a metaverse object.\n')
  if (mv) {
    io.stdout(
      formatTable(
        ['Attribute', 'Value', 'Contributing connector', 'Sync rule'],
        mv.attributes.map((a) => [
          a.name,
          a.values.join('; '),
          a.contributingConnector ?? '',
          a.syncRule ?? '',
        ]),
      ),
    )
  }
  io.stdout('\nConnectors:\n')
  io.stdout(
    formatTable(
      ['Connector', 'Distinguished name', 'Object type', 'Lineage'],
      report.connectors.map((c) => [c.connector, c.dn, c.objectType ?? '', c.lineageType ?? '']),
    ),
  )
  if (report.unmapped.length > 0) {
    io.stdout('\nAttributes with no mapping:\n')
    io.stdout(
      formatTable(
        ['Attribute', 'Code', 'Connector', 'Reason'],
        report.unmapped.map((u) => [u.attribute, u.code, u.connector, u.message]),
      ),
    )
  }
}
