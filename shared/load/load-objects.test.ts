import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { textSource, utf16le } from '../../test-support/fs-source'
import { AAD_CONNECTOR_XML, AD_CONNECTOR_XML } from '../../test-support/serverconfig-fixtures'
import { loadSnapshot } from './load-snapshot'
import { summarize } from './summarize'

const AD_ID = 'aaaa0000-1111-4222-8333-444455556666'
const AAD_ID = 'b891884f-051e-4a83-95af-2544101c9083'

/** A csexport file as csexport.exe writes it: no declaration, no connector name inside. */
function csexport(
  objects: readonly { dn: string; id: string; type: string; mv?: string; attrs?: string }[],
): string {
  const body = objects
    .map(
      (o) =>
        `<cs-object cs-dn="${o.dn}" id="{${o.id}}" object-type="${o.type}"><connector>${o.mv ? 1 : 0}</connector>` +
        (o.mv ? `<mv-link lineage-type="sync-rule">{${o.mv}}</mv-link>` : '') +
        `<synchronized-hologram><entry dn="${o.dn}"><primary-objectclass>${o.type}</primary-objectclass>${o.attrs ?? ''}</entry></synchronized-hologram></cs-object>`,
    )
    .join('\n')
  return `<cs-objects>\n${body}\n</cs-objects>\n`
}

const guid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const department = (value: string): string =>
  `<attr name="department" type="string" multivalued="false"><value>${value}</value></attr>`

const AD_SPACE = csexport([
  {
    dn: 'CN=Ana Lopez,OU=Staff,DC=corp,DC=example,DC=com',
    id: guid(1),
    type: 'user',
    mv: guid(101),
    attrs: department('Sales'),
  },
  { dn: 'CN=Bo Chen,OU=Staff,DC=corp,DC=example,DC=com', id: guid(2), type: 'user', mv: guid(102) },
  { dn: 'CN=Staff,OU=Groups,DC=corp,DC=example,DC=com', id: guid(3), type: 'group', mv: guid(103) },
  { dn: 'CN=Printer,OU=Staff,DC=corp,DC=example,DC=com', id: guid(4), type: 'contact' },
])
const AAD_SPACE = csexport([{ dn: 'CN={4A6F65}', id: guid(11), type: 'user', mv: guid(101) }])

