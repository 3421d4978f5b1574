// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { HostApi, MenuCommand } from '../../shared/app/host-api'
import { createBrowserHost } from '../host/browser-host'
import { pickFixtureFolder } from '../host/testing/fixture-folder'
import { InProcessWorker } from '../host/testing/in-process-worker'
import { App } from './app'

afterEach(cleanup)

/** The real browser host, plus the native menu and dialog only Electron has, so their wiring can be driven. */
function hostWithMenu(): { host: HostApi; send: (command: MenuCommand) => void; dialogs: number[] } {
  const browser = createBrowserHost(() => new InProcessWorker(undefined, false))
  const listeners = new Set<(command: MenuCommand) => void>()
  const dialogs: number[] = []
  const host: HostApi = {
    ...browser,
    platform: 'electron',
    openSnapshotDialog: async () => {
      dialogs.push(Date.now())
      return true
    },
    onMenuCommand: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return { host, send: (command) => listeners.forEach((listener) => listener(command)), dialogs }
}

describe('App', () => {
  it('marks <html> with the app state and titles the window as a snapshot opens', async () => {
    const { host } = hostWithMenu()
    render(<App host={host} />)
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('empty'))
    expect(document.title).toBe('SyncLens')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Open a sync snapshot')

    await act(() => host.openFiles(pickFixtureFolder()))

    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('ready'))
    expect(document.title).toBe('SyncLens - serverconfig-small')
    expect(screen.getByTestId('snapshot-server').textContent).toBe('FABRIKAM-SYNC01')
    expect(screen.getByTestId('snapshot-version').textContent).toBe('2.3.20.0')
    // An admin's walk starts at Metaverse Search, as in the Service Manager. The view is a lazy chunk: under a
    // full parallel test run it can take longer than waitFor's 1 s default.
    await waitFor(() => expect(screen.getByTestId('mv-search')).toBeTruthy(), { timeout: 10_000 })
  })

  it('opens the host dialog and closes the snapshot on menu commands', async () => {
    const { host, send, dialogs } = hostWithMenu()
    render(<App host={host} />)
    await act(() => host.openFiles(pickFixtureFolder()))
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('ready'))

    act(() => send('open-snapshot'))
    await waitFor(() => expect(dialogs).toHaveLength(1))
    act(() => send('close-snapshot'))

    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('empty'))
    expect(document.title).toBe('SyncLens')
  })
})
