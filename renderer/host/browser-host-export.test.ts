// @vitest-environment jsdom
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { HostApi } from '../../shared/app/host-api'
import { generateTrainingSnapshot, TRAINING_CASES } from '../../shared/training/index'
import { createBrowserHost } from './browser-host'
import { withRelativePath } from './dropped-files'
import { InProcessWorker } from './testing/in-process-worker'

/** What the page handed to the browser's download: the Blob behind the URL and the link that was clicked. */
interface Downloaded {
  readonly blob: Blob
  readonly fileName: string
  readonly href: string
}

let downloads: Downloaded[] = []
let revoked: string[] = []
const blobs = new Map<string, Blob>()
/**
 * jsdom has no Blob URLs; these stand in for the browser's, keeping the Blob so the test can read it. They
 * stay for the whole file (its own jsdom), since a revocation may run after a test has ended.
 */
function installBlobUrls(): void {
  let next = 1
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: (blob: Blob) => {
      const url = `blob:synclens/${next++}`
      blobs.set(url, blob)
      return url
    },
  })
  Object.defineProperty(URL, 'revokeObjectURL', {
    configurable: true,
    value: (url: string) => revoked.push(url),
  })
}

/** Records each download link click instead of letting jsdom try to navigate. */
function recordClicks(event: MouseEvent): void {
  const link = event.target
  if (!(link instanceof HTMLAnchorElement)) return
  event.preventDefault()
  const blob = blobs.get(link.href)
  if (blob) downloads.push({ blob, fileName: link.download, href: link.href })
}

beforeAll(() => {
  installBlobUrls()
  document.addEventListener('click', recordClicks)
})

afterAll(() => {
  document.removeEventListener('click', recordClicks)
})

beforeEach(() => {
  downloads = []
  revoked = []
})

async function trainingHost(): Promise<HostApi> {
  const host = createBrowserHost(
    () => new InProcessWorker(async () => generateTrainingSnapshot({ users: 40 }), false),
  )
  await host.openFiles([withRelativePath(new File(['<x/>'], 'snapshot.json'), 'Training/snapshot.json')])
  return host
}

describe('createBrowserHost exportReport', () => {
  it('downloads the HTML report through a Blob URL and a temporary link', async () => {
    const host = await trainingHost()

    const outcome = await host.exportReport('html')

    expect(outcome.status).toBe('saved')
    expect(downloads).toHaveLength(1)
    const [download] = downloads
    if (!download) return
    expect(outcome).toEqual({ status: 'saved', fileName: download.fileName })
    expect(download.fileName).toMatch(/^synclens-report-Contoso-training-snapshot-\d{4}-\d{2}-\d{2}\.html$/)
    expect(download.blob.type).toBe('text/html;charset=utf-8')
    const text = await download.blob.text()
    expect(text).toContain('<!DOCTYPE html>')
    expect(text).toContain('Unmapped attributes')
    expect(document.querySelectorAll('a[download]')).toHaveLength(0)
    await vi.waitFor(() => expect(revoked).toEqual([download.href]), { timeout: 3_000 })
  })

  it('downloads one object as CSV, the same rows as the worker renders', async () => {
    const host = await trainingHost()
    const page = await host.searchConnectorSpace({
      connectorId: await firstConnectorId(host),
      query: { scope: 'all' },
      columns: [],
      offset: 0,
      limit: 1,
    })
    const csId = page.rows[0]?.id ?? ''

    const outcome = await host.exportReport('csv', csId)
    const rendered = await host.report({ format: 'csv', objectCsId: csId })

    expect(csId).not.toBe('')
    expect(outcome.status).toBe('saved')
    if ('error' in rendered) throw new Error(rendered.error)
    expect(await downloads[0]?.blob.text()).toBe(rendered.content)
    expect(downloads[0]?.blob.type).toBe('text/csv;charset=utf-8')
  })

  it('answers failed and downloads nothing for an unknown object or with no snapshot', async () => {
    const host = await trainingHost()
    const empty = createBrowserHost(() => new InProcessWorker(undefined, false))

    const unknown = await host.exportReport('json', 'no-such-object')
    const none = await empty.exportReport('json')

    expect(unknown).toEqual({
      status: 'failed',
      message: 'That connector-space object is not in this snapshot; search for it again.',
    })
    expect(none).toEqual({
      status: 'failed',
      message: 'No snapshot is open; open one before exporting a report.',
    })
    expect(downloads).toEqual([])
  })
})

async function firstConnectorId(host: HostApi): Promise<string> {
  const state = await host.getState()
  return state.phase === 'ready' ? (state.summary.connectors[0]?.id ?? '') : ''
}

describe('createBrowserHost saveFixScript', () => {
  it("downloads a drafted fix as the Rules Editor script the worker writes (Kwame's employeeID)", async () => {
    const host = await trainingHost()
    const kwame = TRAINING_CASES.find((trainingCase) => trainingCase.id === 'employee-id-not-selected')
    const page = await host.searchConnectorSpace({
      connectorId: await firstConnectorId(host),
      query: { scope: 'dn', value: kwame?.dn ?? '' },
      columns: [],
      offset: 0,
      limit: 1,
    })
    const draft = await host.proposeFix({ csId: page.rows[0]?.id ?? '', attribute: kwame?.attribute ?? '' })
    if (!draft) throw new Error('No draft for Kwame')

    const outcome = await host.saveFixScript(draft)
    const empty = await host.saveFixScript({ ...draft, changes: [] })

    expect(outcome).toEqual({ status: 'saved', fileName: 'synclens-fix-employeeID-Kwame-Okafor.ps1' })
    expect(empty.status).toBe('failed')
    expect(downloads).toHaveLength(1)
    const text = await downloads[0]?.blob.text()
    expect(text).toContain('New-ADSyncRule')
    expect(text).toContain('STAGING server first')
  })
})
