import { useState } from 'react'
import type { LoadProgress } from '../../shared/app/host-api'
import { formatBytes, formatCount, formatDuration, formatRate, percent } from '../../shared/text/format'
import { useHost } from '../ui/host-context'
import { ProgressMeter } from '../views/common/progress-meter'

/** Most file rows listed; a folder of thousands of files would cost more to redraw ten times a second. */
const SHOWN_FILES = 200

/** The loading page: overall and per-file progress, with Cancel. */
export function LoadingView({ name, progress }: { readonly name: string; readonly progress: LoadProgress }) {
  const host = useHost()
  const [cancelling, setCancelling] = useState(false)
  const done = percent(progress.bytesRead, progress.bytesTotal)
  const files = [...progress.files].sort((a, b) => a.path.localeCompare(b.path))
  const shown = files.slice(0, SHOWN_FILES)
  const filesDone = progress.files.filter((file) => file.done).length

  const cancel = (): void => {
    setCancelling(true)
    void host.cancelLoad()
  }

  return (
    <main className="loading" aria-busy="true" data-testid="loading-page">
      <header className="loading__header">
        <h1 className="loading__title">
          Opening <span className="loading__name">{name}</span>
        </h1>
        <button type="button" className="button" onClick={cancel} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </header>
      <ProgressMeter label="Snapshot read" percent={done} />
      <dl className="loading__stats">
        <div>
          <dt>Read</dt>
          <dd>
            {formatBytes(progress.bytesRead)} of {formatBytes(progress.bytesTotal)}
          </dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd>{formatRate(progress.rate)}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>{formatDuration(progress.secondsLeft)}</dd>
        </div>
        <div>
          <dt>Files</dt>
          <dd>
            {formatCount(filesDone)} of {formatCount(progress.files.length)}
          </dd>
        </div>
        <div>
          <dt>Objects</dt>
          <dd>{formatCount(progress.objectsRead)}</dd>
        </div>
      </dl>
      <div className="table-scroll loading__files">
        <table className="data-table" data-testid="loading-files">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Kind</th>
              <th scope="col" className="numeric">
                Read
              </th>
              <th scope="col" className="numeric">
                Objects
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((file) => (
              <tr key={file.path} className={file.done ? 'file-row file-row--done' : 'file-row'}>
                <td className="file-row__path">{file.path}</td>
                <td>{file.kind === '' ? '…' : file.kind}</td>
                <td className="numeric">
                  {formatBytes(file.bytesRead)} / {formatBytes(file.size)}
                </td>
                <td className="numeric">{formatCount(file.objects)}</td>
              </tr>
            ))}
            {files.length > shown.length && (
              <tr className="file-row file-row--more">
                <td colSpan={4}>and {formatCount(files.length - shown.length)} more files</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </main>
  )
}
