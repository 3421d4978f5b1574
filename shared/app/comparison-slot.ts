import {
  compareConfigurations,
  compareObject,
  comparisonToHtml,
  computeImpact,
  type ConfigurationMatch,
  type Impact,
  type ImpactOptions,
  type ObjectComparison,
  type ObjectImpact,
  snapshotFacts,
} from '../compare/index'
import type { LoadedSnapshot } from '../load/load-snapshot'
import { normalizeGuid } from '../model/connector'
import type {
  CompareObjectAnswer,
  ComparisonOverview,
  ComparisonReportRequest,
  ImpactPage,
  ImpactPageRequest,
  ImpactSummary,
  RulePair,
  RulePairRequest,
} from './comparison-queries'
import { fileNamePart } from './report-file'
import type { ReportAnswer } from './view-queries'

/** Filtered impact objects kept, so that paging through one filter does not filter again. */
interface KeptFilter {
  readonly key: string
  readonly rows: readonly ObjectImpact[]
}

function summaryOf(impact: Impact): ImpactSummary {
  const { objects: _objects, ...summary } = impact
  return summary
}

/**
 * The snapshot compared with the open one, in the worker beside it: its configuration comparison (made when
 * it loads), the impact once computed, and the answers the Compare view pages through.
 */
export class ComparisonSlot {
  private readonly match: ConfigurationMatch
  private impact: Impact | null = null
  private filtered: KeptFilter | null = null

  public constructor(
    private readonly a: LoadedSnapshot,
    private readonly b: LoadedSnapshot,
    private readonly clock: () => number,
  ) {
    this.match = compareConfigurations(a.configuration, b.configuration)
  }

  /** The facts of both snapshots, every difference, and the impact's counts once computed. */
  public overview(): ComparisonOverview {
    return {
      a: snapshotFacts(this.a),
      b: snapshotFacts(this.b),
      configuration: this.match.comparison,
      impact: this.impact === null ? null : summaryOf(this.impact),
    }
  }

  /** Computes the impact on every object (slices, progress, cancel) and keeps it for paging. */
  public async computeImpact(options: ImpactOptions): Promise<ImpactSummary> {
    const impact = await computeImpact(this.a, this.b, this.match, options)
    this.impact = impact
    this.filtered = null
    return summaryOf(impact)
  }

  /** A page of the impact's objects with the filter applied; empty before the impact is computed. */
  public impactPage(request: ImpactPageRequest): ImpactPage {
    const objects = this.impact?.objects ?? []
    const attribute = request.attribute?.trim().toLowerCase() ?? ''
    const text = request.text?.trim().toLowerCase() ?? ''
    const key = `${request.event ?? ''}\u0000${attribute}\u0000${text}`
    if (this.filtered?.key !== key) {
      const rows =
        request.event === undefined && attribute === '' && text === ''
          ? objects
          : objects.filter(
              (object) =>
                (request.event === undefined || object.event === request.event) &&
                (attribute === '' ||
                  object.changes.some((change) => change.attribute.toLowerCase() === attribute)) &&
                (text === '' || object.dn.toLowerCase().includes(text)),
            )
      this.filtered = { key, rows }
    }
    const rows = this.filtered.rows
    const offset = Math.min(request.offset, rows.length)
    return { total: rows.length, offset, rows: rows.slice(offset, offset + request.limit) }
  }

  /** A rule of A and a rule of B by id, for the side-by-side pages. */
  public rulePair(request: RulePairRequest): RulePair {
    const find = (snapshot: LoadedSnapshot, id: string | undefined) =>
      id === undefined
        ? null
        : (snapshot.configuration.rules.find((rule) => rule.id === normalizeGuid(id)) ?? null)
    return { a: find(this.a, request.aId), b: find(this.b, request.bId) }
  }

  /** One object evaluated in full under both configurations. */
  public compareObject(dn: string, connector: string | undefined): CompareObjectAnswer {
    const result = compareObject(this.a, this.b, this.match, dn, connector, () => new Date(this.clock()))
    return result.ok
      ? { ok: true, object: result.object }
      : { ok: false, problem: result.error.problem, message: result.error.message }
  }

  /** The comparison as a file, as `synclens compare --format` writes it (with one object, when asked). */
  public report(request: ComparisonReportRequest): ReportAnswer {
    let object: ObjectComparison | null = null
    if (request.object !== undefined) {
      const answer = this.compareObject(request.object.dn, request.object.connector)
      if (!answer.ok) return { error: answer.message }
      object = answer.object
    }
    const comparison = {
      ...this.overview(),
      impact: this.impact,
      generatedAt: new Date(this.clock()).toISOString(),
    }
    const day = comparison.generatedAt.slice(0, 10)
    const fileName = `synclens-compare-${fileNamePart(this.a.name)}-${fileNamePart(this.b.name)}-${day}.${request.format}`
    switch (request.format) {
      case 'html':
        return {
          fileName,
          mimeType: 'text/html;charset=utf-8',
          content: comparisonToHtml(comparison, object),
        }
      case 'json':
        return {
          fileName,
          mimeType: 'application/json;charset=utf-8',
          content: `${JSON.stringify(object === null ? comparison : { ...comparison, object }, null, 2)}\n`,
        }
    }
  }
}
