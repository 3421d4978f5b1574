/** The file the build ships beside each bundle that opens the training snapshot. */
export declare const SHIPPED_TRAINING_FILE: string
/** That file's first line. */
export declare const SHIPPED_TRAINING_MAGIC: string
/** Writes the shipped training entry beside each of `bundles`, taken from the command `cli`; returns the files. */
export declare function shipTrainingSnapshot(cli: string, bundles: readonly string[]): string[]
