import fs from 'node:fs'
import { attachScreenshot, expect, test } from './app-test'
import { TrainingPage } from './pages/training-page'

test.describe('the report export', () => {
  // The browser build generates the 2,000-user training snapshot in its worker at startup.
  test.setTimeout(90_000)

  test('Export report > HTML downloads the unmapped-attribute report of the snapshot', async ({
    page,
  }, testInfo) => {
    await new TrainingPage(page).gotoDefault()
    const bar = page.getByTestId('snapshot-bar')

    await bar.getByRole('button', { name: 'Export report' }).click()
    await attachScreenshot(page, testInfo, 'export-report-menu')
    const downloading = page.waitForEvent('download')
    await bar.getByRole('menuitem', { name: 'HTML' }).click()
    const download = await downloading

    expect(download.suggestedFilename()).toMatch(
      /^synclens-report-Contoso-training-snapshot-\d{4}-\d{2}-\d{2}\.html$/,
    )
    expect(fs.readFileSync(await download.path(), 'utf8')).toContain('Unmapped attributes')
    await expect(bar.getByRole('status')).toHaveText('Report saved')
  })
})
