import { describe, expect, it } from 'vitest'
import { filesFromEntries, withRelativePath, type DroppedEntry } from './dropped-files'

/** An in-memory folder tree shaped like the browser's FileSystemEntry objects. */
function fileEntry(fullPath: string, text = ''): DroppedEntry {
  const name = fullPath.slice(fullPath.lastIndexOf('/') + 1)
  return {
    name,
    fullPath,
    isFile: true,
    isDirectory: false,
    file: (success: (file: File) => void) => success(new File([text], name)),
  } as DroppedEntry
}

function directoryEntry(fullPath: string, children: readonly DroppedEntry[], batchSize = 2): DroppedEntry {
  return {
    name: fullPath.slice(fullPath.lastIndexOf('/') + 1),
    fullPath,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let offset = 0
      return {
        readEntries: (success: (entries: DroppedEntry[]) => void) => {
          const batch = children.slice(offset, offset + batchSize)
          offset += batch.length
          success([...batch])
        },
      }
    },
  } as DroppedEntry
}

describe('filesFromEntries', () => {
  it('walks dropped folders recursively, reading every batch, with paths relative to the drop', async () => {
    const tree = directoryEntry('/Export', [
      directoryEntry('/Export/Connectors', [
        fileEntry('/Export/Connectors/a.xml'),
        fileEntry('/Export/Connectors/b.xml'),
      ]),
      directoryEntry('/Export/SynchronizationRules', [
        fileEntry('/Export/SynchronizationRules/r1.xml'),
        fileEntry('/Export/SynchronizationRules/r2.xml'),
        fileEntry('/Export/SynchronizationRules/r3.xml'),
      ]),
      fileEntry('/Export/readme.txt'),
    ])

    const files = await filesFromEntries([tree])

    expect(files.map((file) => file.webkitRelativePath)).toEqual([
      'Export/Connectors/a.xml',
      'Export/Connectors/b.xml',
      'Export/SynchronizationRules/r1.xml',
      'Export/SynchronizationRules/r2.xml',
      'Export/SynchronizationRules/r3.xml',
      'Export/readme.txt',
    ])
    expect(files.map((file) => file.name)).toContain('r3.xml')
  })

  it('takes dropped files as they are, next to folders', async () => {
    const files = await filesFromEntries([fileEntry('/export.zip', 'PK'), directoryEntry('/Empty', [])])

    expect(files.map((file) => [file.webkitRelativePath, file.size])).toEqual([['export.zip', 2]])
  })

  it('rejects when the browser cannot read a dropped file', async () => {
    const broken = {
      name: 'locked.xml',
      fullPath: '/locked.xml',
      isFile: true,
      isDirectory: false,
      file: (_success: (file: File) => void, failure?: (error: Error) => void) =>
        failure?.(new Error('NotReadable')),
    } as DroppedEntry

    await expect(filesFromEntries([broken])).rejects.toThrow('NotReadable')
  })
})

describe('withRelativePath', () => {
  it('gives one File a relative path without touching others', () => {
    const file = withRelativePath(new File(['x'], 'a.xml'), 'Export/a.xml')
    const other = new File(['y'], 'b.xml')

    expect(file.webkitRelativePath).toBe('Export/a.xml')
    expect(other.webkitRelativePath ?? '').toBe('')
  })
})
