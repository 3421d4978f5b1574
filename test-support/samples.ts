import fs from 'node:fs'
import path from 'node:path'

/** The shared samples folder beside the project (`../shared/samples`), absent on a user's fresh clone. */
export const SAMPLES_DIR = path.resolve(process.cwd(), '..', 'shared', 'samples')

/** The real Contoso server-configuration export. */
export const CONTOSO_SERVERCONFIG = path.join(SAMPLES_DIR, 'serverconfig', 'Contoso-2016')

/** True when the samples folder exists; tests that need it skip with a message otherwise. */
export const samplesAvailable = fs.existsSync(CONTOSO_SERVERCONFIG)

/** Skip reason for tests that read the shared samples. */
export const SAMPLES_SKIP_REASON = `../shared/samples not found (looked in ${SAMPLES_DIR}); tests on the real export are skipped`
