import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TRAINING_SNAPSHOT_NAME } from '../shared/training/index'
import { openSnapshotRequest } from './open-snapshot-request'
import { checkSnapshotPaths, snapshotRequestName, TRAINING_REQUEST } from './snapshot-request'

let root: string

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-request-'))
  fs.mkdirSync(path.join(root, 'Contoso-2016'))
  fs.writeFileSync(path.join(root, 'a.xml'), '<cs-objects/>')
  fs.writeFileSync(path.join(root, 'b.xml'), '<cs-objects/>')
})

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true })
})

describe('checkSnapshotPaths', () => {
  it('accepts one folder, made absolute', async () => {
    const relative = path.relative(process.cwd(), path.join(root, 'Contoso-2016'))

    expect(await checkSnapshotPaths([relative])).toEqual({
      ok: true,
      request: { paths: [path.join(root, 'Contoso-2016')] },
    })
  })

  it('accepts several files once each', async () => {
    const a = path.join(root, 'a.xml')
    const b = path.join(root, 'b.xml')

    expect(await checkSnapshotPaths([a, b, a])).toEqual({ ok: true, request: { paths: [a, b] } })
  })

  it.each([
    ['nothing', (): string[] => [], /Nothing to open/],
    ['a missing path', (): string[] => [path.join(root, 'gone')], /gone does not exist/],
    [
      'a folder among files',
      (): string[] => [path.join(root, 'a.xml'), path.join(root, 'Contoso-2016')],
      /Contoso-2016 is a folder/,
    ],
  ])('refuses %s with a message', async (_label, paths, message) => {
    const check = await checkSnapshotPaths(paths())

    expect(check.ok).toBe(false)
    expect(!check.ok && check.message).toMatch(message)
  })
})

describe('snapshotRequestName', () => {
  it('names one location by its base name and several files by their folder', () => {
    expect(snapshotRequestName({ paths: [path.join(root, 'Contoso-2016')] })).toBe('Contoso-2016')
    expect(snapshotRequestName({ paths: [path.join(root, 'a.xml'), path.join(root, 'b.xml')] })).toBe(
      `2 files in ${path.basename(root)}`,
    )
  })
})

describe('the training request', () => {
  it('is named as the training snapshot before it loads', () => {
    expect(snapshotRequestName(TRAINING_REQUEST)).toBe(TRAINING_SNAPSHOT_NAME)
  })

  it('opens the generated Contoso snapshot, without reading the disk', { timeout: 60_000 }, async () => {
    const source = await openSnapshotRequest(TRAINING_REQUEST)

    expect(source.name).toBe(TRAINING_SNAPSHOT_NAME)
    expect(source.files.map((file) => file.path)).toContain('GlobalSettings/MV.xml')
  })
})
