/**
 * Copies text. Electron's permission handler denies `navigator.clipboard`, so the copy goes through a hidden
 * textarea and `execCommand('copy')`, which works there and in browsers; the async API is tried only if that fails.
 */
export function copyText(text: string): boolean {
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.className = 'visually-hidden'
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
  document.body.append(area)
  area.select()
  let copied: boolean
  try {
    copied = document.execCommand('copy')
  } catch {
    copied = false
  }
  area.remove()
  previous?.focus({ preventScroll: true })
  if (!copied && typeof navigator !== 'undefined' && navigator.clipboard) {
    navigator.clipboard.writeText(text).catch(() => undefined)
  }
  return copied
}

/** Offers text as a file download through a Blob URL (the browser build and Electron alike). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // The BOM lets spreadsheet programs read the file as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
