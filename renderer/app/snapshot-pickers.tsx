import { useCallback, useRef, type ChangeEvent, type ReactNode } from 'react'
import type { HostApi } from '../../shared/app/host-api'

/** Ways to open a snapshot from the UI, plus the hidden inputs they need (render `inputs` once). */
export interface SnapshotPickers {
  /** Host dialog where there is one (Electron), else the browser's folder picker. */
  readonly openFolder: () => void
  /** The browser's multi-file picker (single files, a .zip, or a few XML files). */
  readonly openFiles: () => void
  readonly inputs: ReactNode
}

/** Hidden file inputs and the actions that open them. */
export function useSnapshotPickers(host: HostApi): SnapshotPickers {
  const folderInput = useRef<HTMLInputElement | null>(null)
  const filesInput = useRef<HTMLInputElement | null>(null)

  const onPicked = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => {
      const input = event.currentTarget
      const files = input.files ? Array.from(input.files) : []
      // Cleared so that picking the same folder again still fires a change.
      input.value = ''
      // An empty folder still reaches the host, which says so instead of doing nothing.
      void host.openFiles(files)
    },
    [host],
  )

  const openFolder = useCallback(() => {
    if (host.platform === 'browser') {
      // Called straight from the click: browsers open pickers only during a user gesture.
      folderInput.current?.click()
      return
    }
    void host.openSnapshotDialog().then((shown) => {
      if (!shown) folderInput.current?.click()
    })
  }, [host])

  const openFiles = useCallback(() => filesInput.current?.click(), [])

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
        data-testid="open-folder-input"
        aria-label="Snapshot folder"
        tabIndex={-1}
      />
      <input
        ref={filesInput}
        type="file"
        multiple
        accept=".xml,.zip,.ps1,.json,.csv,.txt"
        onChange={onPicked}
        data-testid="open-files-input"
        aria-label="Snapshot files"
        tabIndex={-1}
      />
    </div>
  )

  return { openFolder, openFiles, inputs }
}
