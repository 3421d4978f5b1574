import { describe, expect, it } from 'vitest'
import { memoryFile, type SnapshotSource } from '../io/source'
import { generateTrainingSnapshot } from '../training/index'
import { loadSnapshot } from './load-snapshot'

const AD = 'ConnectorSpaces/contoso.com.xml'
const MV = 'Metaverse/mv-objects.xml'
const training = generateTrainingSnapshot({ users: 20 })

async function withRepeats(): Promise<SnapshotSource> {
  const files = await Promise.all(
    training.files.map(async (file) => {
      if (file.path !== AD && file.path !== MV) return file
      const text = new TextDecoder().decode(await file.readAll())
      const tag = file.path === AD ? 'cs-object' : 'mv-object'
      const start = text.indexOf(`<${tag} `, text.length / 2)
      const end = text.indexOf(`</${tag}>`, start) + tag.length + 3
      const block = text.slice(start, end)
      const copies = file.path === AD ? `\n${block}\n${block}` : `\n${block}`
      return memoryFile(file.path, new TextEncoder().encode(text.slice(0, end) + copies + text.slice(end)))
    }),
  )
  return { name: training.name, files }
}

describe('objects that share an id or a DN', () => {
  it('are all kept and counted, each group warned about once with its file', async () => {
    const plain = await loadSnapshot(training)
    const loaded = await loadSnapshot(await withRepeats())
    const duplicates = loaded.issues.filter((issue) => issue.message.includes(' share '))

    expect(loaded.objects.csRowCount).toBe(plain.objects.csRowCount + 2)
    expect(loaded.objects.mvRowCount).toBe(plain.objects.mvRowCount + 1)
    expect(duplicates.map((issue) => [issue.file, issue.message.split(' share ')[0]])).toEqual([
      [AD, '3 connector-space objects of contoso.com'],
      [AD, '3 connector-space objects of contoso.com'],
      [MV, '2 metaverse objects'],
    ])
    expect(duplicates[0]?.message).toMatch(/the id \{?[0-9a-f-]{36}\}?; all 3 are loaded and counted/i)
    expect(duplicates[1]?.message).toMatch(/the DN "CN=.*"; all 3 are loaded/)
    expect(plain.issues.some((issue) => issue.message.includes(' share '))).toBe(false)
  })

  it('keeps every copy reachable by row, and lookups answer with the first', async () => {
    const loaded = await loadSnapshot(await withRepeats())
    const store = loaded.objects
    const [group] = store.duplicateGroups()
    const rows = group?.rows ?? []

    expect(rows).toHaveLength(3)
    const id = store.csObjectAt(rows[0] ?? 0).id
    expect(rows.map((row) => store.csObjectAt(row).id)).toEqual([id, id, id])
    expect(store.csRowOf(id)).toBe(rows[0])
    expect(store.csRowsByDn(store.csObjectAt(rows[0] ?? 0).dn)).toEqual(rows)
  })
})
