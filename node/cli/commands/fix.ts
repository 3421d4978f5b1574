import type { FixImpactStep } from '../../../shared/app/fix-queries'
import type { FixDraft } from '../../../shared/fix/draft'
import { changeLines, impactLines, movedLines } from '../../../shared/fix/draft-text'
import type { DraftImpact } from '../../../shared/fix/impact'
import { formatCount } from '../../../shared/text/format'
import { AtomicWriteError, writeFileAtomic } from '../../atomic-write'
import { CliError, type CliIo, EXIT, writeJson } from '../cli-io'
import { type AttributePathOptions, findAttributePath, requireOneObject } from '../find-object'
import { StatusLine } from '../load-progress'
import { type CliSnapshot, isDemo, loaded, openSnapshotForCli } from '../open-snapshot'
import { refuseOutputInside } from './report'

/** Options of `synclens fix`. */
export interface FixOptions extends AttributePathOptions {
  /** `--out FILE`: write the Synchronization Rules Editor script there. */
  readonly out?: string
  /** `--force`: replace FILE when it exists. */
  readonly force?: boolean
  readonly json?: boolean
}

/**
 * `synclens fix <path> (--dn DN [--connector NAME] | --mv-id GUID) --attribute NAME [--target CONNECTOR] [--json]
 * [--out FILE [--force]]`: the rule and connector changes that make the attribute flow (the session's proposal,
 * as the app's "Draft a fix" shows it), the object before and after them, and their impact on the whole snapshot;
 * `--out` writes them as a Synchronization Rules Editor script. Nothing is written into the snapshot.
 */
export async function fixCommand(target: string, options: FixOptions, io: CliIo): Promise<void> {
  requireOneObject('fix', options)
  if (options.out === '') throw new CliError('--out needs a file name.', EXIT.usage)
  if (options.out !== undefined && !isDemo(target)) refuseOutputInside(target, options.out, 'the script')
  const snapshot = await openSnapshotForCli(target, io)
  const { session } = snapshot
  const path = findAttributePath(snapshot, options, 'fix')
  const { csId } = path
  const draft = loaded(
    session.proposeFix({
      csId,
      attribute: path.attribute,
      ...(path.targetConnectorId === undefined ? {} : { targetConnectorId: path.targetConnectorId }),
    }),
    'the draft',
  )
  const preview = loaded(session.previewFix({ draft }), 'the preview').preview
  const changes = draft.changes.length > 0
  const impact = changes ? await countImpact(snapshot, draft, io) : null
  const script = changes && options.out !== undefined ? await writeScript(snapshot, draft, options) : null
  if (options.json) {
    writeJson(io, {
      draft,
      before: {
        verdict: preview.before.diagnosis.verdict,
        alsoBlocking: preview.before.diagnosis.alsoBlocking,
        steps: preview.before.diagnosis.steps,
      },
      after: {
        verdict: preview.after.diagnosis.verdict,
        alsoBlocking: preview.after.diagnosis.alsoBlocking,
        steps: preview.after.diagnosis.steps,
      },
      moved: preview.moved,
      syncError: preview.syncError,
      impact,
      script,
    })
    return
  }
  const out = (line = ''): void => io.stdout(`${line}\n`)
  out(`${options.attribute} of ${draft.target.dn} ("${draft.target.connectorName}")`)
  const also = preview.before.diagnosis.alsoBlocking
  out(`Verdict now: ${draft.verdict}${also.length > 0 ? ` (also blocking: ${also.join(', ')})` : ''}`)
  out()
  if (changes) {
    out('Proposed changes:')
    for (const line of changeLines(draft)) out(`  ${line}`)
  } else {
    out('No rule or connector change is proposed.')
  }
  if (draft.notes.length > 0) {
    out()
    out('Notes:')
    for (const note of draft.notes) out(`  - ${note}`)
  }
  if (draft.remaining.length > 0) {
    out()
    out(changes ? 'Still broken after the changes (no rule or connector change fixes it):' : 'Why:')
    for (const item of draft.remaining) out(`  - ${item.code}: ${item.message} ${item.advice}`)
  }
  if (!changes) return
  out()
  out('This object, before -> after the next synchronization:')
  for (const line of movedLines(preview.moved)) out(`  ${line}`)
  if (preview.moved.length === 0)
    out('  (no value of this object moves: the change keeps it in synchronization)')
  if (preview.syncError !== null) out(`  The object would fail to synchronize: ${preview.syncError}`)
  out()
  out('Path after the change:')
  preview.after.diagnosis.steps.forEach((step, number) => {
    out(
      `  ${String(number + 1).padStart(2)}. ${step.blocking ? '✗' : '✓'} [${step.stage}] ${step.code}: ${step.message}`,
    )
  })
  out(`Verdict after the change: ${preview.after.diagnosis.verdict}`)
  if (impact) {
    out()
    out('Impact on the snapshot:')
    for (const line of impactLines(impact)) out(`  ${line}`)
  }
  out()
  out(
    script === null
      ? 'Add --out FILE.ps1 to save these changes as a Synchronization Rules Editor script.'
      : `Wrote the Synchronization Rules Editor script to ${script}: run it on the staging server first.`,
  )
}

/** Counts the impact in the session's steps, showing the progress in place on a terminal. */
async function countImpact(snapshot: CliSnapshot, draft: FixDraft, io: CliIo): Promise<DraftImpact> {
  const { session } = snapshot
  const status = io.status === undefined ? null : new StatusLine(io.status, io.columns)
  try {
    let step: FixImpactStep | null = loaded(session.startFixImpact(draft), 'the impact count')
    while (step.impact === null) {
      status?.show(
        `Counting the impact: ${formatCount(step.progress.done)} of ${formatCount(step.progress.total)} objects…`,
      )
      // Lets the status line reach the terminal between steps.
      await new Promise((resolve) => setImmediate(resolve))
      step = loaded(session.continueFixImpact({ runId: step.runId }), 'the impact count')
    }
    return step.impact
  } finally {
    status?.done()
  }
}

/** Writes the draft's script atomically; an existing file is kept unless --force. */
async function writeScript(snapshot: CliSnapshot, draft: FixDraft, options: FixOptions): Promise<string> {
  const out = options.out ?? ''
  const file = snapshot.session.fixScript(draft)
  if ('error' in file) throw new Error(`the session refused its own draft: ${file.error}`)
  try {
    await writeFileAtomic(out, file.content, { overwrite: options.force === true })
  } catch (error) {
    if (error instanceof AtomicWriteError) throw new CliError(error.message, EXIT.cannotWrite)
    throw error
  }
  return out
}
