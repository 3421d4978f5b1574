import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { enableCompileCache } from './compile-cache'

describe('enableCompileCache', () => {
  const env = { SYNCLENS_CACHE_DIR: path.join('/tmp', 'synclens-cache') }
  const asked: string[] = []
  const enable = (status: number) => (folder: string) => {
    asked.push(folder)
    return { status, message: 'refused' }
  }

  it('keeps compiled code in the compile folder of the cache root', () => {
    expect(enableCompileCache(env, enable(1))).toEqual({
      kind: 'enabled',
      folder: path.join('/tmp', 'synclens-cache', 'compile'),
    })
    expect(enableCompileCache(env, enable(2)).kind).toBe('enabled')
    expect(asked.at(-1)).toBe(path.join('/tmp', 'synclens-cache', 'compile'))
  })

  it('does nothing on a Node without the call (Node 20)', () => {
    expect(enableCompileCache(env, null)).toEqual({ kind: 'unavailable' })
  })

  it('stays off with the other caches', () => {
    const before = asked.length

    expect(enableCompileCache({ ...env, SYNCLENS_CACHE: 'off' }, enable(1))).toEqual({ kind: 'switched-off' })
    expect(asked.length).toBe(before)
  })

  it('says why when Node refuses or throws, and carries on', () => {
    expect(enableCompileCache(env, enable(0))).toEqual({ kind: 'failed', message: 'refused' })
    expect(
      enableCompileCache(env, () => {
        throw new Error('read-only folder')
      }),
    ).toEqual({ kind: 'failed', message: 'read-only folder' })
  })
})
