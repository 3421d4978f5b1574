/** An error as plain data, so that it can cross a thread or process boundary and be shown or logged there. */
export interface ErrorData {
  readonly name: string
  readonly message: string
  /** A machine-readable kind (`cancelled`, `ERR_WORKER_OUT_OF_MEMORY`, ...), when the error has one. */
  readonly code?: string
  /** Where it happened, for the log and the "copy details" action; never shown as the message. */
  readonly stack?: string
  readonly cause?: ErrorData
}

/**
 * The code of an error met reading what a snapshot's reopen cache entry still held, after the reopen: the entry
 * turned out damaged and was removed, so opening the snapshot again reads its files (`DamagedEntryError`).
 */
export const ENTRY_REMOVED = 'SYNCLENS_ENTRY_REMOVED'

/**
 * Whether an error, in the thread that threw it or rebuilt on the other side (`RemoteError`), says a damaged reopen
 * cache entry was removed (ENTRY_REMOVED): the host may then open the snapshot again, from its files.
 */
export function entryRemoved(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === ENTRY_REMOVED
}

const MAX_CAUSES = 4
const MAX_TEXT = 4_000

/** The plain-data form of anything thrown (an Error, a string, anything else). */
export function toErrorData(error: unknown, depth = 0): ErrorData {
  if (error instanceof RemoteError) return error.data
  if (!(error instanceof Error)) return { name: 'Error', message: clip(String(error)) }
  const code = (error as { code?: unknown }).code
  const cause = (error as { cause?: unknown }).cause
  return {
    name: error.name,
    message: clip(error.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack === undefined ? {} : { stack: clip(error.stack) }),
    ...(cause !== undefined && depth < MAX_CAUSES ? { cause: toErrorData(cause, depth + 1) } : {}),
  }
}

/** An error that happened on the other side of a boundary, rebuilt from its data (name, code and cause kept). */
export class RemoteError extends Error {
  public readonly code: string | undefined

  public constructor(
    /** The error as it was on the other side: its stack and causes are the ones worth reading. */
    public readonly data: ErrorData,
  ) {
    super(data.message, data.cause === undefined ? undefined : { cause: new RemoteError(data.cause) })
    this.name = data.name
    this.code = data.code
  }
}

/** The details a user can copy into a support request: name, code, message, stack and causes. */
export function errorDetails(error: unknown): string {
  const lines: string[] = []
  let data: ErrorData | undefined = toErrorData(error)
  for (let depth = 0; data !== undefined && depth <= MAX_CAUSES; depth++) {
    lines.push(
      `${depth === 0 ? '' : 'Caused by: '}${data.name}${data.code ? ` [${data.code}]` : ''}: ${data.message}`,
    )
    if (data.stack !== undefined) lines.push(data.stack.split('\n').slice(1).join('\n'))
    data = data.cause
  }
  return lines.filter((line) => line !== '').join('\n')
}

function clip(text: string): string {
  return text.length > MAX_TEXT
    ? `${text.slice(0, MAX_TEXT)}… (${text.length - MAX_TEXT} more characters)`
    : text
}
