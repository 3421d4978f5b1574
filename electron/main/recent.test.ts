import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  existingRecent,
  loadRecent,
  MAX_RECENT,
  type RecentEntry,
  rememberOpened,
  saveRecent,
  toRecentSnapshot,
} from './recent'

let dir: string
let file: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-recent-'))
  file = path.join(dir, 'profile', 'recent-snapshots.json')
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

const at = (minute: number): Date => new Date(Date.UTC(2026, 10, 25, 12, minute))
const counter = (): (() => string) => {
  let next = 0
  return () => `id-${++next}`
}

describe('recent snapshots', () => {
  it('persists the list as JSON and reads it back', () => {
    const entries = rememberOpened(
      [],
      { name: 'Contoso-2016', paths: ['/data/Contoso-2016'] },
      at(1),
      counter(),
    )

    saveRecent(file, entries)

    expect(loadRecent(file)).toEqual([
      {
        id: 'id-1',
        name: 'Contoso-2016',
        paths: ['/data/Contoso-2016'],
        openedAt: '2026-11-25T12:01:00.000Z',
      },
    ])
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ version: 1 })
    expect(fs.readdirSync(path.dirname(file))).toEqual(['recent-snapshots.json'])
  })

  it('moves a reopened snapshot to the top and keeps its id', () => {
    const newId = counter()
    let entries = rememberOpened([], { name: 'A', paths: ['/a'] }, at(1), newId)
    entries = rememberOpened(entries, { name: 'B', paths: ['/b'] }, at(2), newId)

    entries = rememberOpened(entries, { name: 'A', paths: ['/a'] }, at(3), newId)

    expect(entries.map((entry) => [entry.id, entry.name, entry.openedAt])).toEqual([
      ['id-1', 'A', '2026-11-25T12:03:00.000Z'],
      ['id-2', 'B', '2026-11-25T12:02:00.000Z'],
    ])
  })

  it('treats the same dropped files in another order as the same snapshot', () => {
    const newId = counter()
    const entries = rememberOpened([], { name: '2 files', paths: ['/x/a.xml', '/x/b.xml'] }, at(1), newId)

    const again = rememberOpened(entries, { name: '2 files', paths: ['/x/b.xml', '/x/a.xml'] }, at(2), newId)

    expect(again).toHaveLength(1)
    expect(again[0]?.id).toBe('id-1')
  })

  it(`keeps at most ${MAX_RECENT}, dropping the oldest`, () => {
    const newId = counter()
    let entries: readonly RecentEntry[] = []
    for (let i = 1; i <= MAX_RECENT + 2; i++) {
      entries = rememberOpened(entries, { name: `S${i}`, paths: [`/s${i}`] }, at(i), newId)
    }

    expect(entries).toHaveLength(MAX_RECENT)
    expect(entries[0]?.name).toBe(`S${MAX_RECENT + 2}`)
    expect(entries.at(-1)?.name).toBe('S3')
  })

  it.each([
    ['a missing file', null],
    ['broken JSON', '{"version":1,"entries":['],
    ['another shape', '["/a","/b"]'],
    ['entries without paths', '{"version":1,"entries":[{"id":"a","name":"A","openedAt":"x","paths":[]}]}'],
    ['relative paths', '{"version":1,"entries":[{"id":"a","name":"A","openedAt":"x","paths":["rel"]}]}'],
    [
      'an id that is not opaque',
      '{"version":1,"entries":[{"id":"../x","name":"A","openedAt":"x","paths":["/a"]}]}',
    ],
  ])('reads %s as an empty list', (_label, content) => {
    if (content !== null) {
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, content)
    }

    expect(loadRecent(file)).toEqual([])
  })

  it('keeps names read from the file as plain data, whatever they are', () => {
    const entries = [{ id: 'a', name: '__proto__', paths: ['/constructor'], openedAt: 'x' }]
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, JSON.stringify({ version: 1, entries }))

    expect(loadRecent(file)).toEqual(entries)
  })

  it('offers only snapshots whose paths still exist', () => {
    const present = path.join(dir, 'present')
    fs.mkdirSync(present)
    const entries = rememberOpened(
      rememberOpened([], { name: 'gone', paths: [path.join(dir, 'gone')] }, at(1), counter()),
      { name: 'present', paths: [present] },
      at(2),
      () => 'id-9',
    )

    expect(existingRecent(entries).map((entry) => entry.name)).toEqual(['present'])
  })

  it('shows the renderer an opaque id and a display location, with the home folder as ~', () => {
    const home = path.join(path.sep, 'home', 'ann')
    const entry: RecentEntry = {
      id: 'id-1',
      name: 'Contoso-2016',
      paths: [path.join(home, 'snaps', 'Contoso-2016')],
      openedAt: '2026-11-25T12:01:00.000Z',
    }

    expect(toRecentSnapshot(entry, home)).toEqual({
      id: 'id-1',
      name: 'Contoso-2016',
      location: `~${path.sep}snaps${path.sep}Contoso-2016`,
      openedAt: '2026-11-25T12:01:00.000Z',
    })
    expect(toRecentSnapshot({ ...entry, paths: ['/srv/x/a.xml', '/srv/x/b.xml'] }, home).location).toBe(
      path.dirname('/srv/x/a.xml'),
    )
    expect(toRecentSnapshot({ ...entry, paths: [`${home}2/snap`] }, home).location).toBe(`${home}2/snap`)
  })
})
