import { describe, expect, it } from 'vitest'
import { snapshotPaths } from './picked-paths'

describe('snapshotPaths', () => {
  it('opens a dropped folder, zip or file as it is', () => {
    expect(snapshotPaths([{ absolutePath: '/home/ann/Contoso-2016', relativePath: '' }])).toEqual([
      '/home/ann/Contoso-2016',
    ])
  })

  it('collapses the files of a picked folder into the folder', () => {
    const picked = [
      {
        absolutePath: '/home/ann/Contoso-2016/GlobalSettings/MV.xml',
        relativePath: 'Contoso-2016/GlobalSettings/MV.xml',
      },
      {
        absolutePath: '/home/ann/Contoso-2016/Connectors/Connector_{b8}.xml',
        relativePath: 'Contoso-2016/Connectors/Connector_{b8}.xml',
      },
    ]

    expect(snapshotPaths(picked)).toEqual(['/home/ann/Contoso-2016'])
  })

  it('understands Windows paths', () => {
    const picked = [
      {
        absolutePath: 'C:\\Temp\\Snap\\SynchronizationRules\\r.xml',
        relativePath: 'Snap/SynchronizationRules/r.xml',
      },
    ]

    expect(snapshotPaths(picked)).toEqual(['C:\\Temp\\Snap'])
  })

  it('keeps several loose files, once each', () => {
    const picked = [
      { absolutePath: '/x/a.xml', relativePath: '' },
      { absolutePath: '/x/b.xml', relativePath: '' },
      { absolutePath: '/x/a.xml', relativePath: '' },
    ]

    expect(snapshotPaths(picked)).toEqual(['/x/a.xml', '/x/b.xml'])
  })

  it('ignores files that have no place on disk', () => {
    expect(snapshotPaths([{ absolutePath: '', relativePath: 'Snap/a.xml' }])).toEqual([])
  })
})
