import { EventEmitter } from 'node:events'
import os from 'node:os'

// A recording stand-in for the `electron` module: the main process's real boot code (security, protocol,
// window, IPC, menu, log) runs against it in a unit test, and the test reads back every setting it made and
// every handler it installed. Only what the app calls exists here; calling anything else fails the test.

/** A handler installed with `ipcMain.handle`. */
export type InvokeHandler = (event: FakeInvokeEvent, ...args: unknown[]) => unknown

/** What an IPC handler sees of the sender. */
export interface FakeInvokeEvent {
  readonly sender: { readonly id: number }
  readonly senderFrame: { readonly url: string; readonly parent: null | object } | null
}

/** A web contents: events, the window-open handler, the URL it loaded. */
export class FakeWebContents extends EventEmitter {
  private static nextId = 1
  public readonly id = FakeWebContents.nextId++
  public windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  public loadedUrl = ''

  public setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }

  public getURL(): string {
    return this.loadedUrl
  }

  public send(): void {}
}

/** A browser window: its constructor options, kept for the test. */
export class FakeBrowserWindow extends EventEmitter {
  public static readonly created: FakeBrowserWindow[] = []
  public readonly webContents = new FakeWebContents()
  public title = ''

  public constructor(public readonly options: Record<string, unknown>) {
    super()
    FakeBrowserWindow.created.push(this)
    recording.app.emit('web-contents-created', {}, this.webContents)
  }

  public static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.created
  }

  public loadURL(url: string): Promise<void> {
    this.webContents.loadedUrl = url
    return Promise.resolve()
  }

  public setTitle(title: string): void {
    this.title = title
  }

  public isDestroyed(): boolean {
    return false
  }

  public isMinimized(): boolean {
    return false
  }

  public isMaximized(): boolean {
    return false
  }

  public getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 0, y: 0, width: 1280, height: 800 }
  }

  public maximize(): void {}
  public restore(): void {}
  public focus(): void {}
  public show(): void {}
}

/** A session: the permission handlers it was given. */
export class FakeSession {
  public permissionRequest:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null
  public permissionCheck: ((...args: unknown[]) => boolean) | null = null
  public devicePermission: ((...args: unknown[]) => boolean) | null = null

  public setPermissionRequestHandler(handler: FakeSession['permissionRequest']): void {
    this.permissionRequest = handler
  }

  public setPermissionCheckHandler(handler: FakeSession['permissionCheck']): void {
    this.permissionCheck = handler
  }

  public setDevicePermissionHandler(handler: FakeSession['devicePermission']): void {
    this.devicePermission = handler
  }
}

/** Everything the boot code did to the fake, for the test to read. */
export const recording = {
  app: Object.assign(new EventEmitter(), {
    sandboxEnabled: false,
    switches: [] as string[][],
    paths: new Map<string, string>(),
  }),
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, InvokeHandler>(),
  ipcListeners: [] as string[],
  openedExternally: [] as string[],
  menus: 0,
  defaultSession: new FakeSession(),
}

const app = Object.assign(recording.app, {
  isPackaged: false,
  enableSandbox: () => {
    recording.app.sandboxEnabled = true
  },
  whenReady: () => Promise.resolve(),
  isReady: () => true,
  requestSingleInstanceLock: () => true,
  quit: () => undefined,
  getPath: (name: string) => recording.app.paths.get(name) ?? os.tmpdir(),
  setPath: (name: string, value: string) => {
    recording.app.paths.set(name, value)
  },
  commandLine: {
    appendSwitch: (...args: string[]) => {
      recording.app.switches.push(args)
    },
  },
})

/** The fake module's exports, under the names the app imports. */
export const fakeElectron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  session: { defaultSession: recording.defaultSession },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => recording.schemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      recording.protocolHandlers.set(scheme, handler),
  },
  ipcMain: {
    handle: (channel: string, handler: InvokeHandler) => recording.ipcHandlers.set(channel, handler),
    on: (channel: string) => recording.ipcListeners.push(channel),
  },
  shell: {
    openExternal: (url: string) => {
      recording.openedExternally.push(url)
      return Promise.resolve()
    },
    showItemInFolder: () => undefined,
  },
  Menu: {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: () => {
      recording.menus++
    },
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  nativeTheme: { shouldUseDarkColors: false },
  dialog: {},
}
