import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../node/atomic-write'
import { createSnapshotSession } from '../../shared/app/session'
import { parseRuleScript } from '../../shared/formats/ps1/rule-script'
import type { FixDraft } from '../../shared/fix/draft'
import { generateTrainingSnapshot, TRAINING_CASES } from '../../shared/training/index'
import { ScriptSaver } from './script-save'

const session = createSnapshotSession()
let folder = ''
let draft: FixDraft

beforeAll(async () => {
  await session.load(generateTrainingSnapshot({ users: 20 }), () => undefined, { aborted: false })
  const bruno = TRAINING_CASES.find((trainingCase) => trainingCase.id === 'fax-rule-disabled')
  const csObject = bruno ? session.csObjectsByDn(bruno.dn)[0] : undefined
  const proposed =
    csObject && bruno ? session.proposeFix({ csId: csObject.id, attribute: bruno.attribute }) : null
  if (!proposed) throw new Error('No draft for the fax case')
  draft = proposed
}, 60_000)

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-script-save-'))
})

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true })
})

/** The real session, disk and atomic write; only the save dialog answers from `answers` (a name, or null). */
function saver(answers: (string | null)[], asked: string[] = []): ScriptSaver {
  return new ScriptSaver({
    script: async (sent) => session.fixScript(sent),
    chooseSavePath: async (fileName) => {
      asked.push(fileName)
      const answer = answers.shift() ?? null
      return answer === null ? null : path.join(folder, answer)
    },
    exists: async (target) => fs.existsSync(target),
    write: (target, content, overwrite) => writeFileAtomic(target, content, { overwrite }),
    baseName: (target) => path.basename(target),
  })
}

describe('ScriptSaver', () => {
  it('proposes the script file name, then writes the script where the user chose, BOM first', async () => {
    const asked: string[] = []

    const outcome = await saver(['fax.ps1'], asked).save(draft)

    const content = fs.readFileSync(path.join(folder, 'fax.ps1'), 'utf8')
    expect(outcome).toEqual({ status: 'saved', fileName: 'fax.ps1' })
    expect(asked).toEqual(['synclens-fix-facsimileTelephoneNumber-Bruno-Carvalho.ps1'])
    expect(content.charCodeAt(0)).toBe(0xfeff)
    expect(parseRuleScript(content, 'fax.ps1').rules).toHaveLength(1)
  })

  it('writes nothing when the user cancels, and says why a draft cannot be saved', async () => {
    const cancelled = await saver([null]).save(draft)
    const empty = await saver(['empty.ps1']).save({ ...draft, changes: [] })

    expect(cancelled).toEqual({ status: 'cancelled' })
    expect(empty).toEqual({
      status: 'failed',
      message: 'The draft changes nothing, so there is no script to save.',
    })
    expect(fs.readdirSync(folder)).toEqual([])
  })
})
