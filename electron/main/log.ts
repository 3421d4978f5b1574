import { app, type RenderProcessGoneDetails, type WebContents } from 'electron'
import log from 'electron-log/main'

// Everything unexpected in the app goes to one log file the user can find (Help > Show Log): errors of the main
// process, errors the window reports from its views, and a renderer or worker that died.

/** Starts logging to the file and catching the main process's unhandled errors and rejections. */
export function setupLog(): void {
  log.transports.file.level = 'info'
  log.transports.console.level = 'warn'
  log.errorHandler.startCatching({ showDialog: false })
  app.on('render-process-gone', (_event, webContents: WebContents, details: RenderProcessGoneDetails) =>
    log.error(
      `The window's page stopped (${details.reason}, exit code ${details.exitCode}) at ${webContents.getURL()}`,
    ),
  )
  app.on('child-process-gone', (_event, details) =>
    log.error(`A ${details.type} process stopped (${details.reason}, exit code ${details.exitCode})`),
  )
}

/** Writes an error the window reported (a view that failed) to the log. */
export function logWindowError(details: string): void {
  log.error(`From the window:\n${details}`)
}

/** Writes a message about the app's own work (a snapshot worker that stopped, a save that failed). */
export function logWarning(message: string): void {
  log.warn(message)
}

/** The log file's path. */
export function logFilePath(): string {
  return log.transports.file.getFile().path
}
