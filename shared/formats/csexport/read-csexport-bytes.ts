import type { LoadIssue } from '../../model/load-issue'
import type { CsObject } from '../../model/objects'
import { CsExportReader, type CsExportReaderOptions, type ReadSummary } from './csexport-reader'

/** Options of readCsExportBytes: the reader's options without the callbacks. */
export type ReadCsExportBytesOptions = Omit<CsExportReaderOptions, 'onObject' | 'onIssue'> & {
  /** Size of the chunks the bytes are pushed in (all at once when absent). */
  readonly chunkBytes?: number
}

/** Everything read from a csexport document held in memory. */
export interface CsExportBytesResult {
  readonly objects: readonly CsObject[]
  readonly issues: readonly LoadIssue[]
  readonly summary: ReadSummary
}

/** Reads a whole csexport document (for example a pasted `.SerializedXml`) held in memory. */
export function readCsExportBytes(bytes: Uint8Array, options: ReadCsExportBytesOptions): CsExportBytesResult {
  const objects: CsObject[] = []
  const issues: LoadIssue[] = []
  const reader = new CsExportReader({
    ...options,
    onObject: (object) => objects.push(object),
    onIssue: (issue) => issues.push(issue),
  })
  const step = options.chunkBytes ?? bytes.length
  for (let offset = 0; offset < bytes.length; offset += Math.max(1, step)) {
    reader.push(bytes.subarray(offset, offset + Math.max(1, step)))
  }
  return { objects, issues, summary: reader.end() }
}
