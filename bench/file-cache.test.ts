import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { evictFromFileCache, fileCacheEviction, residentBytes } from './file-cache'

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-file-cache-'))
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }))

/** Why files in the temporary folder cannot leave memory here, or null. */
function whyNot(): string | null {
  const reason = fileCacheEviction()
  if (reason !== null) return reason
  if (residentBytes(__filename) === null)
    return 'util-linux fincore is not installed, so the drop cannot be seen'
  const type = spawnSync('stat', ['--file-system', '--format=%T', folder], { encoding: 'utf8' }).stdout.trim()
  // A file system in memory (tmpfs) has no disk to read the file back from, so its pages never leave.
  return type === 'tmpfs' || type === 'ramfs' ? `${os.tmpdir()} is in memory (${type})` : null
}

const reason = whyNot()

describe('evictFromFileCache', () => {
  it.skipIf(reason !== null)(`drops a file just read from the file cache (skipped here: ${reason})`, () => {
    const file = path.join(folder, 'entry.bin')
    fs.writeFileSync(file, Buffer.alloc(8 << 20, 7))
    fs.readFileSync(file)
    expect(residentBytes(file)).toBeGreaterThan(0)
    expect(evictFromFileCache(file)).toEqual({ fileBytes: 8 << 20, residentBytes: 0 })
    // The file itself is untouched.
    expect(fs.readFileSync(file).every((byte) => byte === 7)).toBe(true)
  })

  it.skipIf(fileCacheEviction() !== null)('says which file it could not drop, and why', () => {
    expect(() => evictFromFileCache(path.join(folder, 'missing.bin'))).toThrow(
      /Cannot drop .*missing\.bin from the file cache: .*(sync|dd) said .*No such file/,
    )
  })
})
