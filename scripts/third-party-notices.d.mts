import type { Plugin } from 'vite'

/** One bundled package as the notices name it. */
export interface BundledPackage {
  readonly name: string
  readonly version: string
  readonly license: string | null
  readonly repository: string | null
  readonly texts: readonly string[]
}

/** Where each build leaves the list of packages it bundled, relative to the project root. */
export declare const RECORDS_DIR: string
/** The bundles whose packages the app ships. */
export declare const APP_BUNDLES: readonly string[]
/** The app's notices file, relative to the project root. */
export declare const APP_NOTICES: string
/** The command line's notices file, relative to the project root. */
export declare const CLI_NOTICES: string
/** Licenses a bundled package may have. */
export declare const ACCEPTED_LICENSES: readonly string[]
/** The package root and name of a module path inside node_modules, or null. */
export declare function packageOf(moduleId: string): { readonly name: string; readonly dir: string } | null
/** Name, version, license and license texts of the package in `dir`. */
export declare function describePackage(dir: string): BundledPackage
/** A plugin recording the npm packages bundled into `bundle`'s output. */
export declare function recordBundledPackages(bundle: string, recordsDir?: string): Plugin
/** The packages recorded for `bundles`. */
export declare function recordedPackages(bundles: readonly string[], recordsDir?: string): BundledPackage[]
/** Packages whose license is not accepted, as `name@version (license)`. */
export declare function unacceptedLicenses(packages: readonly BundledPackage[]): string[]
/** The notices text. */
export declare function noticesText(product: string, packages: readonly BundledPackage[]): string
/** Writes the app's and the command line's notices; returns the files written. */
export declare function writeNotices(root?: string): string[]
