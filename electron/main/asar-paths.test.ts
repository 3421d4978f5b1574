import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { unpackedAsarPath } from './asar-paths'

const packaged = path.join(
  path.sep,
  'opt',
  'SyncLens',
  'resources',
  'app.asar',
  'dist',
  'electron',
  'snapshot-worker.cjs',
)
const unpacked = path.join(
  path.sep,
  'opt',
  'SyncLens',
  'resources',
  'app.asar.unpacked',
  'dist',
  'electron',
  'snapshot-worker.cjs',
)

describe('unpackedAsarPath', () => {
  it('prefers the unpacked copy of a file inside app.asar', () => {
    expect(unpackedAsarPath(packaged, (candidate) => candidate === unpacked)).toBe(unpacked)
  })

  it('keeps the archive path when nothing was unpacked', () => {
    expect(unpackedAsarPath(packaged, () => false)).toBe(packaged)
  })

  it('leaves paths outside a package alone', () => {
    const development = path.join(path.sep, 'work', 'main', 'dist', 'electron', 'snapshot-worker.cjs')

    expect(unpackedAsarPath(development, () => true)).toBe(development)
  })
})
