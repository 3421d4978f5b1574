import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { RecentSnapshot } from '../../shared/app/host-api'

/** Most snapshots the recent list keeps. */
export const MAX_RECENT = 10

/** The shape of a recent-snapshot id (a UUID), checked wherever an id arrives from outside. */
export const RECENT_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/

/** A recent snapshot as the main process keeps it: the paths never leave the main process. */
export interface RecentEntry {
  readonly id: string
  readonly name: string
  readonly paths: readonly string[]
  readonly openedAt: string
}

interface RecentFile {
  readonly version: 1
  readonly entries: readonly RecentEntry[]
}

/** The recent list stored in `file`; empty when the file is missing, unreadable or not ours. */
export function loadRecent(file: string): readonly RecentEntry[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return []
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !('entries' in parsed) ||
    !Array.isArray(parsed.entries)
  ) {
    return []
  }
  return parsed.entries.filter(isRecentEntry).slice(0, MAX_RECENT)
}

/** Writes the list atomically (temporary file, then rename), so a crash never leaves half a file. */
export function saveRecent(file: string, entries: readonly RecentEntry[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  const content: RecentFile = { version: 1, entries }
  fs.writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`)
  fs.renameSync(temporary, file)
}

/**
 * The list after opening a snapshot: it moves to the top, keeping its id when it was there already.
 *
 * The same paths in any order are the same snapshot.
 */
export function rememberOpened(
  entries: readonly RecentEntry[],
  opened: { readonly name: string; readonly paths: readonly string[] },
  now: Date,
  newId: () => string = randomUUID,
): readonly RecentEntry[] {
  const key = pathsKey(opened.paths)
  const existing = entries.find((entry) => pathsKey(entry.paths) === key)
  const entry: RecentEntry = {
    id: existing?.id ?? newId(),
    name: opened.name,
    paths: [...opened.paths],
    openedAt: now.toISOString(),
  }
  return [entry, ...entries.filter((other) => other !== existing)].slice(0, MAX_RECENT)
}

/** The entries whose paths all still exist (a snapshot moved or deleted is not offered). */
export function existingRecent(entries: readonly RecentEntry[]): readonly RecentEntry[] {
  return entries.filter((entry) => entry.paths.every((candidate) => fs.existsSync(candidate)))
}

/** What the renderer sees of an entry: an opaque id and a location for display, with the home folder as `~`. */
export function toRecentSnapshot(entry: RecentEntry, home: string): RecentSnapshot {
  const [first] = entry.paths
  const location = entry.paths.length === 1 && first !== undefined ? first : path.dirname(first ?? '')
  const insideHome = home !== '' && (location === home || location.startsWith(home + path.sep))
  return {
    id: entry.id,
    name: entry.name,
    location: insideHome ? `~${location.slice(home.length)}` : location,
    openedAt: entry.openedAt,
  }
}

function pathsKey(paths: readonly string[]): string {
  return JSON.stringify([...paths].sort())
}

function isRecentEntry(value: unknown): value is RecentEntry {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return (
    typeof entry.id === 'string' &&
    RECENT_ID_PATTERN.test(entry.id) &&
    typeof entry.name === 'string' &&
    typeof entry.openedAt === 'string' &&
    Array.isArray(entry.paths) &&
    entry.paths.length > 0 &&
    entry.paths.every((candidate) => typeof candidate === 'string' && path.isAbsolute(candidate))
  )
}
