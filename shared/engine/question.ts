/**
 * One question about one object: its report and the diagnosis of its attributes. The report and each diagnosis
 * compute the same import flows, read the same objects and compute the same export targets; a question computes
 * each once and hands the same result to all of them, so an answer is the same whether it was asked alone or
 * beside the others. A question reads a loaded snapshot, which never changes; it keeps every object and flow it
 * computed, so it lives as long as one question (or a few recent ones in a session), never for the snapshot.
 */
import type { CsObject, MvObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'
import { computedMvObject } from './computed-mv'
import { type ExportTarget, exportTargetOf } from './export-flow'
import { importFlow, ImportFlowMemo, type ImportFlowOptions, type ImportFlowResult } from './import-flow'
import type { MvAttributeLookup } from './join'
import { memoizedIndex, remember } from './memo-index'
import type { RuleIndex } from './rule-index'

/** What a question is asked against: the same as every engine call of the question receives. */
export interface QuestionOptions {
  readonly ruleIndex: RuleIndex
  readonly index: ObjectIndex
  readonly mvLookup?: MvAttributeLookup
  readonly now?: () => Date
}

/** The computations one object's report and diagnoses share, each done once. */
export class WhyQuestion {
  /** The snapshot's index with every object it returns kept: the flows read them many times. */
  public readonly index: ObjectIndex
  /** What `importFlow` is called with: the kept index and one memo of rule results. */
  public readonly flowOptions: ImportFlowOptions
  private readonly flows = new Map<CsObject, ImportFlowResult>()
  private readonly targets = new Map<MvObject, Map<string, ExportTarget>>()
  private readonly computed = new Map<
    string,
    { flows: readonly ImportFlowResult[]; base: MvObject | null; mvObject: MvObject }
  >()

  public constructor(public readonly options: QuestionOptions) {
    this.index = memoizedIndex(options.index)
    this.flowOptions = {
      ruleIndex: options.ruleIndex,
      index: this.index,
      memo: new ImportFlowMemo(),
      ...(options.mvLookup ? { mvLookup: options.mvLookup } : {}),
      ...(options.now ? { now: options.now } : {}),
    }
  }

  /**
   * True when a call with these options may use this question: the same rules, snapshot, metaverse search and
   * clock. A caller passing a question built for something else gets an error, never another snapshot's answer.
   */
  public serves(options: QuestionOptions): boolean {
    return (
      options.ruleIndex === this.options.ruleIndex &&
      (options.index === this.options.index || options.index === this.index) &&
      options.mvLookup === this.options.mvLookup &&
      options.now === this.options.now
    )
  }

  /** The import flow of this connector-space object (the same object instance gets the same result). */
  public importFlow(csObject: CsObject): ImportFlowResult {
    return remember(this.flows, csObject, () => importFlow(csObject, this.flowOptions))
  }

  /**
   * The metaverse object the rules compute from these flows (no metaverse export), built once per metaverse id,
   * stored object and the same flows in the same order.
   */
  public computedMvObject(
    mvObjectId: string,
    flows: readonly ImportFlowResult[],
    base: MvObject | null,
  ): MvObject {
    const kept = this.computed.get(mvObjectId)
    if (kept && kept.base === base && sameItems(kept.flows, flows)) return kept.mvObject
    const mvObject = computedMvObject(flows, this.options.ruleIndex, base)
    this.computed.set(mvObjectId, { flows, base, mvObject })
    return mvObject
  }

  /** The export flow of the metaverse object to one connector (id as `outboundConnectors` lists it), once. */
  public exportTarget(mvObject: MvObject, connectorId: string): ExportTarget {
    const byConnector = remember(this.targets, mvObject, () => new Map<string, ExportTarget>())
    return remember(byConnector, connectorId, () =>
      exportTargetOf(mvObject, connectorId, {
        ruleIndex: this.options.ruleIndex,
        index: this.index,
        ...(this.options.now ? { now: this.options.now } : {}),
      }),
    )
  }

  /** The export flow of the metaverse object to every connector with outbound rules for its type. */
  public exportTargets(mvObject: MvObject): readonly ExportTarget[] {
    return this.options.ruleIndex
      .outboundConnectors(mvObject.objectType)
      .map((connectorId) => this.exportTarget(mvObject, connectorId))
  }
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, position) => item === b[position])
}

/** The question a call uses: the one it was given (checked to fit), or a fresh one of its own. */
export function questionFor(question: WhyQuestion | undefined, options: QuestionOptions): WhyQuestion {
  if (question === undefined) return new WhyQuestion(options)
  if (!question.serves(options)) {
    throw new Error(
      'The question was built for other rules, another snapshot, metaverse search or clock than this call.',
    )
  }
  return question
}
