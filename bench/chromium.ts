import fs from 'node:fs'

/** Where Debian's `chromium` package puts the browser the benchmark drives. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/** The Chromium to drive: `SYNCLENS_CHROMIUM` when set and present, else the system one; null when neither is. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  return (
    [env.SYNCLENS_CHROMIUM, SYSTEM_CHROMIUM].find(
      (candidate): candidate is string =>
        candidate !== undefined && candidate !== '' && fs.existsSync(candidate),
    ) ?? null
  )
}
