import { beforeAll, describe, expect, it } from 'vitest'
import { TRAINING_CASES } from '../../shared/training/index'
import { runCli } from './run-cli'
import { openSnapshotForCli } from './open-snapshot'

async function cliJson(
  ...argv: string[]
): Promise<{ code: number; json: { verdict?: string; [key: string]: unknown } }> {
  let stdout = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: () => undefined })
  return { code, json: JSON.parse(stdout) }
}

describe('synclens on the training snapshot (demo)', () => {
  // Generating and loading the training snapshot takes seconds (tens on a busy machine); once per file.
  beforeAll(() => openSnapshotForCli('demo'), 180_000)

  it('summarizes demo like any snapshot, metaverse exported', async () => {
    const { code, json } = await cliJson('summary', 'demo', '--json')
    expect(code).toBe(0)
    expect(json).toMatchObject({ metaverse: { source: 'exported' }, warnings: [] })
  })

  it.each(TRAINING_CASES.map((c) => [c.id, c.code, c.dn, c.attribute] as const))(
    'case %s: why demo --dn ... --attribute ... gives %s',
    async (_id, code, dn, attribute) => {
      const result = await cliJson('why', 'demo', '--dn', dn, '--attribute', attribute, '--json')
      expect(result.code).toBe(0)
      expect(result.json.verdict).toBe(code)
    },
  )
})
