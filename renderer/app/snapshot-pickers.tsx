import { useCallback } from 'react'
import type { HostApi } from '../../shared/app/host-api'
import { useFilePickers, type FilePickers } from '../views/common/file-pickers'

/** Ways to open a snapshot from the UI, plus the hidden inputs they need (render `inputs` once). */
export type SnapshotPickers = FilePickers

const LABELS = { folder: 'Snapshot folder', files: 'Snapshot files' }

/** Hidden file inputs and the actions that open a snapshot: a folder, single files, a .zip or a few XML files. */
export function useSnapshotPickers(host: HostApi): SnapshotPickers {
  // An empty folder still reaches the host, which says so instead of doing nothing.
  const onFiles = useCallback((files: File[]) => void host.openFiles(files), [host])
  const showDialog = useCallback(() => host.openSnapshotDialog(), [host])
  return useFilePickers(host, {
    showDialog,
    onFiles,
    accept: '.xml,.zip,.ps1,.json,.csv,.txt',
    testIdPrefix: 'open',
    labels: LABELS,
  })
}
