/**
 * Electron binary detection for the Electron specs (docs/ARCHITECTURE.md): by files only, in about a
 * millisecond, with no `require('electron')` (which would start a blocking download). One
 * implementation serves the specs and `npm start`.
 */
export { findElectronBinary } from '../scripts/electron-binary.mjs'

/** Why Electron specs skip on a machine without the binary, and how to get it. */
export const ELECTRON_MISSING_REASON =
  'Electron binary not installed (offline machine): on a connected network run `node node_modules/electron/install.js` (or `npm start` once), then `npm run build`'
