import type { ByteInput } from '../../io/source'
import type { CsObject } from '../../model/objects'
import { testCsObject } from '../../../test-support/cs-object'
import { ObjectStore } from '../object-store'

/** The description of `longTextObject(index)`: 4,000 characters. */
export function longDescription(index: number): string {
  return `${index} `.padEnd(4_000, 'lorem ipsum ')
}

/** Connector-space user number `index` of contoso.com, with these single-valued text attributes (name, value). */
export function testUser(index: number, attributes: readonly (readonly [string, string])[]): CsObject {
  const dn = `CN=User ${index},OU=Users,DC=contoso,DC=com`
  return testCsObject({
    id: `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
    dn,
    connectorId: '2006a2fa-a395-4c86-a86f-58837ab17e2e',
    connectorName: 'contoso.com',
    synchronized: {
      dn,
      primaryObjectClass: 'user',
      objectClasses: ['top', 'user'],
      anchor: null,
      attributes: attributes.map(([name, value]) => ({
        name,
        type: 'String',
        multiValued: false,
        values: [value],
      })),
    },
  })
}

/**
 * A connector-space user with a 4,000-character description: 400 of them fill one text run of 1.6 MB, which a store
 * read back from a file with `deferLarge` leaves in the file.
 */
export function longTextObject(index: number): CsObject {
  return testUser(index, [['description', longDescription(index)]])
}

/** A finished store of `count` long-text objects. */
export function longTextStore(count = 400): ObjectStore {
  const store = new ObjectStore()
  for (let index = 0; index < count; index += 1) store.addCsObject(longTextObject(index))
  store.finish()
  return store
}

/** Bytes read as a file is (the reader cannot see them whole), with whether the file was closed. */
export function fileInput(bytes: Uint8Array): ByteInput & { readonly state: { closed: boolean } } {
  const state = { closed: false }
  return {
    state,
    byteLength: bytes.byteLength,
    read: (target, position) => {
      if (state.closed) throw new Error('the file is closed')
      if (position + target.byteLength > bytes.byteLength) throw new Error('the file ends sooner')
      target.set(bytes.subarray(position, position + target.byteLength))
    },
    close: () => {
      state.closed = true
    },
  }
}
