import { type CSSProperties, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import type { ExportReportOutcome } from '../../shared/app/host-api'
import type { ReportFormat } from '../../shared/app/view-queries'
import { useHost } from '../ui/host-context'

/** The formats offered, in menu order, with what a user recognises them by. */
const FORMATS: readonly { readonly format: ReportFormat; readonly label: string; readonly hint: string }[] = [
  { format: 'html', label: 'HTML', hint: 'A page to read or share' },
  { format: 'csv', label: 'CSV', hint: 'For a spreadsheet' },
  { format: 'json', label: 'JSON', hint: 'For scripts' },
]

// The drop-down's few layout rules live here (CSSOM, allowed by the CSP) so the menu ships as one file.
const ANCHOR_STYLE: CSSProperties = { position: 'relative', display: 'inline-flex' }
const MENU_STYLE: CSSProperties = {
  position: 'absolute',
  top: 'calc(100% + 4px)',
  right: 0,
  zIndex: 20,
  display: 'flex',
  flexDirection: 'column',
  minWidth: '200px',
  padding: '4px',
  border: '1px solid var(--border)',
  borderRadius: '8px',
  background: 'var(--surface)',
  boxShadow: 'var(--shadow)',
}
const ITEM_STYLE: CSSProperties = { justifyContent: 'space-between', gap: '16px', whiteSpace: 'nowrap' }

type ExportStatus =
  | { readonly phase: 'idle' }
  | { readonly phase: 'exporting'; readonly format: ReportFormat }
  | { readonly phase: 'done'; readonly outcome: ExportReportOutcome }

/**
 * "Export report": a menu button offering HTML, CSV and JSON. The host saves the file (Electron's save
 * dialog, the browser's download); the button only says how it ended. Reports on the whole snapshot, or on
 * one connector-space object when `objectCsId` is given.
 */
export function ExportReport({ objectCsId }: { readonly objectCsId?: string }) {
  const host = useHost()
  const [open, setOpen] = useState(false)
  const [status, setStatus] = useState<ExportStatus>({ phase: 'idle' })
  const menu = useRef<HTMLDivElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  const menuId = useId()

  useEffect(() => {
    if (!open) return
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
    const closeOutside = (event: PointerEvent): void => {
      const inside = [menu.current, trigger.current].some(
        (part) => event.target instanceof Node && part?.contains(event.target) === true,
      )
      if (inside) return
      setOpen(false)
    }
    document.addEventListener('pointerdown', closeOutside)
    return () => document.removeEventListener('pointerdown', closeOutside)
  }, [open])

  const close = (): void => {
    setOpen(false)
    trigger.current?.focus()
  }

  const choose = async (format: ReportFormat): Promise<void> => {
    close()
    setStatus({ phase: 'exporting', format })
    const outcome = await host
      .exportReport(format, objectCsId)
      .catch((error: unknown): ExportReportOutcome => ({
        status: 'failed',
        message: error instanceof Error ? error.message : String(error),
      }))
    setStatus({ phase: 'done', outcome })
  }

  const onMenuKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const at = items.findIndex((item) => item === document.activeElement)
    const step = menuStep(event.key)
    if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault()
      close()
    } else if (step !== null && items.length > 0) {
      event.preventDefault()
      const next = step === 'first' ? 0 : step === 'last' ? items.length - 1 : at + step
      items[(next + items.length) % items.length]?.focus()
    }
  }

  const busy = status.phase === 'exporting'
  return (
    <>
      <span style={ANCHOR_STYLE}>
        <button
          ref={trigger}
          type="button"
          className="button button--quiet"
          aria-haspopup="menu"
          aria-expanded={open}
          aria-controls={open ? menuId : undefined}
          data-testid="export-report"
          disabled={busy}
          onClick={() => setOpen((value) => !value)}
        >
          {busy ? `Exporting ${status.format.toUpperCase()}…` : 'Export report'}
        </button>
        {open && (
          <div ref={menu} id={menuId} role="menu" aria-label="Report format" style={MENU_STYLE}>
            {FORMATS.map(({ format, label, hint }) => (
              <button
                key={format}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="button button--quiet"
                style={ITEM_STYLE}
                aria-label={label}
                aria-describedby={`${menuId}-${format}`}
                onClick={() => void choose(format)}
                onKeyDown={onMenuKey}
              >
                {label}
                <span id={`${menuId}-${format}`} className="muted small">
                  {hint}
                </span>
              </button>
            ))}
          </div>
        )}
      </span>
      <ExportMessage status={status} />
    </>
  )
}

function ExportMessage({ status }: { readonly status: ExportStatus }) {
  if (status.phase !== 'done') return <span role="status" className="visually-hidden" />
  const { outcome } = status
  switch (outcome.status) {
    case 'saved':
      return (
        <span role="status" className="muted" title={outcome.fileName}>
          Report saved
        </span>
      )
    case 'cancelled':
      return <span role="status" className="visually-hidden" />
    case 'failed':
      return (
        <span role="alert" className="error-text">
          {outcome.message}
        </span>
      )
  }
}

/** Where a key moves focus in the menu: by one either way, to an end, or nowhere. */
function menuStep(key: string): 1 | -1 | 'first' | 'last' | null {
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return 1
    case 'ArrowUp':
    case 'ArrowLeft':
      return -1
    case 'Home':
      return 'first'
    case 'End':
      return 'last'
    default:
      return null
  }
}
