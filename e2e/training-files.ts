import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateTrainingFiles, TRAINING_SNAPSHOT_NAME } from '../shared/training/index'

/**
 * Writes the Contoso training snapshot (the seeded cases plus `users` people) to a fresh temp folder; under
 * another `name` the app takes it for a customer's export (no cases, opens on Metaverse Search).
 */
export function writeTrainingSnapshot(users = 40, name = TRAINING_SNAPSHOT_NAME): string {
  const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-e2e-')), name)
  const started = new Set<string>()
  generateTrainingFiles({ users }, (relative, chunk) => {
    const full = path.join(folder, ...relative.split('/'))
    if (!started.has(relative)) {
      started.add(relative)
      fs.mkdirSync(path.dirname(full), { recursive: true })
      fs.writeFileSync(full, chunk)
    } else fs.appendFileSync(full, chunk)
  })
  return folder
}
