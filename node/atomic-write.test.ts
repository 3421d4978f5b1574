import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AtomicWriteError, writeFileAtomic } from './atomic-write'

let folder = ''

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-atomic-'))
})

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file behind', async () => {
    const target = path.join(folder, 'report.html')

    await writeFileAtomic(target, '<p>report</p>')

    expect(fs.readFileSync(target, 'utf8')).toBe('<p>report</p>')
    expect(fs.readdirSync(folder)).toEqual(['report.html'])
  })

  it('refuses to replace an existing file and keeps it intact', async () => {
    const target = path.join(folder, 'report.csv')
    fs.writeFileSync(target, 'precious')

    const attempt = writeFileAtomic(target, 'new')

    await expect(attempt).rejects.toThrow(AtomicWriteError)
    await expect(attempt).rejects.toMatchObject({
      reason: 'exists',
      message: expect.stringMatching(/--force/),
    })
    expect(fs.readFileSync(target, 'utf8')).toBe('precious')
    expect(fs.readdirSync(folder)).toEqual(['report.csv'])
  })

  it('replaces an existing file when overwrite is set', async () => {
    const target = path.join(folder, 'report.json')
    fs.writeFileSync(target, 'old')

    await writeFileAtomic(target, new TextEncoder().encode('new'), { overwrite: true })

    expect(fs.readFileSync(target, 'utf8')).toBe('new')
    expect(fs.readdirSync(folder)).toEqual(['report.json'])
  })

  it('reports a missing folder as a failure naming the path', async () => {
    const target = path.join(folder, 'missing', 'report.html')

    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({
      reason: 'failed',
      message: expect.stringContaining(target),
    })
  })

  it('lets exactly one of two concurrent writers create the file', async () => {
    const target = path.join(folder, 'race.txt')

    const results = await Promise.allSettled([writeFileAtomic(target, 'a'), writeFileAtomic(target, 'b')])

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    expect(['a', 'b']).toContain(fs.readFileSync(target, 'utf8'))
    expect(fs.readdirSync(folder)).toEqual(['race.txt'])
  })
})
