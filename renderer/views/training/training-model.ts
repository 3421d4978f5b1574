import type { SnapshotSummary } from '../../../shared/app/host-api'
import type { ConnectorSpaceSearchRequest } from '../../../shared/app/view-queries'
import {
  TRAINING_CONCEPTS,
  TRAINING_SNAPSHOT_NAME,
  type TrainingCase,
  type TrainingConcept,
} from '../../../shared/training/catalogue'
import type { Route } from '../../ui/navigation'

/** True when the open snapshot is the built-in Contoso training snapshot. */
export function isTrainingSnapshot(summary: SnapshotSummary): boolean {
  return summary.name === TRAINING_SNAPSHOT_NAME
}

/** The id of the connector a case lives in, matched by name as the summary lists it; null when it is absent. */
export function caseConnectorId(summary: SnapshotSummary, trainingCase: TrainingCase): string | null {
  const wanted = trainingCase.connector.toLowerCase()
  return summary.connectors.find((connector) => connector.name.toLowerCase() === wanted)?.id ?? null
}

/** The Search Connector Space that finds a case's object: its DN in its connector, one row. */
export function caseSearchRequest(
  connectorId: string,
  trainingCase: TrainingCase,
): ConnectorSpaceSearchRequest {
  return {
    connectorId,
    query: { scope: 'dn', value: trainingCase.dn },
    columns: [],
    offset: 0,
    limit: 1,
  }
}

/** The object view of a case: its connector-space object with the attribute selected and diagnosed. */
export function caseRoute(csId: string, trainingCase: TrainingCase): Route {
  return { view: 'object', target: { csId }, attribute: trainingCase.attribute, diagnose: true }
}

/** The title of a concept (as TRAINING_CONCEPTS names it), or its id when the list lacks it. */
export function conceptTitle(concept: TrainingConcept): string {
  return TRAINING_CONCEPTS.find((entry) => entry.concept === concept)?.title ?? concept
}

/** The DOM id of a concept's section, so a case can link to the concept it teaches. */
export function conceptAnchorId(concept: TrainingConcept): string {
  return `concept-${concept}`
}
