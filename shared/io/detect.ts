import { looksLikeManifest } from '../formats/manifest/manifest'
import { looksLikeRuleScript } from '../formats/ps1/rule-script'
import { decodeText } from '../text/decode'

/** What a snapshot file holds, recognised by content (never by file name). */
export type FileKind =
  | 'sync-rule'
  | 'connector'
  | 'mv-config'
  | 'csexport'
  | 'mv-objects'
  | 'rule-script'
  | 'manifest'
  | 'zip'
  | 'unknown'

/** How many bytes of a file detection reads. */
export const DETECTION_HEAD_BYTES = 64 * 1024

/** A readable label per kind, for progress rows and messages. */
export const FILE_KIND_LABELS: Readonly<Record<FileKind, string>> = {
  'sync-rule': 'sync rule',
  connector: 'connector',
  'mv-config': 'metaverse schema',
  csexport: 'connector space',
  'mv-objects': 'metaverse objects',
  'rule-script': 'rule script',
  manifest: 'manifest',
  zip: 'zip archive',
  unknown: 'not a snapshot file',
}

const ROOT_KINDS: ReadonlyMap<string, FileKind> = new Map([
  ['synchronizationRule', 'sync-rule'],
  ['ma-data', 'connector'],
  ['saved-mv-configuration', 'mv-config'],
  ['mv-data', 'mv-config'],
  ['cs-objects', 'csexport'],
  ['mv-objects', 'mv-objects'],
])

/** Recognises a file from its first bytes (up to DETECTION_HEAD_BYTES). */
export function detectFileKind(head: Uint8Array): FileKind {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip'
  // A chunk boundary may split a character; decoding replaces it, which does not matter for sniffing.
  const text = decodeText(head)
  const root = xmlRootName(text)
  if (root !== null) return ROOT_KINDS.get(root) ?? 'unknown'
  if (looksLikeManifest(text)) return 'manifest'
  if (looksLikeRuleScript(text)) return 'rule-script'
  return 'unknown'
}

/** The name of the first element of an XML text, skipping declaration, comments and PIs; null if not XML. */
export function xmlRootName(text: string): string | null {
  let position = 0
  for (;;) {
    while (position < text.length && /\s/.test(text[position] ?? '')) position++
    if (text.startsWith('<?', position)) {
      const end = text.indexOf('?>', position)
      if (end < 0) return null
      position = end + 2
    } else if (text.startsWith('<!--', position)) {
      const end = text.indexOf('-->', position)
      if (end < 0) return null
      position = end + 3
    } else if (text.startsWith('<!DOCTYPE', position)) {
      // Skipped here so that the file reaches its parser, which refuses DOCTYPEs with a clear message.
      const subset = text.indexOf('[', position)
      const close = text.indexOf('>', position)
      const end = subset >= 0 && subset < close ? text.indexOf(']>', subset) + 1 : close
      if (end <= 0) return null
      position = end + 1
    } else if (text[position] === '<') {
      const match = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(position, position + 256))
      return match?.[1] ?? null
    } else {
      return null
    }
  }
}
