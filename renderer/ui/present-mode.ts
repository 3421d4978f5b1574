import { useSyncExternalStore } from 'react'

/** A stage of an attribute's path, as the diagnosis walks it and the pipeline diagram draws it. */
export type PathStage = 'source' | 'connector' | 'inbound' | 'metaverse' | 'outbound' | 'target'

/** The stages in the order a value travels them. */
export const PATH_STAGES: readonly PathStage[] = [
  'source',
  'connector',
  'inbound',
  'metaverse',
  'outbound',
  'target',
]

/** Classroom mode: a trainer presents a case without giving the answer away. */
export interface PresentMode {
  /** Presenting: larger type; verdicts, explanations and the Why panel stay hidden until revealed. */
  readonly present: boolean
  /** The answers are shown (always true when not presenting). */
  readonly revealed: boolean
  /** The stage the step-through is on, highlighted on the pipeline diagram; null when not stepping. */
  readonly stage: PathStage | null
}

// Kept outside React: the switch lives in the shell, the views that hide answers are lazily loaded chunks.
let mode: PresentMode = { present: false, revealed: true, stage: null }
const listeners = new Set<() => void>()

function update(next: PresentMode): void {
  if (next.present === mode.present && next.revealed === mode.revealed && next.stage === mode.stage) return
  mode = next
  if (typeof document !== 'undefined') {
    if (mode.present) document.documentElement.dataset.present = mode.revealed ? 'revealed' : 'hidden'
    else delete document.documentElement.dataset.present
  }
  for (const listener of [...listeners]) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Turns presenting on (answers hidden, step-through from the first stage) or off (everything shown). */
export function setPresenting(present: boolean): void {
  update(
    present
      ? { present: true, revealed: false, stage: null }
      : { present: false, revealed: true, stage: null },
  )
}

/** Shows or hides the answers while presenting. */
export function setRevealed(revealed: boolean): void {
  update({ ...mode, revealed: mode.present ? revealed : true })
}

/** Moves the step-through to a stage (null: not stepping). */
export function setPresentStage(stage: PathStage | null): void {
  update({ ...mode, stage })
}

/** The classroom mode now (outside React). */
export function currentPresentMode(): PresentMode {
  return mode
}

/** The current classroom mode. */
export function usePresentMode(): PresentMode {
  return useSyncExternalStore(subscribe, currentPresentMode)
}

/** True when answers must stay hidden (presenting, not yet revealed). */
export function useAnswersHidden(): boolean {
  const current = usePresentMode()
  return current.present && !current.revealed
}

/** The stage after (or before, with `step` -1) the current one, clamped to the path. */
export function nextStage(stage: PathStage | null, step: 1 | -1): PathStage {
  const index = stage === null ? -1 : PATH_STAGES.indexOf(stage)
  const next = Math.min(PATH_STAGES.length - 1, Math.max(0, index + step))
  return PATH_STAGES[next] ?? 'source'
}
