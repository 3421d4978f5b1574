/**
 * What the UI shows of the training snapshot: its name, the seeded cases and the concept texts. Plain data,
 * so the window can list cases without carrying the generator (which runs in the snapshot worker).
 */
export { TRAINING_SNAPSHOT_NAME } from './environment'
export {
  type CaseDefinition,
  TRAINING_CASES,
  type TrainingCase,
  type TrainingConcept,
} from './training-cases'
export { type ConceptText, TRAINING_CONCEPTS } from './training-concepts'
