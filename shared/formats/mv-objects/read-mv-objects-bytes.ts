import type { LoadIssue } from '../../model/load-issue'
import type { MvObject } from '../../model/objects'
import type { ReadSummary } from '../csexport/object-stream-reader'
import { MvObjectsReader, type MvObjectsReaderOptions } from './mv-objects-reader'

/** Options of readMvObjectsBytes: the reader's options without the callbacks. */
export type ReadMvObjectsBytesOptions = Omit<MvObjectsReaderOptions, 'onObject' | 'onIssue'> & {
  /** Size of the chunks the bytes are pushed in (all at once when absent). */
  readonly chunkBytes?: number
}

/** Everything read from a metaverse document held in memory. */
export interface MvObjectsBytesResult {
  readonly objects: readonly MvObject[]
  readonly issues: readonly LoadIssue[]
  readonly summary: ReadSummary
}

/** Reads a whole `<mv-objects>` document (for example a pasted `.SerializedXml`) held in memory. */
export function readMvObjectsBytes(
  bytes: Uint8Array,
  options: ReadMvObjectsBytesOptions,
): MvObjectsBytesResult {
  const objects: MvObject[] = []
  const issues: LoadIssue[] = []
  const reader = new MvObjectsReader({
    ...options,
    onObject: (object) => objects.push(object),
    onIssue: (issue) => issues.push(issue),
  })
  const step = Math.max(1, options.chunkBytes ?? bytes.length)
  for (let offset = 0; offset < bytes.length; offset += step)
    reader.push(bytes.subarray(offset, offset + step))
  return { objects, issues, summary: reader.end() }
}
