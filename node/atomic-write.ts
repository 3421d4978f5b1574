import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/** Options of writeFileAtomic. */
export interface AtomicWriteOptions {
  /** Replace an existing file (the CLI's `--force`, the app after the user confirmed). */
  readonly overwrite?: boolean
  /** Flush to the disk before the rename (default); a cache that can be rebuilt skips it. */
  readonly sync?: boolean
}

/** A write that was refused or failed; the message names the path and says what to do. */
export class AtomicWriteError extends Error {
  public constructor(
    message: string,
    public readonly reason: 'exists' | 'failed',
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'AtomicWriteError'
  }
}

/**
 * Writes a whole file so that readers see either nothing, the old file or the complete new one: the
 * content goes to a temporary file in the same folder (same volume, so the rename is atomic), is flushed,
 * then renamed over the target. An existing file is kept unless `overwrite` is set. Content given as parts
 * is written a part at a time, each part asked for once the one before is written (parts may be made on demand).
 */
export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array | Iterable<Uint8Array>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const absolute = path.resolve(target)
  const temporary = path.join(
    path.dirname(absolute),
    `.${path.basename(absolute)}.${crypto.randomBytes(6).toString('hex')}.tmp`,
  )
  let handle: fs.FileHandle | null = null
  try {
    handle = await fs.open(temporary, 'wx')
    if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content)
    else for (const part of content) await handle.write(part)
    if (options.sync !== false) await handle.sync()
    await handle.close()
    handle = null
    if (options.overwrite === true) await fs.rename(temporary, absolute)
    else await placeWithoutOverwrite(temporary, absolute)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await fs.rm(temporary, { force: true }).catch(() => undefined)
    if (error instanceof AtomicWriteError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new AtomicWriteError(
      `Cannot write ${absolute} (${reason}). Check the folder exists and is writable.`,
      'failed',
      {
        cause: error,
      },
    )
  }
}

/**
 * A hard link fails when the target exists, which makes "create only if absent" atomic; file systems
 * without hard links (some network shares, FAT) fall back to a check then a rename.
 */
async function placeWithoutOverwrite(temporary: string, target: string): Promise<void> {
  try {
    await fs.link(temporary, target)
    await fs.rm(temporary, { force: true })
    return
  } catch (error) {
    if (isCode(error, 'EEXIST')) throw exists(target)
    if (!isCode(error, 'EPERM') && !isCode(error, 'ENOTSUP') && !isCode(error, 'EXDEV')) throw error
  }
  if (await fileExists(target)) throw exists(target)
  await fs.rename(temporary, target)
}

function exists(target: string): AtomicWriteError {
  return new AtomicWriteError(
    `${target} already exists and was not overwritten. Choose another file name, or allow replacing it (--force).`,
    'exists',
  )
}

async function fileExists(target: string): Promise<boolean> {
  try {
    await fs.lstat(target)
    return true
  } catch {
    return false
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code
}
