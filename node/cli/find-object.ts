import type { SnapshotSummary } from '../../shared/app/host-api'
import type { ObjectTarget } from '../../shared/app/view-queries'
import type { CsObject } from '../../shared/model/objects'
import { CliError, EXIT } from './cli-io'
import type { CliSnapshot } from './open-snapshot'

type ConnectorSummary = SnapshotSummary['connectors'][number]

/** Resolves `--connector NAME` (name or id, case-insensitive) to a connector of the snapshot. */
export function findConnector(
  summary: SnapshotSummary,
  wanted: string,
  option = '--connector',
): ConnectorSummary {
  const lower = wanted.toLowerCase().replace(/[{}]/g, '')
  const connector = summary.connectors.find((c) => c.name.toLowerCase() === lower || c.id === lower)
  if (connector) return connector
  const known = summary.connectors.map((c) => `"${c.name}"`).join(', ') || 'none'
  throw new CliError(
    `${option}: no connector "${wanted}" in this snapshot. Known connectors: ${known}.`,
    EXIT.usage,
  )
}

/** The connector-space object with this DN, in the given connector or the only connector space holding it. */
export function findCsObjectByDn(snapshot: CliSnapshot, dn: string, connectorName?: string): CsObject {
  const { session, summary } = snapshot
  const matches = session.csObjectsByDn(dn)
  if (connectorName !== undefined) {
    const connector = findConnector(summary, connectorName)
    const object = matches.find((candidate) => candidate.connectorId === connector.id)
    if (object) return object
    throw new CliError(
      `No object with DN "${dn}" in the connector space of "${connector.name}". ` +
        `${session.missingDnText(dn, connector.id)} Check the DN (it is compared case-insensitively) or leave ` +
        'out --connector to look in every connector space.',
      EXIT.notFound,
    )
  }
  if (matches.length === 1 && matches[0]) return matches[0]
  if (matches.length === 0) {
    const objects = summary.connectors.reduce((sum, c) => sum + c.csObjects, summary.unassignedCsObjects)
    throw new CliError(
      `No object with DN "${dn}" in any connector space of this snapshot (${objects} objects). ` +
        `${session.missingDnText(dn)} Check the DN, or that the snapshot includes that connector space.`,
      EXIT.notFound,
    )
  }
  const names = matches
    .map((object) => `"${object.connectorName ?? object.connectorId ?? 'unknown'}"`)
    .join(', ')
  throw new CliError(
    `The DN "${dn}" is in several connector spaces (${names}); add --connector NAME.`,
    EXIT.usage,
  )
}

/** The options that name one object: `--dn DN [--connector NAME]` or `--mv-id GUID`. */
export interface ObjectOptions {
  readonly dn?: string
  readonly connector?: string
  readonly mvId?: string
}

/** The object `--dn` or `--mv-id` names, checked to be in the snapshot, as the session's object target. */
export function findObject(snapshot: CliSnapshot, options: ObjectOptions): ObjectTarget {
  if (options.dn !== undefined) return { csId: findCsObjectByDn(snapshot, options.dn, options.connector).id }
  const mvId = options.mvId ?? ''
  if (snapshot.session.objectReport({ mvId }) === null) {
    throw new CliError(
      `No metaverse object with id ${mvId} in this snapshot. Check the GUID (Metaverse Search shows it).`,
      EXIT.notFound,
    )
  }
  return { mvId }
}

/** Checks that exactly one of `--dn` and `--mv-id` is given. */
export function requireOneObject(command: string, options: ObjectOptions): void {
  if ((options.dn === undefined) === (options.mvId === undefined)) {
    throw new CliError(
      `"${command}" needs either --dn DN (optionally with --connector NAME) or --mv-id GUID.`,
      EXIT.usage,
    )
  }
  if (options.mvId !== undefined && options.connector !== undefined) {
    throw new CliError(`"${command}": --connector goes with --dn, not with --mv-id.`, EXIT.usage)
  }
}

/** Options of the commands that follow one attribute's path (`why`, `fix`). */
export interface AttributePathOptions extends ObjectOptions {
  readonly attribute: string
  readonly target?: string
}

/** Where an attribute's path starts and which target it is asked for, as `diagnose` and `proposeFix` take them. */
export interface AttributePath {
  readonly object: ObjectTarget
  readonly csId: string
  readonly attribute: string
  readonly targetConnectorId?: string
}

/**
 * The connector-space object an attribute's path starts from: the object named, or for a metaverse object the
 * connector-space object that contributes the attribute (as the object view does); `doing` completes "no path of
 * X to ..." when a metaverse object has no connector-space object.
 */
export function findAttributePath(
  snapshot: CliSnapshot,
  options: AttributePathOptions,
  doing: 'follow' | 'fix',
): AttributePath {
  const object = findObject(snapshot, options)
  const targetConnectorId =
    options.target === undefined ? undefined : findConnector(snapshot.summary, options.target, '--target').id
  const csId = snapshot.session.diagnosisSource(object, options.attribute)
  if (csId === null) {
    throw new CliError(
      `Metaverse object ${options.mvId ?? ''} is joined to no connector-space object, so there is no path of ` +
        `${options.attribute} to ${doing}. Run "synclens object" on it to see where its values came from.`,
      EXIT.notFound,
    )
  }
  return {
    object,
    csId,
    attribute: options.attribute,
    ...(targetConnectorId === undefined ? {} : { targetConnectorId }),
  }
}
