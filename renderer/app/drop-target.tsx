import { useState, type DragEvent, type ReactNode } from 'react'
import type { HostApi } from '../../shared/app/host-api'
import { droppedEntries, filesFromEntries } from '../host/dropped-files'

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files')
}

/** Accepts a snapshot folder, zip or files dropped anywhere on the window. */
export function DropTarget({ host, children }: { readonly host: HostApi; readonly children: ReactNode }) {
  const [over, setOver] = useState(false)

  const onDragOver = (event: DragEvent<HTMLDivElement>): void => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    setOver(true)
  }

  const onDragLeave = (event: DragEvent<HTMLDivElement>): void => {
    // Leaving for a child element is not leaving the window.
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return
    setOver(false)
  }

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    setOver(false)
    if (host.platform === 'electron') {
      // Electron resolves a dropped folder to its path itself; the top-level items are enough.
      void host.openFiles(Array.from(event.dataTransfer.files))
      return
    }
    const { entries, looseFiles } = droppedEntries(event.dataTransfer)
    void filesFromEntries(entries).then(
      (files) => host.openFiles([...files, ...looseFiles]),
      (error: unknown) => console.error('SyncLens could not read the dropped items.', error),
    )
  }

  return (
    <div
      className={over ? 'drop-target drop-target--over' : 'drop-target'}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      data-testid="drop-target"
    >
      {children}
      {over && (
        <div className="drop-target__overlay" aria-hidden="true">
          Drop to open the snapshot
        </div>
      )}
    </div>
  )
}
