import { useEffect, useState } from 'react'
import type { RecentSnapshot } from '../../shared/app/host-api'
import { useHost } from '../ui/host-context'
import type { SnapshotPickers } from './snapshot-pickers'

/** The start page: what SyncLens is, how to open a snapshot, and how to get one. */
export function EmptyView({ pickers }: { readonly pickers: SnapshotPickers }) {
  const host = useHost()
  const [recent, setRecent] = useState<readonly RecentSnapshot[]>([])

  useEffect(() => {
    let live = true
    void host.listRecent().then(
      (list) => {
        if (live) setRecent(list)
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [host])

  return (
    <main className="start" data-testid="start-page">
      <section className="start__open">
        <h1 className="start__title">Open a sync snapshot</h1>
        <p className="start__lead">
          SyncLens explains how attributes flow through Azure AD Connect (Entra Connect Sync), offline, from
          an exported snapshot.
        </p>
        <div className="start__actions">
          <button type="button" className="button button--primary" onClick={pickers.pickFolder}>
            Open snapshot folder
          </button>
          <button type="button" className="button" onClick={pickers.pickFiles}>
            Open files
          </button>
          <button type="button" className="button" onClick={() => void host.openTrainingSnapshot()}>
            Open the training snapshot
          </button>
        </div>
        <div className="drop-zone" data-testid="drop-zone">
          <span className="drop-zone__icon" aria-hidden="true">
            ⤓
          </span>
          <span>Drop a snapshot folder or a .zip of one anywhere in this window</span>
        </div>
        {recent.length > 0 && (
          <section className="recent" aria-labelledby="recent-title">
            <h2 id="recent-title">Recent snapshots</h2>
            <ul className="recent__list">
              {recent.map((snapshot) => (
                <li key={snapshot.id}>
                  <button
                    type="button"
                    className="recent__item"
                    onClick={() => void host.openRecent(snapshot.id)}
                  >
                    <span className="recent__name">{snapshot.name}</span>
                    <span className="recent__location">{snapshot.location}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </section>
      <aside className="start__help" aria-labelledby="help-title">
        <h2 id="help-title">How do I get a snapshot?</h2>
        <p className="start__help-lead">
          <strong>Complete</strong> (rules, connector spaces and metaverse): on the sync server, run the
          collector script that ships with SyncLens as an administrator. It only reads.
        </p>
        <code className="command">.\collector\Export-SyncLensSnapshot.ps1 -OutputPath C:\Temp\SyncLens</code>
        <p className="start__help-lead">
          <strong>Quickest</strong> (rules and connectors, no objects): run in PowerShell as an administrator
        </p>
        <code className="command">Get-ADSyncServerConfiguration -Path C:\Temp\Export</code>
        <ol className="steps">
          <li>Copy the folder to this computer (zip it if that is easier).</li>
          <li>Open the folder here. Nothing is sent anywhere, and the snapshot is never changed.</li>
        </ol>
        <p className="muted">
          A single csexport file or a metaverse export opens too; SyncLens says what such a snapshot lacks.
        </p>
      </aside>
    </main>
  )
}
