import { useEffect, useMemo, useRef, useState } from 'react'
import type { ExportReportOutcome, SnapshotSummary } from '../../../shared/app/host-api'
import { editDraft, type DraftEdit } from './edit-draft'
import type { FixDraft } from '../../../shared/fix/draft'
import type { ImpactObject } from '../../../shared/fix/impact'
import { AAD_CONNECTOR_ID } from '../../../shared/model/connector'
import type { Route } from '../../ui/navigation'
import { useHost } from '../../ui/host-context'
import { useNavigate } from '../../ui/navigation-context'
import { useDebouncedValue } from '../../ui/use-debounced-value'
import { DiagnosisChip } from '../common/diagnosis-chip'
import { useHostQuery } from '../common/use-host-query'
import { ChangeCard } from './change-card'
import { draftKey, keepDraft, useKeptDraft } from './draft-store'
import { runImpactCount } from './impact-run'
import { ImpactPanel, type ImpactState } from './impact-panel'
import { PreviewPanes } from './preview-panes'
import './fix.css'

type FixRoute = Extract<Route, { view: 'fix' }>

/**
 * "Draft a fix" for one attribute of one connector-space object: the proposed changes, editable; the object
 * before and after them side by side, following each edit; the impact on the whole snapshot, counted on request;
 * Save script. The draft lives in the window's memory and in the script the user saves, never in the snapshot.
 */
export function FixView({ route, summary }: { readonly route: FixRoute; readonly summary: SnapshotSummary }) {
  const host = useHost()
  const navigate = useNavigate()
  const key = draftKey(route.csId, route.attribute, route.targetConnectorId ?? null)
  const kept = useKeptDraft(summary, key)
  const proposal = useHostQuery(`fix-propose|${key}`, () =>
    host.proposeFix({
      csId: route.csId,
      attribute: route.attribute,
      ...(route.targetConnectorId === undefined ? {} : { targetConnectorId: route.targetConnectorId }),
    }),
  )
  const proposed = proposal.status === 'done' ? proposal.value : null
  const draft = kept ?? proposed
  const isEntraId = useMemo(() => {
    const aad = new Set(summary.connectors.filter((connector) => connector.type === 'AAD').map((c) => c.id))
    return (id: string): boolean => id === AAD_CONNECTOR_ID || aad.has(id)
  }, [summary])

  if (proposal.status === 'loading' && draft === null)
    return <main className="view empty-state">Drafting a fix for {route.attribute}…</main>
  if (proposal.status === 'failed' && draft === null)
    return <main className="view empty-state error-text">No draft: {proposal.message}</main>
  if (draft === null)
    return <main className="view empty-state">This object is not in the snapshot any more.</main>
  return (
    <DraftEditor
      draft={draft}
      edited={kept !== null}
      isEntraId={isEntraId}
      onChange={(next) => keepDraft(summary, key, next)}
      onReset={() => keepDraft(summary, key, null)}
      onBack={() => navigate({ view: 'object', target: { csId: route.csId }, attribute: route.attribute })}
      onOpen={(object) =>
        navigate({
          view: 'object',
          target: object.csObjectId !== null ? { csId: object.csObjectId } : { mvId: object.mvObjectId },
        })
      }
    />
  )
}

