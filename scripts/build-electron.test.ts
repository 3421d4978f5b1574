import fs from 'node:fs'
import { builtinModules } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HostCore } from '../shared/app/host-core'
import { workerLink } from '../electron/main/worker-link'
import { INBOUND_RULE_XML, MV_XML, OUTBOUND_RULE_XML } from '../test-support/serverconfig-fixtures'
import { BUNDLES, buildBundle, type ElectronBundle, ROOT } from './build-electron.mjs'

let outDir: string

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-bundles-'))
})

afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true })
})

function bundle(entry: string): ElectronBundle {
  const found = BUNDLES.find((candidate) => candidate.entry === entry)
  if (!found) throw new Error(`no bundle for ${entry}`)
  return found
}

/** Builds one bundle into the temporary folder, in-process, and returns its text and path. */
async function built(entry: string): Promise<{ file: string; code: string }> {
  const spec = bundle(entry)
  const file = await buildBundle(spec, { outFile: path.join(outDir, path.basename(spec.outFile)) })
  return { file, code: fs.readFileSync(file, 'utf8') }
}

function requiredModules(code: string): string[] {
  return [
    ...new Set([...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((match) => match[2] ?? '')),
  ]
}

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)])

describe('the preload bundle', () => {
  it('is one CommonJS file that requires nothing but electron', async () => {
    const { code } = await built('electron/preload/preload.ts')

    expect(requiredModules(code)).toEqual(['electron'])
    expect(code.match(/\brequire\(/g)).toHaveLength(1)
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
    expect(code).not.toContain('import(')
  })

  it('exposes one named API and never ipcRenderer itself', async () => {
    const { code } = await built('electron/preload/preload.ts')

    expect(code.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(code).toContain('exposeInMainWorld("synclens", api)')
    expect(code).not.toMatch(/ipcRenderer\s*[,}]/)
  })
})

describe('the main-process bundle', () => {
  it('is CommonJS that requires only electron and Node built-ins', async () => {
    const { code } = await built('electron/main/main.ts')

    const external = requiredModules(code)
    expect(external).toContain('electron')
    expect(external.filter((name) => name !== 'electron' && !NODE_BUILTINS.has(name))).toEqual([])
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
  })
})

describe('the snapshot worker bundle', () => {
  it('never requires electron, so the CLI and plain Node can run it', async () => {
    const { code } = await built('node/snapshot-worker.ts')

    expect(requiredModules(code).filter((name) => !NODE_BUILTINS.has(name))).toEqual([])
  })

  it('loads a snapshot in a real worker thread behind the snapshot host', async () => {
    const { file } = await built('node/snapshot-worker.ts')
    const snapshot = path.join(outDir, 'Fixture')
    fs.mkdirSync(path.join(snapshot, 'SynchronizationRules'), { recursive: true })
    fs.writeFileSync(path.join(snapshot, 'SynchronizationRules', 'in.xml'), INBOUND_RULE_XML)
    fs.writeFileSync(path.join(snapshot, 'SynchronizationRules', 'out.xml'), OUTBOUND_RULE_XML)
    fs.writeFileSync(path.join(snapshot, 'MV.xml'), MV_XML)
    const host = new HostCore(() => workerLink(file))

    try {
      const outcome = await host.open({ paths: [snapshot] }, 'Fixture')

      expect(outcome).toBe('ready')
      expect(host.getState()).toMatchObject({
        phase: 'ready',
        summary: { name: 'Fixture', rules: { total: 2 } },
      })
      expect((await host.query('rules', { direction: 'Outbound' })).map((rule) => rule.name)).toEqual([
        'Out to AAD - Staff Custom',
      ])
    } finally {
      host.close()
    }
  })
})

const cliEntry = 'node/cli/synclens.ts'
describe.skipIf(!fs.existsSync(path.join(ROOT, cliEntry)))(
  `the CLI bundle (skipped until ${cliEntry} exists)`,
  () => {
    it('is an executable Node script without electron, loading the command from the bundle beside it', async () => {
      const command = await built(cliEntry)
      const { file, code } = await built('node/cli/synclens-start.ts')

      expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true)
      expect(fs.statSync(file).mode & 0o111).not.toBe(0)
      expect(code).toContain('-main.cjs')
      // A few functions and their doc comments (the build keeps comments): the relaunch's heap and allocator
      // settings, the compile cache and the cache folder; not the command.
      expect(code.length).toBeLessThan(12_000)
      for (const bundled of [code, command.code])
        expect(requiredModules(bundled).filter((name) => !NODE_BUILTINS.has(name))).toEqual([])
    })
  },
)
