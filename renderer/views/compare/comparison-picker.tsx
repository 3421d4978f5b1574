import { useCallback, useRef, type ChangeEvent, type ReactNode } from 'react'
import type { HostApi } from '../../../shared/app/host-api'

/** The ways to pick the snapshot to compare, plus the hidden inputs they need (render `inputs` once). */
export interface ComparisonPicker {
  /** The host's dialog where there is one (Electron), else the browser's folder picker. */
  readonly pickFolder: () => void
  /** The browser's file picker (a .zip, or a few export files). */
  readonly pickFiles: () => void
  readonly inputs: ReactNode
}

/** Hidden file inputs for Compare with…, and the actions that open them. */
export function useComparisonPicker(host: HostApi): ComparisonPicker {
  const folderInput = useRef<HTMLInputElement | null>(null)
  const filesInput = useRef<HTMLInputElement | null>(null)

  const onPicked = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => {
      const input = event.currentTarget
      const files = input.files ? Array.from(input.files) : []
      // Cleared so that picking the same folder again still fires a change.
      input.value = ''
      if (files.length > 0) void host.openComparisonFiles(files)
    },
    [host],
  )

  const pickFolder = useCallback(() => {
    if (host.platform === 'browser') {
      // Called straight from the click: browsers open pickers only during a user gesture.
      folderInput.current?.click()
      return
    }
    void host.openComparisonDialog().then((shown) => {
      if (!shown) folderInput.current?.click()
    })
  }, [host])

  const pickFiles = useCallback(() => filesInput.current?.click(), [])

  const inputs = (
    <div hidden>
      <input
        ref={(element) => {
          folderInput.current = element
          // React has no prop for it; the attribute makes the picker choose folders.
          if (element) element.webkitdirectory = true
        }}
        type="file"
        multiple
        onChange={onPicked}
        data-testid="compare-folder-input"
        aria-label="Snapshot folder to compare"
        tabIndex={-1}
      />
      <input
        ref={filesInput}
        type="file"
        multiple
        accept=".xml,.zip,.ps1,.json"
        onChange={onPicked}
        data-testid="compare-files-input"
        aria-label="Snapshot files to compare"
        tabIndex={-1}
      />
    </div>
  )

  return { pickFolder, pickFiles, inputs }
}
