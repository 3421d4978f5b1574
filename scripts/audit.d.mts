/** One advisory `npm audit` reports for one package. */
export interface AuditFinding {
  readonly advisory: string
  readonly package: string
  readonly severity: string
  readonly title: string
  readonly range: string
}

/** One accepted advisory of audit-allowlist.json. */
export interface AcceptedAdvisory {
  readonly advisory: string
  readonly package: string
  readonly reason: string
  readonly reviewed: string
}

/** The allow-list file name, at the project root. */
export declare const ALLOWLIST_FILE: string
/** The entries of the allow-list, or the problems that make it unusable. */
export declare function readAllowlist(text: string): {
  readonly entries: readonly AcceptedAdvisory[]
  readonly problems: readonly string[]
}
/** The advisories of an `npm audit --json` report. */
export declare function findingsOf(report: unknown): AuditFinding[]
/** Findings not accepted, and accepted entries no longer found. */
export declare function judge(
  findings: readonly AuditFinding[],
  entries: readonly Pick<AcceptedAdvisory, 'advisory' | 'package'>[],
): { readonly ok: boolean; readonly unexplained: AuditFinding[]; readonly stale: AcceptedAdvisory[] }
/** Runs `npm audit` and judges it against the allow-list. */
export declare function runAudit(root?: string): {
  readonly status: 'passed' | 'failed' | 'unavailable'
  readonly lines: readonly string[]
}
