/** The sync engine: scoping, join, precedence, import and export attribute flow, unmapped attributes, diagnosis. */
export type { AttributeBag } from './attribute-bag'
export { attributeBag, entryBag, mvBag } from './attribute-bag'
export type { DiagnosisCode } from '../model/diagnosis-codes'
export { DIAGNOSIS_CODES } from '../model/diagnosis-codes'
export { computedMvObject } from './computed-mv'
export type { DiagnoseInput, DiagnosedAttribute, Diagnosis, DiagnosisStage, DiagnosisStep } from './diagnose'
export { cachedRuleIndex, diagnoseAttribute } from './diagnose'
export { statusCode } from '../model/diagnosis-codes'
export type {
  ExportAttribute,
  ExportFlowOptions,
  ExportFlowResult,
  ExportFlowRow,
  ExportStatus,
  ExportTarget,
  TargetState,
} from './export-flow'
export { exportFlow, isAadConnector, isCloudFiltered, pendingExportValues } from './export-flow'
export type { FlowOutcome, SourceValues } from './flow-value'
export { outcomeText } from '../model/flow-outcome'
export type {
  ImportAttribute,
  ImportFlowOptions,
  ImportFlowResult,
  ImportFlowRow,
  ImportSyncError,
  LinkState,
  RuleScope,
} from './import-flow'
export { importFlow, inboundSource } from './import-flow'
export type {
  CurrentLink,
  JoinConditionResult,
  JoinGroupOutcome,
  JoinGroupResult,
  JoinOptions,
  JoinResult,
  MvAttributeLookup,
} from './join'
export { evaluateJoin, isLinkingRule } from './join'
export type {
  ObjectReport,
  ObjectReportInput,
  ReportConnection,
  ReportExport,
  ReportMetaverse,
  ReportMvAttribute,
  ReportUnmapped,
} from './object-report'
export { objectReport } from './object-report'
export type { ConnectorParameters } from './parameters'
export { connectorParameters } from './parameters'
export type { FlowGate, FlowStatus, Resolution } from './precedence'
export { resolvePrecedence } from './precedence'
export type {
  ContributorsReport,
  InboundContributor,
  OutboundReader,
  RuleFlow,
  RuleIndex,
} from './rule-index'
export { buildRuleIndex, flowReads } from './rule-index'
export type { ConnectorRef, RuleRef } from './rule-text'
export { clauseText, flowSourceText, ruleLabel, ruleRef, scopeText } from './rule-text'
export type { ClauseResult, GroupResult, MembershipLookup, ScopeResult } from './scoping'
export { connectorSpaceMembership, evaluateClause, evaluateScope, scopeFailureText } from './scoping'
export type { UnmappedAttribute, UnmappedKind, UnmappedOptions } from './unmapped'
export {
  connectorAttributeGaps,
  unmappedForCsObject,
  unmappedForMvObject,
  unmappedSourceNames,
  unmappedSourceNamesOf,
} from './unmapped'
export type { FlowDetail, FlowDetailInput } from './flow-detail'
export { flowDetail } from './flow-detail'
