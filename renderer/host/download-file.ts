/** A file the page offers as a download: its name, MIME type and text. */
export interface DownloadableFile {
  readonly fileName: string
  readonly mimeType: string
  readonly content: string
}

/**
 * Saves a file through the browser's own download: a Blob URL on a temporary `<a download>`, clicked and
 * removed. Nothing goes over the network; the URL is revoked once the browser has taken the Blob.
 */
export function downloadFile(file: DownloadableFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.hidden = true
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    // Revoking at once can cancel the download in some browsers; a moment later it is safe.
    setTimeout(() => URL.revokeObjectURL(url), 1_000)
  }
}
