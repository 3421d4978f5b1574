// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { HostApi } from '../../shared/app/host-api'
import { generateTrainingSnapshot } from '../../shared/training/index'
import { createBrowserHost } from '../host/browser-host'
import { withRelativePath } from '../host/dropped-files'
import { InProcessWorker } from '../host/testing/in-process-worker'
import { ExportReport } from './export-report'
import { HostProvider } from '../ui/host-context'

/** File names the page offered for download; jsdom has no Blob URLs, so these stand in for the browser's. */
let downloaded: string[] = []

function recordDownload(event: MouseEvent): void {
  if (!(event.target instanceof HTMLAnchorElement)) return
  event.preventDefault()
  downloaded.push(event.target.download)
}

beforeAll(() => {
  Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: () => 'blob:synclens/1' })
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined })
  document.addEventListener('click', recordDownload)
})

afterAll(() => document.removeEventListener('click', recordDownload))

beforeEach(() => {
  downloaded = []
})

afterEach(cleanup)

async function trainingHost(): Promise<HostApi> {
  const host = createBrowserHost(
    () => new InProcessWorker(async () => generateTrainingSnapshot({ users: 40 }), false),
  )
  await host.openFiles([withRelativePath(new File(['<x/>'], 'snapshot.json'), 'Training/snapshot.json')])
  return host
}

function renderWith(host: HostApi, objectCsId?: string): void {
  render(
    <HostProvider host={host}>
      <ExportReport {...(objectCsId === undefined ? {} : { objectCsId })} />
    </HostProvider>,
  )
}

describe('ExportReport', () => {
  it('offers HTML, CSV and JSON in a menu that takes the focus and moves with the arrow keys', async () => {
    renderWith(await trainingHost())
    const trigger = screen.getByRole('button', { name: 'Export report' })

    fireEvent.click(trigger)
    const items = screen.getAllByRole('menuitem')
    const focusedFirst = document.activeElement === items[0]
    const hint = document.getElementById(items[1]?.getAttribute('aria-describedby') ?? '')?.textContent
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowUp' })
    const focusedLast = document.activeElement === items[2]
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' })

    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual(['HTML', 'CSV', 'JSON'])
    expect(hint).toBe('For a spreadsheet')
    expect(focusedFirst).toBe(true)
    expect(focusedLast).toBe(true)
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(trigger)
    expect(trigger.getAttribute('aria-expanded')).toBe('false')
  })

  it('exports the chosen format through the host and says it is saved', async () => {
    renderWith(await trainingHost())

    fireEvent.click(screen.getByRole('button', { name: 'Export report' }))
    await act(async () => fireEvent.click(screen.getByRole('menuitem', { name: 'CSV' })))

    // The whole-snapshot report reads every object: seconds on a loaded machine, not waitFor's default second.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Report saved'), {
      timeout: 25_000,
    })
    expect(downloaded).toHaveLength(1)
    expect(downloaded[0]).toMatch(/^synclens-report-Contoso-training-snapshot-.*\.csv$/)
    expect(screen.getByRole('status').getAttribute('title')).toBe(downloaded[0])
  })

  it('shows why an export failed', async () => {
    renderWith(await trainingHost(), 'no-such-object')

    fireEvent.click(screen.getByRole('button', { name: 'Export report' }))
    await act(async () => fireEvent.click(screen.getByRole('menuitem', { name: 'JSON' })))

    expect((await screen.findByRole('alert')).textContent).toBe(
      'That connector-space object is not in this snapshot; search for it again.',
    )
    expect(downloaded).toEqual([])
  })

  it('closes the menu on a click elsewhere', async () => {
    renderWith(await trainingHost())

    fireEvent.click(screen.getByRole('button', { name: 'Export report' }))
    fireEvent.pointerDown(document.body)

    expect(screen.queryByRole('menu')).toBeNull()
  })
})
