import fc from 'fast-check'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { fuzzParameters } from '../../test-support/fuzz'
import { INBOUND_RULE_XML } from '../../test-support/serverconfig-fixtures'
import type { SourceFile } from './source'
import { openZipSource } from './zip-source'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

const VALID_ZIP = zipSync({
  'Contoso/SynchronizationRules/rule.xml': encode(INBOUND_RULE_XML),
  'Contoso/Connectors/space.xml': [
    encode(`<cs-objects>${'<cs-object/>'.repeat(2000)}</cs-objects>`),
    { level: 9 },
  ],
  'Contoso/notes.txt': [encode('stored'), { level: 0 }],
})

/** Reads every byte a caller could ask for; a damaged entry must reject with a readable Error. */
async function readEverything(file: SourceFile): Promise<'read' | 'refused'> {
  try {
    await file.head(16)
    await file.readAll()
    for await (const chunk of file.chunks()) expect(chunk).toBeInstanceOf(Uint8Array)
    return 'read'
  } catch (error) {
    expect(error).toBeInstanceOf(Error)
    expect(error instanceof Error ? error.message.length : 0).toBeGreaterThan(0)
    return 'refused'
  }
}

describe('openZipSource on damaged and hostile archives', () => {
  it('opens or refuses random bytes with a structured error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1024 }), async (bytes) => {
        const result = await openZipSource('random.zip', bytes)

        if (!result.ok) expect(result.error.message).toMatch(/random\.zip/)
      }),
      fuzzParameters(1000),
    )
  })

  it('opens or refuses a valid zip with random bytes overwritten, and every entry reads or rejects', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: VALID_ZIP.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.nat({ max: VALID_ZIP.length }),
        async (patches, keep) => {
          const bytes = VALID_ZIP.slice(0, Math.max(keep, VALID_ZIP.length - 64))
          for (const [at, value] of patches) if (at < bytes.length) bytes[at] = value

          const result = await openZipSource('patched.zip', bytes)

          if (!result.ok) {
            expect(result.error.message.length).toBeGreaterThan(0)
            return
          }
          for (const file of result.source.files) await readEverything(file)
        },
      ),
      fuzzParameters(600),
    )
  })

  it.each([
    ['a parent-folder path', '../../etc/cron.d/evil'],
    ['an absolute path', '/etc/passwd'],
    ['a drive path', 'C:/Windows/evil.dll'],
    ['a backslash escape', 'snap\\..\\..\\evil.xml'],
  ])('refuses an entry with %s before reading any content', async (_label, name) => {
    const zip = zipSync({ [name]: encode('x'), 'ok.xml': encode('<a/>') })

    const result = await openZipSource('escape.zip', zip)

    expect(result).toMatchObject({ ok: false, error: { problem: 'unsafe-name' } })
  })

  it('refuses a zip bomb by its ratio before inflating it', async () => {
    const bomb = zipSync({ 'bomb.xml': [new Uint8Array(8 << 20), { level: 9 }] })

    const result = await openZipSource('bomb.zip', bomb)

    expect(result).toMatchObject({ ok: false, error: { problem: 'zip-bomb' } })
  })
})
