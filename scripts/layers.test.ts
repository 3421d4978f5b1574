import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser'
import { afterEach, describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const config = require(path.join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration

let tree: string | null = null

afterEach(() => {
  if (tree !== null) fs.rmSync(tree, { recursive: true, force: true })
  tree = null
})

/** Writes a small tree of modules (path -> source) into a temporary folder. */
function plant(files: Readonly<Record<string, string>>): string {
  tree = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-layers-'))
  for (const [relative, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(tree, relative)), { recursive: true })
    fs.writeFileSync(path.join(tree, relative), source)
  }
  return tree
}

/** The rules the project's configuration says the planted tree breaks. */
async function violations(files: Readonly<Record<string, string>>): Promise<string[]> {
  const base = plant(files)
  const { output } = await cruise(['.'], {
    ...config.options,
    baseDir: base,
    tsConfig: undefined,
    ruleSet: { forbidden: config.forbidden ?? [] },
    validate: true,
  })
  const result = output as ICruiseResult
  return result.summary.violations.map(
    (violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`,
  )
}

describe('the layer rules (.dependency-cruiser.cjs)', () => {
  it('accept a downward import', async () => {
    expect(
      await violations({
        'shared/engine/flow.ts': "import { fold } from '../text/fold'\nexport const flow = fold",
        'shared/text/fold.ts': 'export const fold = 1',
      }),
    ).toEqual([])
  })

  it('fail on a planted upward import', async () => {
    expect(
      await violations({
        'shared/model/thing.ts':
          "import { diagnose } from '../engine/diagnose'\nexport const thing = diagnose",
        'shared/engine/diagnose.ts': 'export const diagnose = 1',
      }),
    ).toEqual(['layer-model: shared/model/thing.ts -> shared/engine/diagnose.ts'])
  })

  it('fail on a planted cycle within one layer', async () => {
    const found = await violations({
      'shared/engine/a.ts': "import { b } from './b'\nexport const a = (): number => b()",
      'shared/engine/b.ts': "import { a } from './a'\nexport const b = (): number => a()",
    })

    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(/^no-circular: shared\/engine\/[ab]\.ts -> shared\/engine\/[ab]\.ts$/)
  })

  it('fail when the UI imports engine code at run time, but not its types', async () => {
    const found = await violations({
      'renderer/views/a.ts': "import { flow } from '../../shared/engine/flow'\nexport const a = flow",
      'renderer/views/b.ts': "import type { Flow } from '../../shared/engine/flow'\nexport type B = Flow",
      'shared/engine/flow.ts': 'export const flow = 1\nexport type Flow = number',
    })

    expect(found).toEqual(['renderer-engine-types-only: renderer/views/a.ts -> shared/engine/flow.ts'])
  })

  it('fail when plain-Node code imports electron/', async () => {
    expect(
      await violations({
        'node/cli/run.ts': "import { window } from '../../electron/main/window'\nexport const run = window",
        'electron/main/window.ts': 'export const window = 1',
      }),
    ).toEqual(['node-without-electron: node/cli/run.ts -> electron/main/window.ts'])
  })
})
