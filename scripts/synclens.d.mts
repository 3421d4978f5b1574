/** The bundle `npm run synclens` runs and `npx synclens` names. */
export declare const CLI_BUNDLE: string
/** The files and folders the bundle is built from. */
export declare const CLI_SOURCES: readonly string[]
/** The newest modification time (ms) of the files under `paths`, tests excluded. */
export declare function newestSourceTime(root?: string, paths?: readonly string[]): number
/** True when the bundle is missing or older than one of its sources. */
export declare function cliBundleIsStale(root?: string): boolean
/** Builds the CLI bundle alone. */
export declare function buildCliBundle(root?: string): Promise<void>
