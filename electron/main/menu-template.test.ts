import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { buildMenuTemplate, type MenuActions, type MenuModel, recentMenuLabel } from './menu-template'

function recorder(): { actions: MenuActions; calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    actions: {
      openSnapshot: () => calls.push('open'),
      compareWith: () => calls.push('compare'),
      openTrainingSnapshot: () => calls.push('training'),
      openRecent: (id) => calls.push(`recent:${id}`),
      clearRecent: () => calls.push('clear'),
      closeSnapshot: () => calls.push('close'),
      exportReport: (format) => calls.push(`report:${format}`),
      showSnapshotHelp: () => calls.push('help'),
      showLog: () => calls.push('log'),
      showAbout: () => calls.push('about'),
      showLicenses: () => calls.push('licenses'),
    },
  }
}

function model(overrides: Partial<MenuModel> = {}): MenuModel {
  return {
    platform: 'linux',
    dev: false,
    packaged: true,
    canClose: true,
    canExport: true,
    recent: [],
    actions: recorder().actions,
    ...overrides,
  }
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : []
}

function find(
  items: readonly MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions | undefined {
  return items.find((item) => item.label === label)
}

function click(item: MenuItemConstructorOptions | undefined): void {
  const handler = item?.click as (() => void) | undefined
  handler?.()
}

const describeItem = (item: MenuItemConstructorOptions): string => item.label ?? item.role ?? item.type ?? '?'

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux, and the app menu first on macOS', () => {
    expect(buildMenuTemplate(model()).map(describeItem)).toEqual(['&File', 'editMenu', '&View', '&Help'])
    expect(buildMenuTemplate(model({ platform: 'darwin' })).map(describeItem)).toEqual([
      'appMenu',
      '&File',
      'editMenu',
      '&View',
      '&Help',
    ])
  })

  it('offers Open Snapshot on Ctrl/Cmd+O, Open Recent, Open Training Snapshot, Compare With, Export Report, Close Snapshot and Quit in File', () => {
    const { actions, calls } = recorder()
    const file = submenu(buildMenuTemplate(model({ actions }))[0])

    expect(file.map(describeItem)).toEqual([
      'Open Snapshot…',
      'Open Recent',
      'Open Training Snapshot',
      'separator',
      'Compare With…',
      'Export Report',
      'separator',
      'Close Snapshot',
      'separator',
      'quit',
    ])
    expect(find(file, 'Open Snapshot…')?.accelerator).toBe('CmdOrCtrl+O')
    click(find(file, 'Open Snapshot…'))
    click(find(file, 'Open Training Snapshot'))
    click(find(file, 'Compare With…'))
    click(find(file, 'Close Snapshot'))
    expect(calls).toEqual(['open', 'training', 'compare', 'close'])
  })

  it('exports the report as HTML, CSV or JSON from File > Export Report', () => {
    const { actions, calls } = recorder()
    const items = submenu(find(submenu(buildMenuTemplate(model({ actions }))[0]), 'Export Report'))

    items.forEach(click)

    expect(items.map(describeItem)).toEqual(['HTML…', 'CSV (Spreadsheet)…', 'JSON…'])
    expect(calls).toEqual(['report:html', 'report:csv', 'report:json'])
  })

  it('disables Export Report and Compare With until a snapshot is loaded', () => {
    const file = submenu(buildMenuTemplate(model({ canExport: false }))[0])

    expect(find(file, 'Export Report')?.enabled).toBe(false)
    expect(find(file, 'Compare With…')?.enabled).toBe(false)
  })

  it('leaves Quit to the app menu on macOS', () => {
    const file = submenu(buildMenuTemplate(model({ platform: 'darwin' }))[1])

    expect(file.map(describeItem)).not.toContain('quit')
  })

  it('disables Close Snapshot when nothing is open', () => {
    const file = submenu(buildMenuTemplate(model({ canClose: false }))[0])

    expect(find(file, 'Close Snapshot')?.enabled).toBe(false)
  })

  it('lists recent snapshots by label and opens them by id', () => {
    const { actions, calls } = recorder()
    const recent = [
      { id: 'id-1', label: 'Contoso-2016  ~/snaps/Contoso-2016' },
      { id: 'id-2', label: 'Fabrikam.zip  ~/Downloads/Fabrikam.zip' },
    ]
    const items = submenu(find(submenu(buildMenuTemplate(model({ actions, recent }))[0]), 'Open Recent'))

    click(items[1])
    click(find(items, 'Clear Recent'))

    expect(items.map(describeItem)).toEqual([recent[0]?.label, recent[1]?.label, 'separator', 'Clear Recent'])
    expect(calls).toEqual(['recent:id-2', 'clear'])
  })

  it('shows a disabled placeholder when there are no recent snapshots', () => {
    const items = submenu(find(submenu(buildMenuTemplate(model())[0]), 'Open Recent'))

    expect(items).toEqual([{ label: 'No Recent Snapshots', enabled: false }])
  })

  it.each([
    [{ dev: true, packaged: false }, ['reload', 'toggleDevTools', 'separator']],
    [{ dev: false, packaged: false }, ['toggleDevTools', 'separator']],
    [{ dev: false, packaged: true }, []],
  ])(
    'offers Reload only in development and developer tools only unpackaged (%j)',
    (flags, developerItems) => {
      const view = submenu(buildMenuTemplate(model(flags))[2])

      expect(view.map(describeItem)).toEqual([
        ...developerItems,
        'resetZoom',
        'zoomIn',
        'zoomOut',
        'separator',
        'togglefullscreen',
      ])
    },
  )

  it('asks for the snapshot help, the log, the third-party licenses and the about box from Help', () => {
    const { actions, calls } = recorder()
    const help = submenu(buildMenuTemplate(model({ actions }))[3])

    click(find(help, 'How Do I Get a Snapshot?'))
    click(find(help, 'Show Log'))
    click(find(help, 'Third-Party Licenses'))
    click(find(help, 'About SyncLens'))

    expect(calls).toEqual(['help', 'log', 'licenses', 'about'])
  })
})

describe('recentMenuLabel', () => {
  it('shows name and location and keeps ampersands literal', () => {
    const snapshot = {
      id: 'id-1',
      name: 'R&D',
      location: '~/snaps/R&D',
      openedAt: '2026-11-25T12:00:00.000Z',
    }

    expect(recentMenuLabel(snapshot)).toBe('R&&D  (~/snaps/R&&D)')
  })
})
