import { describe, expect, it } from 'vitest'
import { bundleSourceData, runningBundle } from './running-bundle'

describe('runningBundle', () => {
  it('is the text a thread was started from, when its starter handed it over', () => {
    expect(runningBundle(bundleSourceData('"use strict";'), '[worker eval]')).toEqual({
      kind: 'source',
      code: '"use strict";',
    })
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
