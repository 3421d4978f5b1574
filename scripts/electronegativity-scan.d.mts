/** One scanner finding. */
export interface SecurityFinding {
  readonly check: string
  readonly severity: 'info' | 'low' | 'medium' | 'high'
  readonly file: string
  readonly line: number | null
  readonly column: number | null
  readonly message: string
}
/** Severity order, least first. */
export const SEVERITIES: readonly SecurityFinding['severity'][]
/** Scans the Electron sources under `root`; most severe first. */
export function scanElectronSecurity(root: string): SecurityFinding[]
/** Accepted findings and their reasons, from scripts/electronegativity.config.json. */
export function readExplanations(root: string): ReadonlyMap<string, string>
/** The key a finding is explained under. */
export function findingKey(finding: SecurityFinding): string
/** Findings above low without an explanation. */
export function unexplained(
  findings: readonly SecurityFinding[],
  explanations: ReadonlyMap<string, string>,
): SecurityFinding[]