describe('loadSnapshot with connector spaces and metaverse objects', () => {
  it('shows a lone csexport under a connector named from the file, with no configuration', async () => {
    const snapshot = await loadSnapshot(textSource('contoso.com.xml', { 'contoso.com.xml': AD_SPACE }))

    const summary = summarize(snapshot)

    expect(summary.connectors.map((c) => [c.name, c.type, c.csObjects, c.byObjectType])).toEqual([
      ['contoso.com', 'AD', 4, { contact: 1, group: 1, user: 2 }],
    ])
    expect(summary.unassignedCsObjects).toBe(0)
    expect(summary.rules.total).toBe(0)
    expect(snapshot.issues).toEqual([])
  })

  it('names a lone connector space by its ma-name, and an Entra ID one by the fixed connector id', async () => {
    const named = AD_SPACE.replace('<cs-objects>', '<cs-objects><ma-name>corp &amp; co</ma-name>')
    const snapshot = await loadSnapshot(
      textSource('Objects', { 'cs/export-1.xml': named, 'cs/export-2.xml': AAD_SPACE }),
    )

    const summary = summarize(snapshot)

    expect(summary.connectors.map((c) => [c.name, c.type])).toEqual([
      ['corp & co', 'AD'],
      ['export-2', 'AAD'],
    ])
    expect(summary.connectors[1]?.id).toBe(AAD_ID)
    const again = summarize(await loadSnapshot(textSource('Objects', { 'cs/export-1.xml': named })))
    expect(again.connectors[0]?.id).toBe(summary.connectors[0]?.id)
  })

  it('matches each connector space to its connector by DN and counts objects per type', async () => {
    const snapshot = await loadSnapshot(
      textSource('Objects', {
        'Connectors/ad.xml': AD_CONNECTOR_XML,
        'Connectors/aad.xml': AAD_CONNECTOR_XML,
        'cs/one.xml': AD_SPACE,
        'cs/two.xml': utf16le(AAD_SPACE.replace(/\n/g, '\r\n')),
      }),
    )

    const summary = summarize(snapshot)

    expect(snapshot.issues).toEqual([])
    expect(summary.connectors.map((c) => [c.name, c.csObjects, c.byObjectType])).toEqual([
      ['corp.example.com', 4, { contact: 1, group: 1, user: 2 }],
      ['example.onmicrosoft.com - AAD', 1, { user: 1 }],
    ])
    expect(summary.metaverse).toEqual({ objects: 3, byObjectType: { group: 1, user: 2 }, source: 'computed' })
    expect(snapshot.objects.csObjectByDn(AD_ID, 'cn=ana lopez,ou=staff,dc=corp,dc=example,dc=com')?.id).toBe(
      guid(1),
    )
    expect(
      snapshot.objects
        .connectedCsObjects(guid(101))
        .map((o) => o.connectorId)
        .sort(),
    ).toEqual([AD_ID, AAD_ID])
  })

  it('uses the inbound rules to type the computed metaverse', async () => {
    const rule = `<synchronizationRule><id>{${guid(900)}}</id><name>In from AD - User Join</name><direction>Inbound</direction>
      <connector>{${AD_ID}}</connector><sourceObjectType>user</sourceObjectType><targetObjectType>person</targetObjectType>
      <linkType>Provision</linkType><precedence>100</precedence></synchronizationRule>`

    const snapshot = await loadSnapshot(
      textSource('Typed', { 'c.xml': AD_CONNECTOR_XML, 'r.xml': rule, 'cs.xml': AD_SPACE }),
    )

    expect(summarize(snapshot).metaverse.byObjectType).toEqual({ group: 1, person: 2 })
  })

  it('reads an exported metaverse and marks it as exported', async () => {
    const mv = fs.readFileSync(new URL('../formats/mv-objects/fixtures/mv-objects.xml', import.meta.url))

    const snapshot = await loadSnapshot(textSource('Mv', { 'Metaverse/mv.xml': mv }))

    expect(summarize(snapshot).metaverse).toMatchObject({ objects: 2, source: 'exported' })
  })

  it('prefers the manifest when it names the connector of a file', async () => {
    const manifest = JSON.stringify({
      synclensSnapshot: 1,
      server: 'SYNC01',
      connectorSpaces: [
        { connectorId: AAD_ID, connectorName: 'example.onmicrosoft.com - AAD', file: 'cs/odd.xml' },
      ],
      metaverse: [],
    })

    const snapshot = await loadSnapshot(
      textSource('Manifest', {
        'snapshot.json': manifest,
        'Connectors/ad.xml': AD_CONNECTOR_XML,
        'Connectors/aad.xml': AAD_CONNECTOR_XML,
        'cs/odd.xml': csexport([{ dn: 'CN=X,DC=corp,DC=example,DC=com', id: guid(50), type: 'user' }]),
      }),
    )

    expect(summarize(snapshot).connectors.find((c) => c.id === AAD_ID)?.csObjects).toBe(1)
  })

  it('warns when a connector space matches no connector, and still loads it', async () => {
    const snapshot = await loadSnapshot(
      textSource('Unmatched', {
        'Connectors/ad.xml': AD_CONNECTOR_XML,
        'cs/ldap.xml': csexport([{ dn: 'uid=x,o=elsewhere', id: guid(60), type: 'person' }]),
      }),
    )

    expect(snapshot.issues[0]?.message).toContain('could not tell which connector')
    expect(summarize(snapshot).unassignedCsObjects).toBe(1)
  })

  it('keeps the objects before a truncation and flags the file as partial', async () => {
    const truncated = AD_SPACE.slice(0, AD_SPACE.indexOf('CN=Staff,OU=Groups') + 40)

    const snapshot = await loadSnapshot(textSource('Cut', { 'c.xml': AD_CONNECTOR_XML, 'cs.xml': truncated }))

    expect(summarize(snapshot).connectors[0]?.csObjects).toBe(2)
    const messages = snapshot.issues.map(
      (issue) => `${issue.severity} ${issue.file}:${issue.line}: ${issue.message}`,
    )
    expect(messages.some((m) => m.startsWith('error cs.xml:'))).toBe(true)
    expect(messages.some((m) => m.includes('Only the first 2 object(s)'))).toBe(true)
  })

  it('stops a connector space mid-file when cancelled', async () => {
    const big = csexport(
      Array.from({ length: 3000 }, (_, i) => ({
        dn: `CN=U${i},DC=corp,DC=example,DC=com`,
        id: guid(i + 1),
        type: 'user',
      })),
    )
    const signal = { aborted: false }
    const source = textSource('Big', { 'c.xml': AD_CONNECTOR_XML, 'cs.xml': big })
    const file = source.files[1]
    if (!file) throw new Error('fixture')
    const chunked = {
      ...source,
      files: [source.files[0], { ...file, chunks: () => smallChunks(file, 4096, signal) }],
    }

    await expect(loadSnapshot(chunked as typeof source, () => undefined, signal)).rejects.toThrow('cancelled')
  })
})

async function* smallChunks(
  file: { readAll(): Promise<Uint8Array> },
  size: number,
  signal: { aborted: boolean },
): AsyncIterable<Uint8Array> {
  const bytes = await file.readAll()
  for (let offset = 0; offset < bytes.length; offset += size) {
    if (offset > size * 3) signal.aborted = true
    yield bytes.subarray(offset, offset + size)
  }
}
