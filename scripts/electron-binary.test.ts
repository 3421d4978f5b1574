import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findElectronBinary } from './electron-binary.mjs'

let packageDir: string

beforeEach(() => {
  packageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-electron-pkg-'))
})

afterEach(() => {
  fs.rmSync(packageDir, { recursive: true, force: true })
})

function install(relative: string, distDir = path.join(packageDir, 'dist')): string {
  fs.writeFileSync(path.join(packageDir, 'path.txt'), relative)
  const executable = path.join(distDir, relative)
  fs.mkdirSync(path.dirname(executable), { recursive: true })
  fs.writeFileSync(executable, '')
  return executable
}

describe('findElectronBinary', () => {
  it('finds the executable named by path.txt inside dist/', () => {
    const executable = install('electron')

    expect(findElectronBinary({ packageDir, env: {} })).toBe(executable)
  })

  it('finds a macOS app bundle path', () => {
    const executable = install('Electron.app/Contents/MacOS/Electron')

    expect(findElectronBinary({ packageDir, env: {} })).toBe(executable)
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH as Electron does', () => {
    const elsewhere = path.join(packageDir, 'custom-dist')
    const executable = install('electron', elsewhere)

    expect(findElectronBinary({ packageDir, env: { ELECTRON_OVERRIDE_DIST_PATH: elsewhere } })).toBe(
      executable,
    )
  })

  it('is null when the download never happened (no path.txt)', () => {
    expect(findElectronBinary({ packageDir, env: {} })).toBeNull()
  })

  it('is null when path.txt names a file that is not there', () => {
    fs.writeFileSync(path.join(packageDir, 'path.txt'), 'electron')

    expect(findElectronBinary({ packageDir, env: {} })).toBeNull()
  })

  it('is null when the electron package is not installed', () => {
    expect(findElectronBinary({ packageDir: null })).toBeNull()
  })
})
