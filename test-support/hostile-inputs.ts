import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'

/**
 * The large inputs of the hostile-input audit (issue 19), generated at test time instead of kept in the corpus:
 * each writes one file into `folder` and returns its path. Small inputs of the same classes live in
 * test-support/corpus.
 */
export interface GeneratedInput {
  /** Names the input in test titles and in docs/SECURITY.md. */
  readonly name: string
  /** Writes the input; returns its path. */
  readonly write: (folder: string) => string
}

const FIXTURE_RULE = fs.readFileSync(
  path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    'shared',
    'formats',
    'ps1',
    'fixtures',
    'inbound-contractor.ps1',
  ),
  'utf8',
)

function writeText(folder: string, name: string, parts: Iterable<string>): string {
  const file = path.join(folder, name)
  const descriptor = fs.openSync(file, 'w')
  try {
    for (const part of parts) fs.writeSync(descriptor, part)
  } finally {
    fs.closeSync(descriptor)
  }
  return file
}

function* repeat(count: number, line: (index: number) => string): Generator<string> {
  const batch: string[] = []
  for (let index = 0; index < count; index++) {
    batch.push(line(index))
    if (batch.length === 10_000) yield batch.splice(0).join('')
  }
  yield batch.join('')
}

/**
 * The overlapping zip bomb: 95 central-directory entries that all point at one deflate stream of about 520 KB
 * (ratio about 161 each, under the per-file cap of 200); inflating every entry would produce 7.4 GiB.
 */
export function overlappingZipBomb(copies = 95, inflated = 84 * 1024 * 1024): Uint8Array {
  // Spaces with a pseudo-random letter every 480 bytes deflate about 160 to 1: a plausible ratio, under the cap.
  const plain = new Uint8Array(inflated).fill(0x20)
  let seed = 12345
  for (let index = 0; index < inflated; index += 480) {
    seed = (seed * 1103515245 + 12345) >>> 0
    plain[index] = 0x41 + ((seed >>> 24) % 26)
  }
  const data = zlib.deflateRawSync(plain, { level: 6 })
  const name = new TextEncoder().encode('Contoso/cs-0.xml')
  const local = new DataView(new ArrayBuffer(30))
  local.setUint32(0, 0x04034b50, true)
  local.setUint16(4, 20, true)
  local.setUint16(8, 8, true)
  local.setUint32(18, data.byteLength, true)
  local.setUint32(22, inflated, true)
  local.setUint16(26, name.byteLength, true)
  const records: Uint8Array[] = []
  for (let copy = 0; copy < copies; copy++) {
    const entryName = new TextEncoder().encode(`Contoso/cs-${copy}.xml`)
    const record = new DataView(new ArrayBuffer(46 + entryName.byteLength))
    record.setUint32(0, 0x02014b50, true)
    record.setUint16(4, 20, true)
    record.setUint16(6, 20, true)
    record.setUint16(10, 8, true)
    record.setUint32(20, data.byteLength, true)
    record.setUint32(24, inflated, true)
    record.setUint16(28, entryName.byteLength, true)
    record.setUint32(42, 0, true)
    new Uint8Array(record.buffer).set(entryName, 46)
    records.push(new Uint8Array(record.buffer))
  }
  const directoryOffset = 30 + name.byteLength + data.byteLength
  const directorySize = records.reduce((sum, record) => sum + record.byteLength, 0)
  const out = new Uint8Array(directoryOffset + directorySize + 22)
  out.set(new Uint8Array(local.buffer), 0)
  out.set(name, 30)
  out.set(data, 30 + name.byteLength)
  let at = directoryOffset
  for (const record of records) {
    out.set(record, at)
    at += record.byteLength
  }
  const end = new DataView(out.buffer, at, 22)
  end.setUint32(0, 0x06054b50, true)
  end.setUint16(8, copies, true)
  end.setUint16(10, copies, true)
  end.setUint32(12, directorySize, true)
  end.setUint32(16, directoryOffset, true)
  return out
}

/** The large hostile inputs, each with the class it stands for. */
export const GENERATED_INPUTS: readonly GeneratedInput[] = [
  {
    name: 'overlapping zip bomb (95 entries on one 520 KB stream)',
    write: (folder) => {
      const file = path.join(folder, 'overlap-bomb.zip')
      fs.writeFileSync(file, overlappingZipBomb())
      return file
    },
  },
  {
    name: 'rule script of 3,000,000 statements (56 MB)',
    write: (folder) =>
      writeText(folder, 'three-million.ps1', [
        FIXTURE_RULE,
        ...repeat(3_000_000, (index) => `$value${index % 100} = 'x'\n`),
      ]),
  },
  {
    name: 'rule script with a 10 MB bareword',
    write: (folder) =>
      writeText(folder, 'bareword.ps1', [`New-ADSyncRule -Name ${'w'.repeat(10 * 1024 * 1024)}\n`]),
  },
  {
    name: 'rule with a 150 MB expression',
    write: (folder) =>
      writeText(folder, 'expression.ps1', [
        FIXTURE_RULE.replace(
          "-Expression 'IIF(",
          '-Expression \'"' + 'x'.repeat(150 * 1024 * 1024) + '" & IIF(',
        ),
      ]),
  },
  {
    name: 'rule script yielding 200,000 load issues',
    write: (folder) =>
      writeText(folder, 'issues.ps1', [
        "New-ADSyncRule -Name 'x' -Direction 'Inbound'\n",
        ...repeat(200_000, () => 'Add-ADSyncRule -SynchronizationRule $none\n'),
      ]),
  },
  {
    name: 'manifest with a 50 MB exportedAt',
    write: (folder) =>
      writeText(folder, 'snapshot.json', [
        `{ "synclensSnapshot": 1, "exportedAt": "${'9'.repeat(50 * 1024 * 1024)}" }`,
      ]),
  },
  {
    name: 'connector space whose one object has 200,000 values',
    write: (folder) =>
      writeText(folder, 'many-values.xml', [
        '<cs-objects><cs-object cs-dn="CN=G,DC=x" id="{00000000-0000-4000-8000-000000000001}" object-type="group">',
        '<synchronized-hologram><entry dn="CN=G,DC=x"><attr name="member" type="reference" multivalued="true">',
        ...repeat(200_000, (index) => `<dn-value><dn>CN=U${index},DC=x</dn></dn-value>`),
        '</attr></entry></synchronized-hologram></cs-object></cs-objects>',
      ]),
  },
]
