import { describe, expect, it } from 'vitest'
import { heapRelaunchFlags, type HeapRelaunchContext } from './heap-flags'

const base: HeapRelaunchContext = { nodeVersion: '24.22.3', execArgv: [], args: ['summary', 'demo'], env: {} }
const flag = '--max-semi-space-size=16'

describe('heapRelaunchFlags', () => {
  it('starts a snapshot command again with 16 MB semi-spaces on Node 22 and later, keeping Node flags', () => {
    expect(heapRelaunchFlags(base)).toEqual([flag])
    expect(
      heapRelaunchFlags({ ...base, nodeVersion: '22.12.0', execArgv: ['--enable-source-maps'] }),
    ).toEqual([flag, '--enable-source-maps'])
  })

  it('runs as it is on Node 20, whose default is already 16 MB', () => {
    expect(heapRelaunchFlags({ ...base, nodeVersion: '20.19.5' })).toBeNull()
  })

  it.each([
    ['on the command line', { execArgv: ['--max-semi-space-size=64'] }],
    ['on the command line, as two words', { execArgv: ['--max-semi-space-size', '8'] }],
    ['with underscores', { execArgv: ['--max_semi_space_size=8'] }],
    ['in NODE_OPTIONS', { env: { NODE_OPTIONS: '--trace-warnings --max-semi-space-size=32' } }],
  ])('leaves the setting to whoever gave it %s (the started copy has it too)', (_where, given) => {
    expect(heapRelaunchFlags({ ...base, ...given })).toBeNull()
  })

  it.each([[[]], [['--version']], [['-V']], [['--help']], [['help', 'why']]])(
    'does not start a second process for %j, which reads no snapshot',
    (args) => {
      expect(heapRelaunchFlags({ ...base, args })).toBeNull()
    },
  )

  it('runs as it is when the Node version cannot be read', () => {
    expect(heapRelaunchFlags({ ...base, nodeVersion: 'unknown' })).toBeNull()
  })
})
