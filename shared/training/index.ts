/** The Contoso training snapshot: generator, seeded cases and concept texts. */
export { TRAINING_SNAPSHOT_NAME } from './environment'
export type { FileSink } from './file-sink'
export {
  type CaseDefinition,
  TRAINING_CASES,
  type TrainingCase,
  type TrainingConcept,
} from './training-cases'
export { type ConceptText, TRAINING_CONCEPTS } from './training-concepts'
export {
  AAD_CONNECTOR_SPACE_PATH,
  AD_CONNECTOR_SPACE_PATH,
  DEFAULT_TRAINING_SEED,
  DEFAULT_TRAINING_USERS,
  generateTrainingFiles,
  generateTrainingSnapshot,
  METAVERSE_OBJECTS_PATH,
  TRAINING_MANIFEST_PATH,
  type TrainingFilesSummary,
  type TrainingSnapshotOptions,
} from './training-snapshot'
