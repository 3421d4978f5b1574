import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CliError, type CliIo } from '../cli-io'
import { reportCommand, type ReportCommandOptions } from './report'

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

async function run(options: Partial<ReportCommandOptions>): Promise<string> {
  const io = bufferedIo()
  await reportCommand('demo', { force: false, ...options }, io)
  return io.out.join('')
}

describe('synclens report', () => {
  it.each([
    ['html', /^<!DOCTYPE html>/],
    ['csv', /^"Connector","Object type","Attribute"/],
    ['json', /^\{\n {2}"kind": "snapshot"/],
  ])('writes the whole-snapshot report as %s', async (format, start) => {
    const out = path.join(folder, `whole.${format}`)

    const printed = await run({ format, out })

    expect(fs.readFileSync(out, 'utf8')).toMatch(start)
    expect(printed).toContain(`to ${out}`)
  })

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
  })

  it.each<[Partial<ReportCommandOptions>, RegExp]>([
    [{ out: 'x.pdf', format: 'pdf' }, /--format html\|csv\|json/],
    [{ format: 'html' }, /--out FILE/],
    [{ format: 'html', out: 'never-written.html', object: 'CN=Nobody' }, /No object with DN "CN=Nobody"/],
  ])('explains a bad request %o', async (options, message) => {
    const attempt = run({
      ...options,
      out: options.out === undefined ? undefined : path.join(folder, options.out),
    })

    await expect(attempt).rejects.toThrow(CliError)
    await expect(attempt).rejects.toThrow(message)
    expect(fs.existsSync(path.join(folder, 'never-written.html'))).toBe(false)
  })
})
