import { describe, expect, it } from 'vitest'
import { testCsObject } from '../../test-support/cs-object'
import type { CsObject, MvLink, MvObject } from '../model/objects'
import { ObjectStore } from './object-store'

const AD = 'b891884f-051e-4a83-95af-2544101c9083'
const AAD = '3a5c6f2e-1d1c-4c47-9b7a-8f0e2b1d0c11'
const JEFF = '90000000-0000-4000-8000-000000000001'
const MARY = '90000000-0000-4000-8000-000000000002'

function link(mvObjectId: string, lineageType: string | null): MvLink {
  return {
    mvObjectId,
    lineageId: `${mvObjectId.slice(0, 30)}aaaaaa`,
    lineageType,
    lineageTime: '2024-03-01T10:00:00.000Z',
  }
}

function csObject(id: string, connectorId: string, objectType: string, mvLink: MvLink | null): CsObject {
  return testCsObject({
    id,
    connectorId,
    connectorName: connectorId === AD ? 'contoso.com' : 'AAD',
    dn: `CN=${id}`,
    objectType,
    isConnector: mvLink !== null,
    mvLink,
  })
}

const aadJeff = csObject('10000000-0000-4000-8000-000000000001', AAD, 'user', link(JEFF, 'Join'))
const adJeff = csObject('10000000-0000-4000-8000-000000000002', AD, 'user', link(JEFF, 'Projection'))
const adMary = csObject('10000000-0000-4000-8000-000000000003', AD, 'contact', link(MARY, 'Projection'))
const disconnector = csObject('10000000-0000-4000-8000-000000000004', AD, 'user', null)

function finished(
  objects: readonly CsObject[],
  resolve?: (connectorId: string | null, type: string) => string | null,
): ObjectStore {
  const store = new ObjectStore()
  objects.forEach((object) => store.addCsObject(object))
  store.finish(resolve === undefined ? {} : { mvObjectType: resolve })
  return store
}

function connectionOf(object: CsObject): MvObject['connections'][number] {
  return {
    csId: object.id,
    csDn: object.dn,
    connectorId: object.connectorId,
    connectorName: object.connectorName,
    lineageId: object.mvLink?.lineageId ?? null,
    lineageType: object.mvLink?.lineageType ?? null,
    lineageTime: object.mvLink?.lineageTime ?? null,
  }
}

describe('computed metaverse', () => {
  it('makes one metaverse object per linked metaverse id, in the order of their first connector-space object', () => {
    const store = finished([aadJeff, disconnector, adJeff, adMary])

    expect(store.metaverseSource).toBe('computed')
    expect(store.mvObjectCount()).toBe(2)
    expect([store.mvObjectAt(0).id, store.mvObjectAt(1).id]).toEqual([JEFF, MARY])
  })

  it('lists every linked object as a connection, with the link lineage, and leaves attributes to the engine', () => {
    const store = finished([aadJeff, adJeff])

    expect(store.mvObject(JEFF)).toEqual<MvObject>({
      id: JEFF,
      objectType: 'user',
      attributes: [],
      connections: [aadJeff, adJeff].map(connectionOf),
    })
    expect(store.connectedCsObjects(JEFF)).toEqual([aadJeff, adJeff])
  })

  it('takes the object type from the inbound rules, preferring the projecting object', () => {
    const resolve = (connectorId: string | null, type: string): string | null =>
      connectorId === AD && type === 'user' ? 'person' : connectorId === AAD ? 'cloudPerson' : null

    const store = finished([aadJeff, adJeff, adMary], resolve)

    expect(store.mvObject(JEFF)?.objectType).toBe('person')
    expect(store.mvObject(MARY)?.objectType).toBe('contact')
  })

  it('falls back to the first object the rules know when no object projected', () => {
    const joinedOnly = csObject('10000000-0000-4000-8000-000000000005', AD, 'group', link(MARY, 'Join'))

    const store = finished([joinedOnly], (_, type) => (type === 'group' ? 'group' : null))

    expect(store.mvObject(MARY)?.objectType).toBe('group')
  })

  it('copies the links exactly: ids that are not GUIDs, any GUID spelling, times of other forms, no lineage', () => {
    const odd: MvLink = {
      mvObjectId: 'not-a-guid',
      lineageId: '{ABCDEF01-2345-4678-9ABC-DEF012345678}',
      lineageType: null,
      lineageTime: '2024-03-01 10:00:00.1234567',
    }
    const bare: MvLink = {
      mvObjectId: 'not-a-guid',
      lineageId: null,
      lineageType: 'Projection',
      lineageTime: 'yesterday',
    }
    const first = csObject('10000000-0000-4000-8000-000000000006', AAD, 'user', odd)
    const second = csObject('{10000000-0000-4000-8000-000000000007}', AD, 'user', bare)

    const store = finished([first, second, adJeff])

    expect(store.mvObject('not-a-guid')?.connections).toEqual([first, second].map(connectionOf))
    expect(store.mvObjectAt(1).id).toBe(JEFF)
  })

  it("says 'none' when there are neither metaverse objects nor links", () => {
    const store = finished([disconnector])

    expect(store.metaverseSource).toBe('none')
    expect(store.mvObjectCount()).toBe(0)
  })

  it('uses exported metaverse objects as they are when there are any', () => {
    const store = new ObjectStore()
    store.addCsObject(adJeff)
    store.addMvObject({ id: MARY, objectType: 'person', attributes: [], connections: [] })
    store.finish()

    expect(store.metaverseSource).toBe('exported')
    expect(store.mvObject(JEFF)).toBeNull()
  })
})
