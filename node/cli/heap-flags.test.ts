import { describe, expect, it } from 'vitest'
import { heapRelaunch, type HeapRelaunchContext, READING_MALLOC_ENV } from './heap-flags'

const base: HeapRelaunchContext = {
  nodeVersion: '24.22.3',
  platform: 'linux',
  execArgv: [],
  args: ['summary', 'demo'],
  env: {},
}
const flag = '--max-semi-space-size=16'
const malloc = { MALLOC_MMAP_THRESHOLD_: '65536', MALLOC_ARENA_MAX: '2' }

describe('heapRelaunch', () => {
  it('starts a snapshot command again with 16 MB semi-spaces on Node 22 and later, keeping Node flags', () => {
    expect(heapRelaunch({ ...base, platform: 'win32' })).toEqual({ execArgv: [flag], env: {} })
    expect(
      heapRelaunch({
        ...base,
        platform: 'darwin',
        nodeVersion: '22.12.0',
        execArgv: ['--enable-source-maps'],
      }),
    ).toEqual({ execArgv: [flag, '--enable-source-maps'], env: {} })
  })

  it("adds glibc's allocator settings on Linux, each only where the environment does not set it", () => {
    expect(READING_MALLOC_ENV).toEqual(malloc)
    expect(heapRelaunch(base)).toEqual({ execArgv: [flag], env: malloc })
    expect(heapRelaunch({ ...base, env: { MALLOC_ARENA_MAX: '8' } })).toEqual({
      execArgv: [flag],
      env: { MALLOC_MMAP_THRESHOLD_: '65536' },
    })
  })

  it('starts again on Linux for the allocator alone where Node 20 already has 16 MB semi-spaces', () => {
    expect(heapRelaunch({ ...base, nodeVersion: '20.19.5' })).toEqual({ execArgv: [], env: malloc })
    expect(heapRelaunch({ ...base, nodeVersion: '20.19.5', platform: 'win32' })).toBeNull()
  })

  it('runs the started copy as it is: the flag and both settings are there', () => {
    expect(heapRelaunch({ ...base, execArgv: [flag], env: malloc })).toBeNull()
  })

  it.each([
    ['on the command line', { execArgv: ['--max-semi-space-size=64'] }],
    ['on the command line, as two words', { execArgv: ['--max-semi-space-size', '8'] }],
    ['with underscores', { execArgv: ['--max_semi_space_size=8'] }],
    ['in NODE_OPTIONS', { env: { NODE_OPTIONS: '--trace-warnings --max-semi-space-size=32' } }],
  ])('leaves the setting to whoever gave it %s (the started copy has it too)', (_where, given) => {
    expect(heapRelaunch({ ...base, platform: 'win32', ...given })).toBeNull()
    expect(heapRelaunch({ ...base, ...given })?.execArgv).not.toContain(flag)
  })

  it.each([[[]], [['--version']], [['-V']], [['--help']], [['help', 'why']]])(
    'does not start a second process for %j, which reads no snapshot',
    (args) => {
      expect(heapRelaunch({ ...base, args })).toBeNull()
    },
  )

  it('leaves the flag out when the Node version cannot be read', () => {
    expect(heapRelaunch({ ...base, platform: 'win32', nodeVersion: 'unknown' })).toBeNull()
    expect(heapRelaunch({ ...base, nodeVersion: 'unknown' })).toEqual({ execArgv: [], env: malloc })
  })
})
