import { describe, expect, it } from 'vitest'
import path from 'node:path'
import { bundleFolder, bundleSourceData, runningBundle } from './running-bundle'

describe('runningBundle', () => {
  it('is the text a thread was started from, when its starter handed it over', () => {
    expect(runningBundle(bundleSourceData('"use strict";'), '[worker eval]')).toEqual({
      kind: 'source',
      code: '"use strict";',
    })
  })

  it('knows the file the text was read from, when its starter said', () => {
    const file = path.join('/opt', 'synclens', 'dist', 'electron', 'snapshot-worker.cjs')
    const bundle = runningBundle(bundleSourceData('"use strict";', file), '[worker eval]')

    expect(bundle).toEqual({ kind: 'source', code: '"use strict";', file })
    expect(bundleFolder(bundle)).toBe(path.dirname(file))
    expect(bundleFolder(runningBundle(bundleSourceData('"use strict";'), '[worker eval]'))).toBeNull()
    expect(bundleFolder({ kind: 'file', path: file })).toBe(path.dirname(file))
    expect(bundleFolder(null)).toBeNull()
  })

  it('is the file of a built bundle otherwise', () => {
    expect(runningBundle(null, '/opt/synclens/dist/cli/synclens-main.cjs')).toEqual({
      kind: 'file',
      path: '/opt/synclens/dist/cli/synclens-main.cjs',
    })
    expect(
      runningBundle({ role: 'synclens-segment-reader' }, '/opt/synclens/dist/cli/synclens-main.cjs'),
    ).toEqual({ kind: 'file', path: '/opt/synclens/dist/cli/synclens-main.cjs' })
  })

  it('is null for code that is not a bundle (TypeScript sources, eval without its text)', () => {
    expect(runningBundle(null, '/work/synclens/node/segment-workers.ts')).toBeNull()
    expect(runningBundle(undefined, '[worker eval]')).toBeNull()
    expect(runningBundle(bundleSourceData(''), '[worker eval]')).toBeNull()
    expect(runningBundle({ synclensBundleSource: 42 }, '[worker eval]')).toBeNull()
  })

  it('is null in this test (vitest runs the sources)', () => {
    expect(runningBundle()).toBeNull()
  })
})
