import type { LoadProgress, SnapshotState, SnapshotSummary } from './host-api'
import { failureIssues } from './load-failure'

/** The progress shown the moment a load starts: every file listed, nothing read yet. */
export function initialProgress(
  files: readonly { readonly path: string; readonly size: number }[],
): LoadProgress {
  return {
    files: files.map((file) => ({
      path: file.path,
      size: file.size,
      kind: '',
      bytesRead: 0,
      objects: 0,
      done: false,
    })),
    bytesRead: 0,
    bytesTotal: files.reduce((sum, file) => sum + file.size, 0),
    objectsRead: 0,
    elapsedMs: 0,
    rate: 0,
    secondsLeft: null,
  }
}

/** True when a loaded snapshot holds something to show: rules, connectors, a metaverse schema or objects. */
export function hasContent(summary: SnapshotSummary): boolean {
  return (
    summary.rules.total > 0 ||
    summary.connectors.length > 0 ||
    summary.metaverseObjectTypes.length > 0 ||
    summary.metaverse.objects > 0 ||
    summary.unassignedCsObjects > 0 ||
    summary.serverConfigurationVersion !== null
  )
}

/**
 * The state after a load completed. A snapshot whose every recognised file was broken has nothing to show,
 * so it counts as failed and lists the problems instead of opening an empty window.
 */
export function settledState(summary: SnapshotSummary): SnapshotState {
  if (hasContent(summary)) return { phase: 'ready', summary }
  return {
    phase: 'failed',
    name: summary.name,
    message: `Nothing in ${summary.name} could be read: every snapshot file in it has a problem.`,
    issues: summary.issues,
  }
}

/**
 * The state after a load failed with an error (not a cancel). A position the loader wrote into the message
 * (`file:line:column: text`) becomes a located issue.
 */
export function failedState(name: string, error: unknown): SnapshotState {
  const message = error instanceof Error ? error.message : String(error)
  return { phase: 'failed', name, message, issues: failureIssues(message, name) }
}
