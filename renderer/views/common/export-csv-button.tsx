import { useState } from 'react'
import { downloadText } from '../../ui/clipboard'
import { csvFileName } from './csv'

/** "Export CSV": builds the document (possibly fetching every page first) and downloads it. */
export function ExportCsvButton({
  label,
  build,
  disabled = false,
}: {
  /** What is exported; names the file. */
  readonly label: string
  readonly build: () => string | Promise<string>
  readonly disabled?: boolean
}) {
  const [busy, setBusy] = useState(false)
  const onClick = async (): Promise<void> => {
    setBusy(true)
    try {
      downloadText(csvFileName(label), await build())
    } finally {
      setBusy(false)
    }
  }
  return (
    <button
      type="button"
      className="button button--quiet"
      disabled={disabled || busy}
      onClick={() => void onClick()}
      title={`Download ${label} as CSV`}
      data-testid="export-csv"
    >
      {busy ? 'Exporting…' : 'Export CSV'}
    </button>
  )
}
