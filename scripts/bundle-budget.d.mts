/** The entry chunk's budget, in bytes. */
export declare const MAIN_CHUNK_BUDGET: number
/** The entry chunk's file and size, and every other chunk's, from a renderer build folder. */
export declare function measureBundle(distDir: string): {
  entry: { file: string; bytes: number }
  chunks: { file: string; bytes: number }[]
}
