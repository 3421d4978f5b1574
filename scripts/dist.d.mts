/** The electron-builder flag of a Node platform name, or null where SyncLens is not packaged. */
export function platformFlag(platform: string): '--linux' | '--win' | '--mac' | null
