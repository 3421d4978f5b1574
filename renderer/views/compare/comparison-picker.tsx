import { useCallback } from 'react'
import type { HostApi } from '../../../shared/app/host-api'
import { useFilePickers, type FilePickers } from '../common/file-pickers'

/** The ways to pick the snapshot to compare, plus the hidden inputs they need (render `inputs` once). */
export type ComparisonPicker = FilePickers

const LABELS = { folder: 'Snapshot folder to compare', files: 'Snapshot files to compare' }

/** Hidden file inputs for Compare with…, and the actions that open them (a folder, a .zip or export files). */
export function useComparisonPicker(host: HostApi): ComparisonPicker {
  const onFiles = useCallback(
    (files: File[]) => {
      if (files.length > 0) void host.openComparisonFiles(files)
    },
    [host],
  )
  const showDialog = useCallback(() => host.openComparisonDialog(), [host])
  return useFilePickers(host, {
    showDialog,
    onFiles,
    accept: '.xml,.zip,.ps1,.json',
    testIdPrefix: 'compare',
    labels: LABELS,
  })
}
