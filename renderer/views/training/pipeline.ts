import type { SnapshotSummary } from '../../../shared/app/host-api'
import { AAD_CONNECTOR_ID } from '../../../shared/model/connector'
import type { TrainingConcept } from '../../../shared/training/catalogue'
import type { Route } from '../../ui/navigation'
import type { PathStage } from '../../ui/present-mode'

/** How a stage is drawn: a run that moves data, a store that holds objects, or a set of rules. */
export type StageShape = 'run' | 'store' | 'rules'

/** One box of the sync pipeline diagram. */
export interface PipelineStage {
  readonly id: string
  readonly label: string
  /** A second line under the label (the connector's name, the direction). */
  readonly detail: string
  readonly shape: StageShape
  readonly concept: TrainingConcept
  /** The view the box opens. */
  readonly route: Route
  /** The stage of an attribute's path the box stands for (the step-through highlights it); null for none. */
  readonly pathStage: PathStage | null
  /** What following the box does, for its accessible name. */
  readonly action: string
}

function connectorNames(summary: SnapshotSummary): {
  readonly source: { readonly id: string; readonly name: string } | null
  readonly target: { readonly id: string; readonly name: string } | null
} {
  const target =
    summary.connectors.find((connector) => connector.id.toLowerCase() === AAD_CONNECTOR_ID) ??
    summary.connectors.find((connector) => connector.type === 'AAD') ??
    null
  const source =
    summary.connectors.find((connector) => connector.type === 'AD') ??
    summary.connectors.find((connector) => connector !== target) ??
    null
  return { source, target }
}

/**
 * The stages from a directory to Entra ID and back out, in the order data moves through them:
 * import, connector space, inbound rules, metaverse, outbound rules, connector space, export.
 */
export function pipelineStages(summary: SnapshotSummary): readonly PipelineStage[] {
  const { source, target } = connectorNames(summary)
  const spaceStage = (
    id: string,
    connector: { readonly id: string; readonly name: string } | null,
    fallback: string,
    pathStage: PathStage,
  ): PipelineStage => ({
    id,
    label: 'Connector space',
    detail: connector?.name ?? fallback,
    shape: 'store',
    concept: 'connector-space',
    route: connector ? { view: 'cs-search', connectorId: connector.id } : { view: 'cs-search' },
    pathStage,
    action: `Search the ${connector?.name ?? fallback} connector space`,
  })
  return [
    {
      id: 'import',
      label: 'Import',
      detail: source ? `from ${source.name}` : 'from the directory',
      shape: 'run',
      concept: 'connector-space',
      route: source
        ? { view: 'cs-search', connectorId: source.id, scope: 'pending-import' }
        : { view: 'cs-search', scope: 'pending-import' },
      pathStage: 'source',
      action: `Search ${source?.name ?? 'the source connector space'} for changes waiting to be imported`,
    },
    spaceStage('source-space', source, 'source directory', 'connector'),
    {
      id: 'inbound',
      label: 'Inbound rules',
      detail: 'connector space to metaverse',
      shape: 'rules',
      concept: 'inbound',
      route: { view: 'rules', direction: 'Inbound' },
      pathStage: 'inbound',
      action: 'Open the Sync Rules (inbound)',
    },
    {
      id: 'metaverse',
      label: 'Metaverse',
      detail: 'one object per person or group',
      shape: 'store',
      concept: 'metaverse',
      route: { view: 'search' },
      pathStage: 'metaverse',
      action: 'Open the Metaverse Search',
    },
    {
      id: 'outbound',
      label: 'Outbound rules',
      detail: 'metaverse to connector space',
      shape: 'rules',
      concept: 'outbound',
      route: { view: 'rules', direction: 'Outbound' },
      pathStage: 'outbound',
      action: 'Open the Sync Rules (outbound)',
    },
    spaceStage('target-space', target, 'Entra ID', 'target'),
    {
      id: 'export',
      label: 'Export',
      detail: target ? `to ${target.name}` : 'to Entra ID',
      shape: 'run',
      concept: 'export',
      route: target
        ? { view: 'cs-search', connectorId: target.id, scope: 'pending-export' }
        : { view: 'cs-search', scope: 'pending-export' },
      pathStage: null,
      action: `Search ${target?.name ?? 'the target connector space'} for changes waiting to be exported`,
    },
  ]
}
