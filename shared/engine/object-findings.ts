/**
 * The findings of one metaverse object, the one list behind the object views, the Metaverse Search filter
 * "has unmapped attributes", the report and `synclens object`: the unmapped source attributes of every
 * connected connector-space object, then the metaverse attributes no outbound flow reads, each with its
 * severity. Without a metaverse export the metaverse values are what every connected object's inbound rules
 * compute, as the object view shows them.
 */
import { countSeverities, isActionable, type SeverityCounts } from '../model/diagnosis-codes'
import type { CsObject, MvObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'
import { computedMvObject, hasExportedMetaverse } from './computed-mv'
import { type ExportTarget, exportFlow } from './export-flow'
import { exportBreaks, importBreaks, lifecycleBreaks } from './flow-breaks'
import { importFlow, ImportFlowMemo, type ImportFlowResult } from './import-flow'
import { memoizedIndex } from './memo-index'
import type { MvAttributeLookup } from './join'
import type { RuleIndex } from './rule-index'
import { type UnmappedAttribute, unmappedForCsObject, unmappedForMvObject } from './unmapped'

/** What finding the findings of an object needs. */
export interface ObjectFindingsOptions {
  readonly ruleIndex: RuleIndex
  readonly index: ObjectIndex
  readonly mvLookup?: MvAttributeLookup
  readonly now?: () => Date
}

/** The metaverse object as the views show it: exported, or computed from every connected object's flows. */
export function effectiveMvObject(
  mvObject: MvObject | null,
  imports: readonly ImportFlowResult[],
  options: ObjectFindingsOptions,
): MvObject | null {
  if (!mvObject || hasExportedMetaverse(options.index)) return mvObject
  return computedMvObject(imports, options.ruleIndex, mvObject)
}

/** The findings of one object, split by where they sit: on each connected object, and on the metaverse object. */
export interface FindingParts {
  /** Per connected object: its unmapped source attributes and the breaks of its inbound flows. */
  readonly connected: readonly {
    readonly csObject: CsObject
    readonly findings: readonly UnmappedAttribute[]
  }[]
  /** The metaverse object (effective), with its attributes no outbound flow reads and its export breaks. */
  readonly metaverse: { readonly mvObject: MvObject; readonly findings: readonly UnmappedAttribute[] } | null
}

/** The findings of these connected objects, their flows and their (effective) metaverse object, by part. */
export function findingParts(
  csObjects: readonly CsObject[],
  imports: readonly ImportFlowResult[],
  mvObject: MvObject | null,
  exports: readonly ExportTarget[],
  options: ObjectFindingsOptions,
): FindingParts {
  const { ruleIndex, index } = options
  return {
    connected: csObjects.map((csObject) => {
      const flow = imports.find((candidate) => candidate.csObject.id === csObject.id)
      const lifecycle = lifecycleBreaks(csObject, flow, index, ruleIndex)
      return {
        csObject,
        findings: [
          // An object leaving synchronization has its rules out of scope for the same reason: one finding says it.
          ...unmappedForCsObject(csObject, { ruleIndex, index }).filter(
            (finding) => !lifecycle.leaving || finding.code !== 'RULE_OUT_OF_SCOPE',
          ),
          ...lifecycle.breaks,
          ...(flow && !lifecycle.leaving ? importBreaks(flow, csObject, index) : []),
        ],
      }
    }),
    metaverse: mvObject
      ? {
          mvObject,
          findings: [...unmappedForMvObject(mvObject, ruleIndex), ...exports.flatMap(exportBreaks)],
        }
      : null,
  }
}

/** The parts flattened in view order: connected objects first, then the metaverse object. */
export function allFindings(parts: FindingParts): readonly UnmappedAttribute[] {
  return [...parts.connected.flatMap((part) => part.findings), ...(parts.metaverse?.findings ?? [])]
}

/** The findings of these connected objects, their flows and their (effective) metaverse object, in view order. */
export function findingsOf(
  csObjects: readonly CsObject[],
  imports: readonly ImportFlowResult[],
  mvObject: MvObject | null,
  exports: readonly ExportTarget[],
  options: ObjectFindingsOptions,
): readonly UnmappedAttribute[] {
  return allFindings(findingParts(csObjects, imports, mvObject, exports, options))
}

/** The findings of one metaverse object and everything connected to it, by part. */
export function mvObjectFindingParts(mvObjectId: string, options: ObjectFindingsOptions): FindingParts {
  // One object's flows read the same objects many times: build each once, and each object's rules once.
  const index = memoizedIndex(options.index)
  const scoped = { ...options, index }
  const csObjects = index.connectedCsObjects(mvObjectId)
  const flowOptions = {
    ruleIndex: options.ruleIndex,
    index,
    memo: new ImportFlowMemo(),
    ...(options.mvLookup ? { mvLookup: options.mvLookup } : {}),
    ...(options.now ? { now: options.now } : {}),
  }
  const imports = csObjects.map((object) => importFlow(object, flowOptions))
  const mvObject = effectiveMvObject(index.mvObject(mvObjectId), imports, scoped)
  const exports = mvObject ? exportFlow(mvObject, flowOptions).targets : []
  return findingParts(csObjects, imports, mvObject, exports, scoped)
}

/** The findings of one metaverse object and everything connected to it. */
export function mvObjectFindings(
  mvObjectId: string,
  options: ObjectFindingsOptions,
): readonly UnmappedAttribute[] {
  return allFindings(mvObjectFindingParts(mvObjectId, options))
}

/** True when one of the findings is blocking or unmapped: what "has unmapped attributes" keeps. */
export function hasActionableFinding(findings: readonly UnmappedAttribute[]): boolean {
  return findings.some((finding) => isActionable(finding.severity))
}

/** The findings counted by severity. */
export function severityCountsOf(findings: readonly UnmappedAttribute[]): SeverityCounts {
  return countSeverities(findings.map((finding) => finding.severity))
}
