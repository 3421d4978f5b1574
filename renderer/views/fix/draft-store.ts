import { useSyncExternalStore } from 'react'
import type { SnapshotSummary } from '../../../shared/app/host-api'
import type { FixDraft } from '../../../shared/fix/draft'

/**
 * The drafts being edited, per loaded snapshot (its summary object), by object and attribute. They live in the
 * window's memory only (SyncLens never writes into a snapshot): going to another view and back finds a draft as it
 * was left; another snapshot starts with none, and the drafts of a closed one go with it.
 */
const drafts = new WeakMap<SnapshotSummary, Map<string, FixDraft>>()
const listeners = new Set<() => void>()

function changed(): void {
  for (const listener of [...listeners]) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The key of a draft: the connector-space object, the attribute (case-insensitive) and the target connector. */
export function draftKey(csId: string, attribute: string, targetConnectorId: string | null = null): string {
  return `${csId}|${attribute.toLowerCase()}|${targetConnectorId ?? ''}`
}

/** The draft kept for a key in a snapshot, or null. */
export function keptDraft(snapshot: SnapshotSummary, key: string): FixDraft | null {
  return drafts.get(snapshot)?.get(key) ?? null
}

/** Keeps a draft (null forgets it, e.g. to start again from the proposal). */
export function keepDraft(snapshot: SnapshotSummary, key: string, draft: FixDraft | null): void {
  const kept = drafts.get(snapshot) ?? new Map<string, FixDraft>()
  drafts.set(snapshot, kept)
  if (draft === null) {
    if (kept.delete(key)) changed()
    return
  }
  if (kept.get(key) === draft) return
  kept.set(key, draft)
  changed()
}

/** The draft kept for a key in a snapshot, following its changes. */
export function useKeptDraft(snapshot: SnapshotSummary, key: string): FixDraft | null {
  return useSyncExternalStore(subscribe, () => keptDraft(snapshot, key))
}
