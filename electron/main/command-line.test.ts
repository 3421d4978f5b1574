import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { snapshotArgument, START_EMPTY_FLAG, startWithoutSnapshot, userDataOverride } from './command-line'

const cwd = path.resolve('/work/main')

describe('snapshotArgument', () => {
  it.each([
    [
      'npm start with a relative path',
      ['/x/electron', 'dist/electron/main.cjs', '../shared/samples/serverconfig/Contoso-2016'],
      true,
      path.resolve(cwd, '../shared/samples/serverconfig/Contoso-2016'),
    ],
    [
      'Playwright flags before the app',
      ['/x/electron', '--inspect=0', '--remote-debugging-port=0', 'dist/electron/main.cjs', '/tmp/snap'],
      true,
      path.resolve('/tmp/snap'),
    ],
    [
      'Chromium switches after the snapshot',
      ['/x/electron', '.', '/tmp/snap.zip', '--no-sandbox', '--enable-logging'],
      true,
      path.resolve('/tmp/snap.zip'),
    ],
    [
      'the installed app opened from a file association',
      ['/opt/SyncLens/synclens', '/tmp/a b/snap.zip'],
      false,
      path.resolve('/tmp/a b/snap.zip'),
    ],
    [
      'a path that looks like a flag, after --',
      ['/opt/SyncLens/synclens', '--', '-odd-name.zip'],
      false,
      path.resolve(cwd, '-odd-name.zip'),
    ],
    ['no operands at all', ['/opt/SyncLens/synclens'], false, null],
    ['only the app in development', ['/x/electron', 'dist/electron/main.cjs'], true, null],
    ['only flags', ['/opt/SyncLens/synclens', '--no-sandbox', '--disable-gpu'], false, null],
    ['an empty operand', ['/opt/SyncLens/synclens', ''], false, null],
  ])('%s', (_label, argv, defaultApp, expected) => {
    expect(snapshotArgument(argv, { defaultApp, cwd })).toBe(expected)
  })

  it('resolves against the working directory it is given (a second instance has its own)', () => {
    expect(
      snapshotArgument(['/opt/SyncLens/synclens', 'snap'], { defaultApp: false, cwd: '/home/ann' }),
    ).toBe(path.resolve('/home/ann/snap'))
  })
})

describe('userDataOverride', () => {
  it('takes SYNCLENS_USER_DATA_DIR, made absolute', () => {
    expect(userDataOverride({ SYNCLENS_USER_DATA_DIR: 'tmp/profile' }, cwd)).toBe(
      path.resolve(cwd, 'tmp/profile'),
    )
    expect(userDataOverride({ SYNCLENS_USER_DATA_DIR: '/tmp/p1' }, cwd)).toBe(path.resolve('/tmp/p1'))
  })

  it('is null when unset or empty', () => {
    expect(userDataOverride({}, cwd)).toBeNull()
    expect(userDataOverride({ SYNCLENS_USER_DATA_DIR: '' }, cwd)).toBeNull()
  })
})

describe('startWithoutSnapshot', () => {
  it.each([
    [['electron', 'main.cjs'], 'training'],
    [['SyncLens'], 'training'],
    [['electron', '--no-sandbox', 'main.cjs', START_EMPTY_FLAG], 'empty'],
    [['SyncLens', START_EMPTY_FLAG], 'empty'],
    [['SyncLens', '--', START_EMPTY_FLAG], 'training'],
  ] as const)('%j starts on %s', (argv, expected) => {
    expect(startWithoutSnapshot(argv)).toBe(expected)
  })
})
