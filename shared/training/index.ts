/** The Contoso training snapshot: generator, seeded cases and concept texts. */
export * from './catalogue'
export type { FileSink } from './file-sink'
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
