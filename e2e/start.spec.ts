import { attachScreenshot, expect, test } from './app-test'
import { StartPage } from './pages/start-page'

test.describe('start page', () => {
  test('explains SyncLens and offers the ways to open a snapshot', async ({ page }, testInfo) => {
    const start = new StartPage(page)

    await start.goto()

    await expect(page).toHaveTitle('SyncLens')
    await expect(start.root.getByRole('heading', { level: 1 })).toHaveText('Open a sync snapshot')
    await expect(start.openFolderButton).toBeVisible()
    await expect(start.openFilesButton).toBeVisible()
    await expect(page.getByTestId('drop-zone')).toContainText('Drop a snapshot folder')
    await expect(start.root.getByRole('heading', { name: 'How do I get a snapshot?' })).toBeVisible()
    await expect(start.root).toContainText('Get-ADSyncServerConfiguration -Path C:\\Temp\\Export')
    await attachScreenshot(page, testInfo, 'start-light')
  })

  test('switches to the dark theme and remembers it after a reload', async ({ page }, testInfo) => {
    const start = new StartPage(page)
    await page.emulateMedia({ colorScheme: 'light' })
    await start.goto()
    await expect.poll(() => start.theme()).toBe('light')

    await start.themeToggle.click()

    await expect.poll(() => start.theme()).toBe('dark')
    await page.reload()
    await start.expectState('empty')
    await expect.poll(() => start.theme()).toBe('dark')
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(background).toBe('rgb(20, 23, 27)')
    await attachScreenshot(page, testInfo, 'start-dark')
  })

  test('follows the system colour scheme until the user picks one', async ({ page }) => {
    const start = new StartPage(page)
    await page.emulateMedia({ colorScheme: 'dark' })

    await start.goto()

    await expect.poll(() => start.theme()).toBe('dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  })
})
