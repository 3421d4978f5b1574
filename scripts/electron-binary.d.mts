/** The absolute path of the Electron executable, or null when it is not installed. Reads files only. */
export declare function findElectronBinary(options?: {
  readonly packageDir?: string | null
  readonly env?: Readonly<Record<string, string | undefined>>
}): string | null

/** The folder of the installed `electron` package, or null when it is not installed. */
export declare function electronPackageDir(): string | null
