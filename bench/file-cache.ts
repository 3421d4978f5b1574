/**
 * Takes files out of the operating system's file cache, so that a measured run reads them from the disk, as a user
 * does who reopens a snapshot the next morning (the reopen cache entry has long left memory by then).
 *
 * GNU dd's `iflag=nocache` with `count=0` asks the kernel (posix_fadvise, POSIX_FADV_DONTNEED) to drop every cached
 * page of its input without reading it; pages not yet written back are not dropped, so the file is synced first.
 * util-linux's `fincore` then says how much of the file is still in memory, which the benchmark reports beside the
 * figure. Both are Linux tools: elsewhere `fileCacheEviction` says why nothing can be dropped.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const DD = '/usr/bin/dd'
const SYNC = '/usr/bin/sync'
const FINCORE = '/usr/bin/fincore'

/** What an eviction left of a file in the file cache. */
export interface Eviction {
  readonly fileBytes: number
  /** Bytes of the file still in memory after the eviction; null where `fincore` is missing. */
  readonly residentBytes: number | null
}

/** Null where files can be dropped from the file cache here; else why not, in words for the report. */
export function fileCacheEviction(): string | null {
  if (process.platform !== 'linux') return 'dropping a file from the file cache needs Linux'
  if (!fs.existsSync(DD) || !fs.existsSync(SYNC)) return 'GNU coreutils dd and sync are not installed'
  return null
}

/** Bytes of `file` in the file cache (`fincore`), or null where that cannot be told. */
export function residentBytes(file: string): number | null {
  if (!fs.existsSync(FINCORE)) return null
  const result = spawnSync(FINCORE, ['--bytes', '--noheadings', '--output', 'RES', file], {
    encoding: 'utf8',
  })
  if (result.status !== 0) return null
  const bytes = Number(result.stdout.trim())
  return Number.isFinite(bytes) ? bytes : null
}

/** Drops `file` from the file cache; throws with dd's or sync's own message when either fails. */
export function evictFromFileCache(file: string): Eviction {
  const reason = fileCacheEviction()
  if (reason !== null) throw new Error(`Cannot drop ${file} from the file cache: ${reason}.`)
  for (const [command, args] of [
    [SYNC, [file]],
    [DD, [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none']],
  ] as const) {
    const result = spawnSync(command, args, { encoding: 'utf8' })
    if (result.status !== 0) {
      throw new Error(`Cannot drop ${file} from the file cache: ${command} said ${result.stderr.trim()}`)
    }
  }
  return { fileBytes: fs.statSync(file).size, residentBytes: residentBytes(file) }
}
