import { type ReaderReply, readSegmentRange } from '../../shared/load/segment-pool'
import type { BrowserSegmentRead } from './browser-segments'

// A segment reader of the browser build: started by the snapshot worker (browser-segments.ts), it reads the ranges of
// picked files it is sent into store segments and hands them back, transferred.

/** Reads a Blob synchronously: only in workers, which is where this runs (not in TypeScript's DOM library). */
declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } }

/** Chunks of 1 MiB: 4 MiB, which the snapshot worker streams in, measured no faster here (docs/PERFORMANCE.md). */
const CHUNK_BYTES = 1 << 20

const scope = self as unknown as {
  postMessage(message: ReaderReply, transfer: Transferable[]): void
  addEventListener(type: 'message', listener: (event: MessageEvent<BrowserSegmentRead>) => void): void
}

scope.addEventListener('message', ({ data: { job, file } }) => {
  const reader = new FileReaderSync()
  void readSegmentRange(
    job,
    CHUNK_BYTES,
    (position, length) => new Uint8Array(reader.readAsArrayBuffer(file.slice(position, position + length))),
    (reply, transfer) => scope.postMessage(reply, transfer ?? []),
  )
})
scope.postMessage({ kind: 'ready' }, [])
