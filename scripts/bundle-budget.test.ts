import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { measureBundle } from './bundle-budget.mjs'

let dir: string | null = null

afterEach(() => {
  if (dir !== null) fs.rmSync(dir, { recursive: true, force: true })
})

describe('measureBundle', () => {
  it('finds the entry chunk index.html loads and sizes every chunk', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-bundle-'))
    fs.mkdirSync(path.join(dir, 'assets'))
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      '<script type="module" crossorigin src="./assets/index-abc.js"></script>',
    )
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'x'.repeat(1200))
    fs.writeFileSync(path.join(dir, 'assets', 'object-view-def.js'), 'y'.repeat(300))

    const measured = measureBundle(dir)

    expect(measured.entry).toEqual({ file: 'assets/index-abc.js', bytes: 1200 })
    expect(measured.chunks).toEqual(
      expect.arrayContaining([
        { file: 'assets/index-abc.js', bytes: 1200 },
        { file: 'assets/object-view-def.js', bytes: 300 },
      ]),
    )
  })
})
