import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CliError, type CliIo } from '../cli-io'
import type { ReportFormat } from '../../../shared/app/view-queries'
import { reportCommand, type ReportCommandOptions } from './report'
import { openSnapshotForCli } from '../open-snapshot'

let folder = ''

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-report-'))
})

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true })
})

function bufferedIo(): CliIo & { readonly out: string[] } {
  const out: string[] = []
  return { out, stdout: (text) => out.push(text), stderr: (text) => out.push(text) }
}

async function run(options: Partial<ReportCommandOptions>, snapshot = 'demo'): Promise<string> {
  const io = bufferedIo()
  await reportCommand(snapshot, { format: 'html', out: path.join(folder, 'unused.html'), ...options }, io)
  return io.out.join('')
}

describe('synclens report', () => {
  // Generating and loading the training snapshot takes seconds (tens on a busy machine); once per file.
  beforeAll(() => openSnapshotForCli('demo'), 180_000)

  it.each<[ReportFormat, RegExp]>([
    ['html', /^<!DOCTYPE html>/],
    ['csv', /^"Connector","Object type","Attribute"/],
    ['json', /^\{\n {2}"kind": "snapshot"/],
  ])(
    'writes the whole-snapshot report as %s',
    async (format, start) => {
      const out = path.join(folder, `whole.${format}`)

      const printed = await run({ format, out })

      expect(fs.readFileSync(out, 'utf8')).toMatch(start)
      expect(printed).toContain(`to ${out}`)
    },
    // The first walks every object's flows in the training snapshot (kept for the others): slow on a busy machine.
    180_000,
  )

  it('writes the report of one object with a diagnosis per unmapped attribute', async () => {
    const whole = JSON.parse(fs.readFileSync(path.join(folder, 'whole.json'), 'utf8')) as {
      groups: { connector: string; objectType: string; examples: { dn: string }[] }[]
    }
    const dn = whole.groups.find((group) => group.objectType === 'user' && group.connector !== 'Metaverse')
      ?.examples[0]?.dn
    const out = path.join(folder, 'object.json')

    await run({ format: 'json', out, object: dn })

    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      kind: string
      dn: string
      unmapped: unknown[]
    }
    expect(report).toMatchObject({ kind: 'object', dn })
    expect(report.unmapped.length).toBeGreaterThan(0)
  })

  it('keeps an existing file unless --force is given', async () => {
    const out = path.join(folder, 'kept.csv')
    fs.writeFileSync(out, 'precious')

    await expect(run({ format: 'csv', out })).rejects.toThrow(/already exists.*--force/)
    expect(fs.readFileSync(out, 'utf8')).toBe('precious')

    await run({ format: 'csv', out, force: true })
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^"Connector"/)
    // Each run renders the whole-snapshot report (every object's flows): slow on a busy machine.
  }, 180_000)

  it('exits 1 for an object that is not in the snapshot, writing nothing', async () => {
    const out = path.join(folder, 'never-written.html')

    const attempt = run({ out, object: 'CN=Nobody' })

    await expect(attempt).rejects.toThrow(CliError)
    await expect(attempt).rejects.toMatchObject({ exitCode: 1, message: /No object with DN "CN=Nobody"/ })
    expect(fs.existsSync(out)).toBe(false)
  })

  it('exits 4 when the file cannot be written, naming it', async () => {
    const out = path.join(folder, 'no-such-folder', 'report.html')

    await expect(run({ out })).rejects.toMatchObject({
      exitCode: 4,
      message: new RegExp(`Cannot write ${out}`),
    })
  })
})

describe('synclens report never writes into the snapshot it reads', () => {
  let snapshot = ''

  beforeAll(() => {
    snapshot = path.join(folder, 'Snapshot')
    fs.cpSync(path.resolve('e2e/fixtures/serverconfig-small'), snapshot, { recursive: true })
    fs.writeFileSync(path.join(snapshot, 'snapshot.json'), '{"synclensSnapshot": 1}')
    fs.symlinkSync(snapshot, path.join(folder, 'link-to-snapshot'))
  })

  it.each([
    ['a file in the snapshot folder', 'Snapshot/report.html', false],
    ['its manifest, even with --force', 'Snapshot/snapshot.json', true],
    ['a file in a subfolder', 'Snapshot/Connectors/report.html', false],
    ['the folder itself', 'Snapshot', true],
    ['a path through a symbolic link to the folder', 'link-to-snapshot/report.html', false],
    ['a path with .. that ends inside', 'elsewhere/../Snapshot/report.html', false],
  ])('refuses %s with a usage error before reading anything', async (_name, out, force) => {
    const manifest = fs.readFileSync(path.join(snapshot, 'snapshot.json'), 'utf8')
    const before = fs.readdirSync(snapshot, { recursive: true }).length

    const attempt = run({ out: path.join(folder, out), force }, snapshot)

    await expect(attempt).rejects.toMatchObject({
      exitCode: 2,
      message: /is inside the snapshot being read .*never writes into a snapshot/,
    })
    expect(fs.readFileSync(path.join(snapshot, 'snapshot.json'), 'utf8')).toBe(manifest)
    expect(fs.readdirSync(snapshot, { recursive: true })).toHaveLength(before)
  })

  it('refuses the export file itself when a single file is the snapshot, and allows its folder', async () => {
    const connectors = path.join(snapshot, 'Connectors')
    const file = path.join(connectors, fs.readdirSync(connectors)[0] ?? '')
    const beside = path.join(folder, 'beside.csv')

    await expect(run({ out: file, force: true }, file)).rejects.toMatchObject({ exitCode: 2 })
    await expect(run({ out: beside, format: 'csv' }, file)).resolves.toContain(`to ${beside}`)
  })

  it('writes beside the snapshot, also into a folder whose name starts like it', async () => {
    const out = path.join(folder, 'Snapshot-reports', 'report.json')
    fs.mkdirSync(path.dirname(out))

    await run({ out, format: 'json' }, snapshot)

    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ kind: 'snapshot' })
  })
})
