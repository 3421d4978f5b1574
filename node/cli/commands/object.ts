import { SEVERITIES, severityLabel } from '../../../shared/model/diagnosis-codes'
import { type CliIo, formatTable, writeJson } from '../cli-io'
import { findObject, type ObjectOptions, requireOneObject } from '../find-object'
import { loaded, openSnapshotForCli } from '../open-snapshot'

/** Options of `synclens object`. */
export interface ObjectCommandOptions extends ObjectOptions {
  readonly json?: boolean
}

/**
 * `synclens object <path> (--dn DN [--connector NAME] | --mv-id GUID) [--json]`: the metaverse object, its
 * connectors, import and export attribute flow and unmapped attributes, as the object view shows them.
 */
export async function objectCommand(target: string, options: ObjectCommandOptions, io: CliIo): Promise<void> {
  requireOneObject('object', options)
  const snapshot = await openSnapshotForCli(target, io)
  const report = loaded(snapshot.session.objectReport(findObject(snapshot, options)), 'the object report')
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
  const { counts } = report
  io.stdout(
    `\nFindings: ${counts.blocking} blocking, ${counts.unmapped} unmapped, ${counts.byDesign} by design.\n`,
  )
  if (report.unmapped.length > 0) {
    // Worst first, so what needs acting on is at the top; by design stays listed, as every mark does.
    const ordered = [...report.unmapped].sort(
      (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
    )
    io.stdout(
      formatTable(
        ['Severity', 'Attribute', 'Code', 'Connector', 'Reason'],
        ordered.map((u) => [
          severityLabel(u.severity),
          u.attribute === '' ? '(whole object)' : u.attribute,
          u.code,
          u.connector,
          u.message,
        ]),
      ),
    )
  }
}
