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
  },
): Promise<string>

/** Builds every bundle whose entry exists. */
export declare function buildElectron(root?: string): Promise<{ built: string[]; skipped: string[] }>
