/** The file the build ships beside each bundle that opens the training snapshot. */
export declare const SHIPPED_TRAINING_FILE: string
/** That file's first line. */
export declare const SHIPPED_TRAINING_MAGIC: string
/** The browser build's worker script in a renderer build folder, or null. */
export declare function browserWorkerScript(rendererFolder: string): string | null
/** Writes the shipped training entry beside Node bundles and browser workers, taken from the command `cli`. */
export declare function shipTrainingSnapshot(
  cli: string,
  bundles: readonly string[],
  browserWorkers?: readonly string[],
): string[]
