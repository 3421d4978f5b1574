import { useCallback, useRef, type ChangeEvent, type ReactNode } from 'react'
import type { HostApi } from '../../../shared/app/host-api'

/** What differs between the places that let a user pick snapshot files. */
export interface FilePickerOptions {
  /** Shows the host's own folder dialog; resolves false where there is none (the browser). */
  readonly showDialog: () => Promise<boolean>
  /** Receives what the user picked. */
  readonly onFiles: (files: File[]) => void
  /** File name endings the multi-file picker offers. */
  readonly accept: string
  /** Prefix of the inputs' test ids (`<prefix>-folder-input`, `<prefix>-files-input`). */
  readonly testIdPrefix: string
  /** Accessible names of the folder input and the files input. */
  readonly labels: { readonly folder: string; readonly files: string }
}

/** The two ways to pick files, plus the hidden inputs they need (render `inputs` once). */
export interface FilePickers {
  /** The host's dialog where there is one (Electron), else the browser's folder picker. */
  readonly pickFolder: () => void
  /** The browser's multi-file picker. */
  readonly pickFiles: () => void
  readonly inputs: ReactNode
}

/** Hidden folder and file inputs, and the actions that open them. */
export function useFilePickers(host: HostApi, options: FilePickerOptions): FilePickers {
  const { showDialog, onFiles, accept, testIdPrefix, labels } = options
  const folderInput = useRef<HTMLInputElement | null>(null)
  const filesInput = useRef<HTMLInputElement | null>(null)

  const onPicked = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => {
      const input = event.currentTarget
      const files = input.files ? Array.from(input.files) : []
      // Cleared so that picking the same folder again still fires a change.
      input.value = ''
      onFiles(files)
    },
    [onFiles],
  )

  const pickFolder = useCallback(() => {
    if (host.platform === 'browser') {
      // Called straight from the click: browsers open pickers only during a user gesture.
      folderInput.current?.click()
      return
    }
    void showDialog().then((shown) => {
      if (!shown) folderInput.current?.click()
    })
  }, [host, showDialog])

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
        data-testid={`${testIdPrefix}-folder-input`}
        aria-label={labels.folder}
        tabIndex={-1}
      />
      <input
        ref={filesInput}
        type="file"
        multiple
        accept={accept}
        onChange={onPicked}
        data-testid={`${testIdPrefix}-files-input`}
        aria-label={labels.files}
        tabIndex={-1}
      />
    </div>
  )

  return { pickFolder, pickFiles, inputs }
}
