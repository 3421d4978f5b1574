import { attachScreenshot, SMALL_FIXTURE } from '../app-test'
import { ELECTRON_MISSING_REASON } from '../electron-binary'
import { StartPage } from '../pages/start-page'
import { SyncRulesPage } from '../pages/sync-rules-page'
import { electronPath, expect, test, windowTitle } from './electron-app'

test.describe('SyncLens in Electron', () => {
  test.skip(!electronPath, ELECTRON_MISSING_REASON)

  test('opens the snapshot given on the command line and lists its rules', async ({
    electronApp,
    appPage,
  }, testInfo) => {
    const start = new StartPage(appPage)
    const rules = new SyncRulesPage(appPage)

    await start.expectState('ready')

    await expect(rules.grid).toBeVisible()
    await expect(rules.bodyRows().first()).toBeVisible()
    await expect(rules.nameCells().first()).toHaveText('In from AD - User Department (Custom)')
    expect(await windowTitle(electronApp)).toBe('SyncLens - serverconfig-small')
    await attachScreenshot(appPage, testInfo, 'electron-ready')
  })

  test.describe('without a snapshot argument', () => {
    test.use({ snapshotPath: null })

    test('starts on the empty page and opens a snapshot through the native dialog', async ({
      electronApp,
      appPage,
    }) => {
      const start = new StartPage(appPage)
      await start.expectState('empty')
      expect(await windowTitle(electronApp)).toBe('SyncLens')
      // Native dialogs cannot be driven; answer them from the main process instead.
      await electronApp.evaluate(({ dialog }, folder) => {
        dialog.showMessageBox = (() =>
          Promise.resolve({ response: 0, checkboxChecked: false })) as typeof dialog.showMessageBox
        dialog.showOpenDialog = (() =>
          Promise.resolve({ canceled: false, filePaths: [folder] })) as typeof dialog.showOpenDialog
      }, SMALL_FIXTURE)

      const shown = await appPage.evaluate(() => window.synclens?.openSnapshotDialog())

      expect(shown).toBe(true)
      await start.expectState('ready')
      const recent = await appPage.evaluate(() => window.synclens?.listRecent() ?? [])
      expect(recent).toEqual([expect.objectContaining({ name: 'serverconfig-small' })])
      expect(recent[0]?.id).toMatch(/^[0-9a-f-]{36}$/)
    })

    test('reports an unknown recent snapshot in the failed state', async ({ appPage }) => {
      const start = new StartPage(appPage)
      await start.expectState('empty')

      const state = await appPage.evaluate(async () => {
        const host = window.synclens
        if (!host) throw new Error('the preload exposed no window.synclens')
        await host.openRecent('00000000-0000-0000-0000-000000000000')
        return host.getState()
      })

      expect(state).toMatchObject({
        phase: 'failed',
        message: expect.stringMatching(/no longer in the recent list/),
      })
      await start.expectState('failed')
    })
  })
})
