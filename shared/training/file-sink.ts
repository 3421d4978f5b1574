/** Where generated files go: a callback that receives each file's text in order, chunk by chunk. */
export type FileSink = (path: string, chunk: string) => void

const DEFAULT_CHUNK_CHARS = 64 * 1024

/**
 * Buffers small writes into chunks of about 64K characters for one file, so a disk writer makes few
 * calls and an in-memory collector few copies, while no more than one chunk is held at a time.
 */
export class ChunkWriter {
  private buffer = ''

  public constructor(
    private readonly path: string,
    private readonly sink: FileSink,
    private readonly chunkChars: number = DEFAULT_CHUNK_CHARS,
  ) {}

  /** Appends text; hands a chunk to the sink when enough has gathered. */
  public write(text: string): void {
    this.buffer += text
    if (this.buffer.length >= this.chunkChars) this.flush()
  }

  /** Hands whatever is buffered to the sink. */
  public flush(): void {
    if (this.buffer.length === 0) return
    this.sink(this.path, this.buffer)
    this.buffer = ''
  }
}
