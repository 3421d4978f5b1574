import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { TRAINING_SNAPSHOT_NAME } from '../../shared/training/index'
import { describeBrowserFiles, TRAINING_DESCRIPTOR } from './browser-source'
import { blobSourceFile, resolveBrowserFiles } from './worker-source'
import { withRelativePath } from './dropped-files'

function picked(path: string, text = '<x/>'): File {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return withRelativePath(new File([text], name), path)
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<number[]> {
  const sizes: number[] = []
  for await (const chunk of chunks) sizes.push(chunk.byteLength)
  return sizes
}

describe('describeBrowserFiles', () => {
  it('names a picked folder after itself and strips it from the paths', () => {
    const files = [
      picked('Contoso-2016/Connectors/Connector_{a}.xml'),
      picked('Contoso-2016/GlobalSettings/MV.xml'),
    ]

    const descriptor = describeBrowserFiles(files)

    expect(descriptor.name).toBe('Contoso-2016')
    expect(descriptor.files.map((ref) => ref.path)).toEqual([
      'Connectors/Connector_{a}.xml',
      'GlobalSettings/MV.xml',
    ])
    expect(descriptor.files[0]?.file).toBe(files[0])
  })

  it('names a single file after itself', () => {
    const descriptor = describeBrowserFiles([new File(['<x/>'], 'rule.xml')])

    expect(descriptor).toMatchObject({ name: 'rule.xml', files: [{ path: 'rule.xml' }] })
  })

  it('counts loose files when several were picked', () => {
    const descriptor = describeBrowserFiles([new File(['a'], 'a.xml'), new File(['b'], 'b.xml')])

    expect(descriptor.name).toBe('2 files')
    expect(descriptor.files.map((ref) => ref.path)).toEqual(['a.xml', 'b.xml'])
  })

  it('keeps full paths when dropped folders do not share a root', () => {
    const descriptor = describeBrowserFiles([picked('one/a.xml'), picked('two/b.xml')])

    expect(descriptor.name).toBe('2 files')
    expect(descriptor.files.map((ref) => ref.path)).toEqual(['one/a.xml', 'two/b.xml'])
  })

  it('normalises backslashes and leading slashes in relative paths', () => {
    const descriptor = describeBrowserFiles([picked('\\Export\\Connectors\\c.xml'), picked('/Export/MV.xml')])

    expect(descriptor.name).toBe('Export')
    expect(descriptor.files.map((ref) => ref.path)).toEqual(['Connectors/c.xml', 'MV.xml'])
  })
})

describe('blobSourceFile', () => {
  const text = 'abcdefghij'

  it('reads the whole blob, its head, and its size', async () => {
    const file = blobSourceFile('a/b.xml', new Blob([text]))

    expect(file.path).toBe('a/b.xml')
    expect(file.size).toBe(10)
    expect(new TextDecoder().decode(await file.readAll())).toBe(text)
    expect(new TextDecoder().decode(await file.head(4))).toBe('abcd')
    expect((await file.head(100)).byteLength).toBe(10)
  })

  it('streams in chunks of the given size, the last one shorter', async () => {
    const file = blobSourceFile('b.xml', new Blob([text]), 4)

    expect(await collect(file.chunks())).toEqual([4, 4, 2])
  })

  it('reads a small file once when its head covers it all, then reads afresh', async () => {
    class CountingBlob extends Blob {
      public reads = 0
      public override arrayBuffer(): Promise<ArrayBuffer> {
        this.reads += 1
        return super.arrayBuffer()
      }
    }
    const counting = new CountingBlob([text])
    const file = blobSourceFile('small.xml', counting)

    const head = await file.head(64 * 1024)
    const all = await file.readAll()
    const again = await file.readAll()

    expect(all).toBe(head)
    expect(new TextDecoder().decode(again)).toBe(text)
    expect(counting.reads).toBe(2)
  })

  it('streams nothing for an empty file', async () => {
    const file = blobSourceFile('empty.xml', new Blob([]))

    expect(await collect(file.chunks())).toEqual([])
  })
})

describe('resolveBrowserFiles', () => {
  it('turns a descriptor into a snapshot source with the same name and paths', async () => {
    const source = await resolveBrowserFiles({
      name: 'Export',
      files: [{ path: 'GlobalSettings/MV.xml', file: new Blob(['<mv-data/>']) }],
    })

    expect(source.name).toBe('Export')
    expect(source.files.map((file) => [file.path, file.size])).toEqual([['GlobalSettings/MV.xml', 10]])
  })

  it('generates the training snapshot for the training descriptor', { timeout: 60_000 }, async () => {
    const source = await resolveBrowserFiles(TRAINING_DESCRIPTOR)

    expect(source.name).toBe(TRAINING_SNAPSHOT_NAME)
    expect(source.files.map((file) => file.path)).toContain('GlobalSettings/MV.xml')
  })
})

describe('resolveBrowserFiles with a zip', () => {
  it('opens a single zip as the snapshot inside it, whatever the file is called', async () => {
    const zip = zipSync({
      'Export/GlobalSettings/MV.xml': strToU8('<saved-mv-configuration/>'),
      'Export/Connectors/Connector_{a}.xml': strToU8('<ma-data/>'),
    })

    const source = await resolveBrowserFiles({
      name: 'export.bin',
      files: [{ path: 'export.bin', file: new Blob([zip]) }],
    })

    expect(source.name).toBe('export.bin')
    expect(source.files.map((file) => file.path).sort()).toEqual([
      'Connectors/Connector_{a}.xml',
      'GlobalSettings/MV.xml',
    ])
    const mv = source.files.find((file) => file.path === 'GlobalSettings/MV.xml')
    expect(new TextDecoder().decode(await mv?.readAll())).toBe('<saved-mv-configuration/>')
  })

  it('rejects with the reason when the zip is damaged', async () => {
    const zip = zipSync({ 'MV.xml': strToU8('<mv-data/>') })

    const resolving = resolveBrowserFiles({
      name: 'broken.zip',
      files: [{ path: 'broken.zip', file: new Blob([zip.subarray(0, 30)]) }],
    })

    await expect(resolving).rejects.toThrow(/broken\.zip/)
  })

  it('reads a zip among other files as an ordinary file', async () => {
    const zip = zipSync({ 'MV.xml': strToU8('<mv-data/>') })

    const source = await resolveBrowserFiles({
      name: 'Export',
      files: [
        { path: 'inner.zip', file: new Blob([zip]) },
        { path: 'MV.xml', file: new Blob(['<mv-data/>']) },
      ],
    })

    expect(source.files.map((file) => file.path)).toEqual(['inner.zip', 'MV.xml'])
  })
})
