import { useSyncExternalStore } from 'react'
import type { FixDraft } from '../../../shared/fix/draft'

/**
 * The drafts being edited, by object and attribute. They live in the window's memory only (SyncLens never writes
 * into a snapshot): going to another view and back finds a draft as it was left; opening another snapshot clears
 * them.
 */
const drafts = new Map<string, FixDraft>()
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

/** The draft kept for a key, or null. */
export function keptDraft(key: string): FixDraft | null {
  return drafts.get(key) ?? null
}

/** Keeps a draft (null forgets it, e.g. to start again from the proposal). */
export function keepDraft(key: string, draft: FixDraft | null): void {
  if (draft === null) {
    if (drafts.delete(key)) changed()
    return
  }
  if (drafts.get(key) === draft) return
  drafts.set(key, draft)
  changed()
}

/** Forgets every draft (another snapshot was opened). */
export function forgetDrafts(): void {
  if (drafts.size === 0) return
  drafts.clear()
  changed()
}

/** The draft kept for a key, following its changes. */
export function useKeptDraft(key: string): FixDraft | null {
  return useSyncExternalStore(subscribe, () => keptDraft(key))
}
