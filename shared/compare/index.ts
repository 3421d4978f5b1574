/** Comparison of two snapshots: configuration differences, out-of-box rules edited in place, impact on objects. */
export type * from './compare-model'
export { compareSnapshots, type CompareOptions, snapshotFacts } from './compare-snapshots'
export { compareConfigurations, type ConfigurationMatch } from './config-compare'
export { ComparisonCancelled, computeImpact, type ImpactOptions, type ImpactProgress } from './impact'
export { impactMode } from './impact-plan'
export {
  type AttributeComparison,
  compareObject,
  type ObjectComparison,
  type ObjectComparisonError,
  type ObjectSideState,
} from './object-comparison'
export { comparisonToHtml, exportValueText, HTML_IMPACT_ROWS } from './to-html'
