import fs from 'node:fs'
import path from 'node:path'

/**
 * The copy of a packaged file outside the asar archive, when packaging unpacked it (`asarUnpack`).
 *
 * Worker threads are started by Node from a real file; a file inside `app.asar` is only visible
 * through Electron's patched fs, so the worker is shipped unpacked beside the archive. Outside a
 * package, or when no unpacked copy exists, the path is returned unchanged.
 */
export function unpackedAsarPath(
  file: string,
  exists: (candidate: string) => boolean = fs.existsSync,
): string {
  const marker = `${path.sep}app.asar${path.sep}`
  const at = file.indexOf(marker)
  if (at < 0) return file
  const unpacked = `${file.slice(0, at)}${path.sep}app.asar.unpacked${path.sep}${file.slice(at + marker.length)}`
  return exists(unpacked) ? unpacked : file
}
