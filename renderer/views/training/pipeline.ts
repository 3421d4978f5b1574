import type { SnapshotSummary } from '../../../shared/app/host-api'
import { AAD_CONNECTOR_ID } from '../../../shared/model/connector'
import type { TrainingConcept } from '../../../shared/training/catalogue'
import type { Route } from '../../ui/navigation'

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
  /** The view the box opens; null when no view shows the stage, and the box leads to its concept instead. */
  readonly route: Route | null
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
  ): PipelineStage => ({
    id,
    label: 'Connector space',
    detail: connector?.name ?? fallback,
    shape: 'store',
    concept: 'connector-space',
    route: connector ? { view: 'cs-search', connectorId: connector.id } : { view: 'cs-search' },
    action: `Search the ${connector?.name ?? fallback} connector space`,
  })
  return [
    {
      id: 'import',
      label: 'Import',
      detail: source ? `from ${source.name}` : 'from the directory',
      shape: 'run',
      concept: 'connector-space',
      route: null,
      action: 'Read about the connector space',
    },
    spaceStage('source-space', source, 'source directory'),
    {
      id: 'inbound',
      label: 'Inbound rules',
      detail: 'connector space to metaverse',
      shape: 'rules',
      concept: 'inbound',
      route: { view: 'rules' },
      action: 'Open the Sync Rules (inbound)',
    },
    {
      id: 'metaverse',
      label: 'Metaverse',
      detail: 'one object per person or group',
      shape: 'store',
      concept: 'metaverse',
      route: { view: 'search' },
      action: 'Open the Metaverse Search',
    },
    {
      id: 'outbound',
      label: 'Outbound rules',
      detail: 'metaverse to connector space',
      shape: 'rules',
      concept: 'outbound',
      route: { view: 'rules' },
      action: 'Open the Sync Rules (outbound)',
    },
    spaceStage('target-space', target, 'Entra ID'),
    {
      id: 'export',
      label: 'Export',
      detail: target ? `to ${target.name}` : 'to Entra ID',
      shape: 'run',
      concept: 'export',
      route: null,
      action: 'Read about export',
    },
  ]
}
