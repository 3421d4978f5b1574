import { useEffect, useState } from 'react'
import type { SnapshotSummary } from '../../../shared/app/host-api'
import type { TrainingCase, TrainingConcept } from '../../../shared/training/catalogue'
import { Tabs, tabId, tabPanelId, type TabItem } from '../../ui/tabs'
import { CasesPanel } from './cases-panel'
import { ConceptsPanel } from './concepts-panel'
import { showTrainingPanel, useTrainingPanel, type TrainingPanel } from './training-store'
import { conceptAnchorId } from './training-model'
import './training.css'

const ID_PREFIX = 'training'

const TABS: readonly TabItem<TrainingPanel>[] = [
  { id: 'cases', label: 'Cases', count: null },
  { id: 'concepts', label: 'Concepts', count: null },
]

/** The training view: the seeded Cases, and the Concepts with the pipeline diagram. */
export function TrainingView({ summary }: { readonly summary: SnapshotSummary }) {
  const panel = useTrainingPanel()
  // The element to focus once the other panel has rendered (a concept section, a case button).
  // A new object per request, so asking for the same element twice still moves focus.
  const [focusTarget, setFocusTarget] = useState<{ readonly id: string } | null>(null)

  useEffect(() => {
    if (focusTarget === null) return
    const element = document.getElementById(focusTarget.id)
    element?.scrollIntoView({ block: 'start' })
    element?.focus()
  }, [focusTarget])

  const showConcept = (concept: TrainingConcept): void => {
    showTrainingPanel('concepts')
    setFocusTarget({ id: conceptAnchorId(concept) })
  }
  const showCase = (caseId: string): void => {
    showTrainingPanel('cases')
    setFocusTarget({ id: `case-${caseId}-open` })
  }

  return (
    <main className="training" data-testid="training-view" aria-labelledby="training-title">
      <header className="training__header">
        <h1 id="training-title" className="training__title">
          Cases and Concepts
        </h1>
        <Tabs
          label="Training"
          idPrefix={ID_PREFIX}
          tabs={TABS}
          selected={panel}
          onSelect={showTrainingPanel}
        />
      </header>
      <div
        className="training__panel"
        role="tabpanel"
        id={tabPanelId(ID_PREFIX)}
        aria-labelledby={tabId(ID_PREFIX, panel)}
      >
        {panel === 'cases' ? (
          <CasesPanel
            summary={summary}
            onShowConcept={(trainingCase: TrainingCase) => showConcept(trainingCase.concept)}
          />
        ) : (
          <ConceptsPanel summary={summary} onShowCase={showCase} />
        )}
      </div>
    </main>
  )
}
