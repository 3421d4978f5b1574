import { useSyncExternalStore } from 'react'
import type { TrainingCase } from '../../../shared/training/catalogue'

/** The two panels of the training view. */
export type TrainingPanel = 'cases' | 'concepts'

/** The case a trainer opened last, and the connector-space object it led to. */
export interface ActiveCase {
  readonly trainingCase: TrainingCase
  readonly csId: string
}

interface TrainingMemory {
  readonly panel: TrainingPanel
  readonly active: ActiveCase | null
}

// Kept outside React so that going to an object and back finds the same panel and case.
let memory: TrainingMemory = { panel: 'cases', active: null }
const listeners = new Set<() => void>()

function update(next: TrainingMemory): void {
  memory = next
  for (const listener of [...listeners]) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Remembers which panel the training view shows. */
export function showTrainingPanel(panel: TrainingPanel): void {
  if (memory.panel !== panel) update({ ...memory, panel })
}

/** Remembers the case being followed (null to forget it, e.g. when another snapshot opens). */
export function setActiveCase(active: ActiveCase | null): void {
  if (memory.active !== active) update({ ...memory, active })
}

/** The panel the training view shows. */
export function useTrainingPanel(): TrainingPanel {
  return useSyncExternalStore(subscribe, () => memory.panel)
}

/** The case being followed, if any. */
export function useActiveCase(): ActiveCase | null {
  return useSyncExternalStore(subscribe, () => memory.active)
}
