import fs from 'node:fs'
import zlib from 'node:zlib'
import { deflateSync } from 'fflate'
import type { SnapshotSource } from '../shared/io/source'

/** One file to put in a generated zip: bytes (deflated), or a run of zeros (stored, sparse on disk). */
export type LargeZipEntry =
  { readonly path: string; readonly bytes: Uint8Array } | { readonly path: string; readonly zeros: number }

const ZERO_BLOCK = new Uint8Array(64 * 1024 * 1024)

/**
 * Writes a zip without holding it in memory: runs of zeros are stored and left as holes in a sparse file, so a
 * zip of several GiB takes a few MB of disk and a second to write. Offsets beyond 4 GiB would need ZIP64; this
 * writer refuses them, which keeps it small.
 */
export async function writeLargeZip(target: string, entries: readonly LargeZipEntry[]): Promise<number> {
  const handle = await fs.promises.open(target, 'w')
  const central: Buffer[] = []
  let offset = 0
  try {
    for (const entry of entries) {
      const name = Buffer.from(entry.path, 'utf8')
      const stored = 'zeros' in entry
      const size = stored ? entry.zeros : entry.bytes.byteLength
      const data = stored ? null : deflateSync(entry.bytes, { level: 6 })
      const compressedSize = data === null ? size : data.byteLength
      const crc = stored ? zerosCrc(size) : zlib.crc32(entry.bytes)
      if (offset + 30 + name.byteLength + compressedSize >= 0xffffffff) {
        throw new Error('writeLargeZip writes no ZIP64: keep the archive under 4 GiB')
      }
      const header = Buffer.alloc(30)
      header.writeUInt32LE(0x04034b50, 0)
      header.writeUInt16LE(20, 4)
      header.writeUInt16LE(0x0800, 6)
      header.writeUInt16LE(stored ? 0 : 8, 8)
      header.writeUInt32LE(crc, 14)
      header.writeUInt32LE(compressedSize, 18)
      header.writeUInt32LE(size, 22)
      header.writeUInt16LE(name.byteLength, 26)
      await handle.write(Buffer.concat([header, name]), 0, 30 + name.byteLength, offset)
      const record = Buffer.alloc(46)
      record.writeUInt32LE(0x02014b50, 0)
      record.writeUInt16LE(20, 4)
      record.writeUInt16LE(20, 6)
      record.writeUInt16LE(0x0800, 8)
      record.writeUInt16LE(stored ? 0 : 8, 10)
      record.writeUInt32LE(crc, 16)
      record.writeUInt32LE(compressedSize, 20)
      record.writeUInt32LE(size, 24)
      record.writeUInt16LE(name.byteLength, 28)
      record.writeUInt32LE(offset, 42)
      central.push(Buffer.concat([record, name]))
      offset += 30 + name.byteLength
      if (data !== null) await handle.write(data, 0, data.byteLength, offset)
      // Zeros are never written: the hole reads as zeros.
      offset += compressedSize
    }
    const directory = Buffer.concat(central)
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(central.length, 8)
    end.writeUInt16LE(central.length, 10)
    end.writeUInt32LE(directory.byteLength, 12)
    end.writeUInt32LE(offset, 16)
    await handle.write(Buffer.concat([directory, end]), 0, directory.byteLength + 22, offset)
    return offset + directory.byteLength + 22
  } finally {
    await handle.close()
  }
}

function zerosCrc(size: number): number {
  let crc = 0
  for (let done = 0; done < size; done += ZERO_BLOCK.byteLength) {
    crc = zlib.crc32(ZERO_BLOCK.subarray(0, Math.min(ZERO_BLOCK.byteLength, size - done)), crc)
  }
  return crc
}

/** The files of a snapshot source as zip entries under one folder. */
export async function snapshotEntries(source: SnapshotSource, folder: string): Promise<LargeZipEntry[]> {
  const entries: LargeZipEntry[] = []
  for (const file of source.files)
    entries.push({ path: `${folder}/${file.path}`, bytes: await file.readAll() })
  return entries
}
