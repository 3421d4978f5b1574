import fc from 'fast-check'

/**
 * Run settings of the fuzz tests: a fixed seed so a failure replays, and a wall-clock cap that
 * stops generating (never fails) so a slow machine still finishes in bounded time.
 */
export function fuzzParameters<T>(numRuns: number): fc.Parameters<T> {
  return { numRuns, seed: 0x5ec0de, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: false }
}

/** Snippets that break documents in the ways real files and attackers do. */
const HOSTILE_SNIPPETS: readonly string[] = [
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '<!ENTITY e SYSTEM "file:///etc/passwd">',
  '&e;',
  '&#0;',
  '&#xFFFE;',
  '&amp',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?pi ',
  '\u0000',
  '\ud800',
  '\uffff',
  '</',
  '<',
  '>',
  '"',
  "'",
  '=',
  'name="__proto__"',
  'name="constructor"',
  '\r\n',
  '\ufeff',
]

/** Mutates a valid text: cuts, duplicates, deletes or inserts hostile snippets at random places. */
export function mutatedText(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const edit = fc.tuple(
    fc.constantFrom<'cut' | 'insert' | 'delete' | 'duplicate'>('cut', 'insert', 'delete', 'duplicate'),
    fc.nat(),
    fc.nat({ max: 64 }),
    fc.constantFrom(...HOSTILE_SNIPPETS),
  )
  return fc.tuple(valid, fc.array(edit, { minLength: 1, maxLength: 6 })).map(([text, edits]) => {
    let result = text
    for (const [kind, at, length, snippet] of edits) {
      const position = result.length === 0 ? 0 : at % (result.length + 1)
      switch (kind) {
        case 'cut':
          result = result.slice(0, position)
          break
        case 'insert':
          result = result.slice(0, position) + snippet + result.slice(position)
          break
        case 'delete':
          result = result.slice(0, position) + result.slice(position + length)
          break
        case 'duplicate':
          result =
            result.slice(0, position) +
            result.slice(position, position + length).repeat(3) +
            result.slice(position)
          break
      }
    }
    return result
  })
}

/** Random bytes, sometimes starting with a byte-order mark or an XML declaration in another encoding. */
export const hostileBytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.constantFrom(
      [],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0xfe, 0xff],
      [0x00, 0x00, 0xfe, 0xff],
      [...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?>')],
      [...new TextEncoder().encode('<?xml version="1.0" encoding="UTF-16"?><cs-objects>')],
    ),
    fc.uint8Array({ maxLength: 2048 }),
  )
  .map(([prefix, body]) => {
    const bytes = new Uint8Array(prefix.length + body.length)
    bytes.set(prefix)
    bytes.set(body, prefix.length)
    return bytes
  })

/** Pushes `bytes` to a reader in chunks cut at the given points. */
export function pushInChunks(
  bytes: Uint8Array,
  cuts: readonly number[],
  push: (chunk: Uint8Array) => void,
): void {
  let start = 0
  for (const raw of [...cuts].sort((a, b) => a - b)) {
    const cut = Math.min(bytes.length, raw)
    if (cut > start) push(bytes.subarray(start, cut))
    start = Math.max(start, cut)
  }
  if (start < bytes.length) push(bytes.subarray(start))
}
