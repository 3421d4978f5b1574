import fs from 'node:fs'
import path from 'node:path'
import { attachScreenshot, expect, SMALL_FIXTURE, test } from './app-test'
import { writeFolder, writeSlowSnapshot, zipFolder } from './snapshot-files'
import { writeTrainingSnapshot } from './training-files'
import { StartPage } from './pages/start-page'
import { SyncRulesPage } from './pages/sync-rules-page'

test.describe('opening snapshots', () => {
  test('opens a zip of the export through "Open files"', async ({ page }, testInfo) => {
    const start = new StartPage(page)
    const zip = zipFolder(SMALL_FIXTURE, testInfo.outputPath('Fabrikam-export.zip'))
    await start.goto()

    await start.pickFiles([zip])

    await start.expectState('ready')
    await expect(page).toHaveTitle('SyncLens - Fabrikam-export.zip')
    await new SyncRulesPage(page).open()
    await expect(new SyncRulesPage(page).ruleCount).toHaveText('6 rules')
  })

  test('opens a zip dropped on the window', async ({ page }, testInfo) => {
    const start = new StartPage(page)
    const zip = fs.readFileSync(zipFolder(SMALL_FIXTURE, testInfo.outputPath('dropped.zip')))
    await start.goto()

    const dataTransfer = await page.evaluateHandle((bytes) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(bytes)], 'dropped.zip', { type: 'application/zip' }))
      return transfer
    }, Array.from(zip))
    await page.getByTestId('drop-target').dispatchEvent('dragover', { dataTransfer })
    await page.getByTestId('drop-target').dispatchEvent('drop', { dataTransfer })

    await start.expectState('ready')
    await expect(page).toHaveTitle('SyncLens - dropped.zip')
  })

  test('shows per-file progress while loading, and Cancel returns to the start page', async ({
    page,
  }, testInfo) => {
    const start = new StartPage(page)
    const slow = writeSlowSnapshot(testInfo.outputPath('Slow-export'))
    await start.goto()

    await start.pickFolder(slow)

    await start.expectState('loading')
    const loading = page.getByTestId('loading-page')
    await expect(loading.getByRole('heading', { level: 1 })).toHaveText('Opening Slow-export')
    await expect(page.getByTestId('loading-files').locator('tbody tr')).toHaveCount(16)
    await expect(loading.getByRole('progressbar')).toBeVisible()
    await attachScreenshot(page, testInfo, 'loading')
    await loading.getByRole('button', { name: 'Cancel' }).click()
    await start.expectState('empty')
    await expect(page).toHaveTitle('SyncLens')
  })

  test('a cancelled load returns to the snapshot that was open', async ({ page }, testInfo) => {
    const start = new StartPage(page)
    const slow = writeSlowSnapshot(testInfo.outputPath('Slow-export'))
    await start.goto()
    await start.openSnapshot(SMALL_FIXTURE)

    await start.pickFolder(slow)
    await start.expectState('loading')
    await page.getByTestId('loading-page').getByRole('button', { name: 'Cancel' }).click()

    await start.expectState('ready')
    await expect(page).toHaveTitle('SyncLens - serverconfig-small')
    await new SyncRulesPage(page).open()
    await expect(new SyncRulesPage(page).nameCells().first()).toHaveText(
      'In from AD - User Department (Custom)',
    )
  })

  test('lists file problems when nothing could be read, and goes back to the start page', async ({
    page,
  }, testInfo) => {
    const start = new StartPage(page)
    const broken = writeFolder(
      testInfo.outputPath('Broken-export'),
      new Map([
        ['SynchronizationRules/SynchronizationRule_{1}.xml', '<synchronizationRule>\n  <name>Half a rule\n'],
        ['notes.txt', 'not a snapshot file'],
      ]),
    )
    await start.goto()

    await start.pickFolder(broken)

    await start.expectState('failed')
    const failed = page.getByTestId('failed-page')
    await expect(failed.getByRole('heading', { level: 1 })).toHaveText('Could not open Broken-export')
    await expect(failed.getByRole('alert')).toContainText('Nothing in Broken-export could be read')
    await expect(failed.getByTestId('issue-list')).toContainText(
      /SynchronizationRules\/SynchronizationRule_\{1\}\.xml:\d+:\d+: /,
    )
    await attachScreenshot(page, testInfo, 'failed')

    await failed.getByRole('button', { name: 'Back to start' }).click()
    await start.expectState('empty')
  })

  test('says so when a folder holds no snapshot file at all', async ({ page }, testInfo) => {
    const start = new StartPage(page)
    const folder = writeFolder(testInfo.outputPath('Photos'), new Map([['holiday.txt', 'sunny']]))
    await start.goto()

    await start.pickFolder(folder)

    await start.expectState('failed')
    await expect(page.getByRole('alert')).toContainText('Photos holds no snapshot file')
    await expect(page.getByTestId('issue-list')).toHaveCount(0)
  })

  test('shows load warnings in a badge on the header', async ({ page }, testInfo) => {
    const start = new StartPage(page)
    const folder = testInfo.outputPath('With-warnings')
    fs.cpSync(SMALL_FIXTURE, folder, { recursive: true })
    fs.writeFileSync(
      path.join(folder, 'SynchronizationRules', 'SynchronizationRule_{broken}.xml'),
      '<synchronizationRule><name>',
    )
    await start.goto()

    await start.openSnapshot(folder)

    const badge = page.getByTestId('issues-badge')
    await expect(badge).toHaveText('1 error')
    await badge.click()
    await expect(page.locator('#load-issues')).toBeVisible()
    await expect(page.locator('#load-issues')).toContainText(
      'SynchronizationRules/SynchronizationRule_{broken}.xml:1:',
    )
    await attachScreenshot(page, testInfo, 'load-issues')
    await page.keyboard.press('Escape')
    await expect(page.locator('#load-issues')).toBeHidden()
  })

  test('reads a picked folder with segment readers in Web Workers, and loads what one thread loads', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    // About 20 MB of object files: more than the 16 MiB from which an asked-for thread count splits a load.
    const folder = writeTrainingSnapshot(780, 'Contoso-780')
    const start = new StartPage(page)
    const loaded: { readers: string[]; connectors: string }[] = []
    for (const readers of [1, 3]) {
      const started: string[] = []
      const onWorker = (worker: { url(): string }): void => {
        started.push(worker.url())
      }
      page.on('worker', onWorker)
      await page.goto(`/?start=empty&readers=${readers}`)
      await start.expectState('empty')
      await start.pickFolder(folder)
      await start.expectState('ready')
      page.off('worker', onWorker)
      loaded.push({
        readers: started.filter((url) => /segment-reader\.worker/.test(url)),
        connectors: await page.getByRole('navigation').innerText(),
      })
    }

    expect(loaded[0]?.readers).toHaveLength(0)
    expect(loaded[1]?.readers).toHaveLength(2)
    expect(loaded[1]?.connectors).toBe(loaded[0]?.connectors)
    expect(loaded[0]?.connectors).toMatch(/contoso\.com\s+\d+ objects/)
  })
})