function DraftEditor({
  draft,
  edited,
  isEntraId,
  onChange,
  onReset,
  onBack,
  onOpen,
}: {
  readonly draft: FixDraft
  readonly edited: boolean
  readonly isEntraId: (connectorId: string) => boolean
  readonly onChange: (draft: FixDraft) => void
  readonly onReset: () => void
  readonly onBack: () => void
  readonly onOpen: (object: ImpactObject) => void
}) {
  const host = useHost()
  // The preview follows the edits, once the user pauses typing.
  const settled = useDebouncedValue(draft, 250)
  const previewKey = useMemo(() => JSON.stringify(settled), [settled])
  const preview = useHostQuery(`fix-preview|${previewKey}`, () => host.previewFix({ draft: settled }))
  const [impact, setImpact] = useState<ImpactState>({ phase: 'idle' })
  const counted = useRef<string | null>(null)
  const cancel = useRef<(() => void) | null>(null)
  const [saved, setSaved] = useState<ExportReportOutcome | null>(null)
  useEffect(() => () => cancel.current?.(), [])
  useEffect(() => {
    setImpact((current) =>
      current.phase === 'done' ? { ...current, stale: counted.current !== JSON.stringify(draft) } : current,
    )
  }, [draft])

  const edit = (change: DraftEdit): void => {
    setSaved(null)
    onChange(editDraft(draft, change))
  }
  const count = (): void => {
    cancel.current?.()
    const snapshot = JSON.stringify(draft)
    setImpact({ phase: 'counting', progress: null })
    const run = runImpactCount(host, draft, (progress) => setImpact({ phase: 'counting', progress }))
    cancel.current = run.cancel
    run.result.then(
      (result) => {
        cancel.current = null
        counted.current = snapshot
        setImpact(result === null ? { phase: 'idle' } : { phase: 'done', impact: result, stale: false })
      },
      (error: unknown) => {
        cancel.current = null
        setImpact({ phase: 'failed', message: error instanceof Error ? error.message : String(error) })
      },
    )
  }
  const answer = preview.status === 'done' ? preview.value : null
  const problems = answer?.problems ?? []
  const blocked = problems.some((problem) => problem.severity === 'error')

  return (
    <main className="view fix-view" data-testid="fix-view">
      <header className="fix-view__head">
        <div>
          <p className="muted small">Draft a fix</p>
          <h2 className="view-title" data-testid="fix-title">
            {draft.target.attribute} of {draft.target.dn}
          </h2>
          <p className="muted small">
            Connector &quot;{draft.target.connectorName}&quot;. Nothing is written into the snapshot: the
            draft lives here and in the script you save.
          </p>
        </div>
        <div className="fix-view__verdicts">
          <DiagnosisChip code={draft.verdict} reason="The verdict in the snapshot." />
          <span aria-hidden="true">→</span>
          {answer ? (
            <span data-testid="fix-after-verdict" data-code={answer.preview.after.diagnosis.verdict}>
              <DiagnosisChip
                code={answer.preview.after.diagnosis.verdict}
                reason="The verdict after the change and the next synchronization."
              />
            </span>
          ) : (
            <span className="muted small">previewing…</span>
          )}
        </div>
        <div className="fix-view__actions">
          <button type="button" className="button button--quiet" onClick={onBack}>
            Back to the object
          </button>
          {edited && (
            <button type="button" className="button button--quiet" onClick={onReset}>
              Start again from the proposal
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            disabled={draft.changes.length === 0 || blocked}
            title={
              blocked ? 'Fix the errors in the draft first.' : 'Save the changes as a Rules Editor script.'
            }
            onClick={() => {
              setSaved(null)
              void host.saveFixScript(draft).then(setSaved, (error: unknown) =>
                setSaved({
                  status: 'failed',
                  message: error instanceof Error ? error.message : String(error),
                }),
              )
            }}
            data-testid="fix-save-script"
          >
            Save script…
          </button>
        </div>
      </header>
      {saved && <SaveStatus outcome={saved} />}
      <div className="fix-view__body">
        <section className="fix-view__draft" aria-label="The proposed changes">
          <h3 className="fix-section-title">Proposed changes</h3>
          {draft.changes.length === 0 ? (
            <p className="muted">No rule or connector change makes this attribute flow.</p>
          ) : (
            <ol className="fix-changes">
              {draft.changes.map((change, index) => (
                <ChangeCard
                  key={index}
                  change={change}
                  index={index}
                  problems={problems.filter((problem) => problem.change === index)}
                  attribute={answer?.preview.after.diagnosis.attribute.metaverse ?? draft.target.attribute}
                  after={answer?.preview.after.report ?? null}
                  onEdit={edit}
                />
              ))}
            </ol>
          )}
          {draft.notes.length > 0 && (
            <ul className="fix-notes">
              {draft.notes.map((note, index) => (
                <li key={index} className="small">
                  {note}
                </li>
              ))}
            </ul>
          )}
          {draft.remaining.length > 0 && (
            <>
              <h3 className="fix-section-title">
                {draft.changes.length === 0 ? 'Why not' : 'Still broken after these changes'}
              </h3>
              <ul className="fix-remaining" data-testid="fix-remaining">
                {draft.remaining.map((item, index) => (
                  <li key={index}>
                    <DiagnosisChip code={item.code} reason={item.message} /> {item.message}{' '}
                    <span className="muted">{item.advice}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="fix-view__preview" aria-label="Preview">
          <h3 className="fix-section-title">This object before and after</h3>
          {preview.status === 'failed' && <p className="error-text">The preview failed: {preview.message}</p>}
          {draft.changes.length === 0 ? (
            <p className="muted">Nothing to preview: the draft changes nothing.</p>
          ) : answer ? (
            <PreviewPanes preview={answer.preview} isEntraId={isEntraId} />
          ) : (
            preview.status !== 'failed' && <p className="muted">Simulating the next synchronization…</p>
          )}
          {draft.changes.length > 0 && (
            <>
              <h3 className="fix-section-title">Impact on the snapshot</h3>
              <ImpactPanel
                state={impact}
                onCount={count}
                onCancel={() => cancel.current?.()}
                onOpen={onOpen}
              />
            </>
          )}
        </section>
      </div>
    </main>
  )
}

function SaveStatus({ outcome }: { readonly outcome: ExportReportOutcome }) {
  switch (outcome.status) {
    case 'saved':
      return (
        <p className="fix-view__saved" role="status" data-testid="fix-saved">
          Saved {outcome.fileName}. Run it on the staging server first.
        </p>
      )
    case 'cancelled':
      return null
    case 'failed':
      return (
        <p className="error-text" role="alert">
          The script was not saved: {outcome.message}
        </p>
      )
  }
}
