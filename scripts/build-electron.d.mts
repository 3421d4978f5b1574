/** One bundle of the Electron build. */
export interface ElectronBundle {
  readonly entry: string
  readonly outFile: string
  readonly kind: 'node' | 'preload'
  readonly executable?: boolean
}

/** The project root. */
export declare const ROOT: string

/** The bundles `npm run build:electron` produces. */
export declare const BUNDLES: readonly ElectronBundle[]

/** Builds one bundle; resolves with the absolute path of the file written. */
export declare function buildBundle(
  bundle: ElectronBundle,
  options?: {
    readonly root?: string
    readonly outFile?: string
    /** Also write `<outFile>.map` (hidden: the bundle does not name it), for checks of what it holds. */
    readonly sourcemap?: boolean
    /** Where the list of bundled packages goes; the project's dist/.third-party by default. */
    readonly recordsDir?: string
    /** Identifiers replaced at build time (the digests a bundle checks what it starts against). */
    readonly define?: Readonly<Record<string, string>>
  },
): Promise<string>

/** The segment reader threads' bundle (its output file is SEGMENT_READER_FILE in each folder it is built into). */
export declare const SEGMENT_READER: Omit<ElectronBundle, 'outFile'>

/** The reader bundle's file name, beside the bundles that start reader threads. */
export declare const SEGMENT_READER_FILE: string

/**
 * Builds the segment reader bundle into each folder; resolves with the files and the `define` that makes a bundle
 * built afterwards start its reader threads from that file (its SHA-256).
 */
export declare function buildSegmentReader(
  folders: readonly string[],
  options?: { readonly root?: string; readonly recordsDir?: string },
): Promise<{ files: string[]; define: Record<string, string> }>

/** Builds bundles in order, each with the digests of those built before it that it checks; resolves with the files. */
export declare function buildBundles(
  bundles: readonly ElectronBundle[],
  options?: { readonly root?: string },
): Promise<string[]>

/** Builds every bundle whose entry exists. */
export declare function buildElectron(root?: string): Promise<{ built: string[]; skipped: string[] }>
