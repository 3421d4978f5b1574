import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTOSO_SERVERCONFIG, SAMPLES_SKIP_REASON, samplesAvailable } from '../../test-support/samples'
import { AAD_CONNECTOR_ID } from '../model/connector'
import { parseManifest } from '../formats/manifest/manifest'
import { loadSnapshot } from '../load/load-snapshot'
import type { SnapshotSource } from '../io/source'
import { descendants, parseXmlTree } from '../xml/element-tree'
import { AAD_SELECTED_ATTRIBUTES, AAD_ATTRIBUTE_BY_NAME } from './schema/aad-schema'
import { AD_ATTRIBUTE_BY_NAME, AD_SELECTED_ATTRIBUTES } from './schema/ad-schema'
import { valueKind } from './schema/attribute-definition'
import { MV_ATTRIBUTE_BY_NAME } from './schema/mv-schema'
import { entryAttributes, fileText, fileTree, referenceValues } from './testing/generated-files'
import {
  AAD_CONNECTOR_SPACE_PATH,
  AD_CONNECTOR_SPACE_PATH,
  generateTrainingFiles,
  generateTrainingSnapshot,
  METAVERSE_OBJECTS_PATH,
  TRAINING_MANIFEST_PATH,
} from './training-snapshot'
import { TRAINING_SNAPSHOT_NAME } from './environment'

const CONFIGURATION = /^(GlobalSettings|Connectors|SynchronizationRules)\//

function only(source: SnapshotSource, keep: (path: string) => boolean): SnapshotSource {
  return { name: source.name, files: source.files.filter((file) => keep(file.path)) }
}

async function bytesByPath(source: SnapshotSource): Promise<Map<string, Uint8Array>> {
  return new Map(
    await Promise.all(source.files.map(async (file) => [file.path, await file.readAll()] as const)),
  )
}

describe('generateTrainingSnapshot', () => {
  const snapshot = generateTrainingSnapshot()
  const small = generateTrainingSnapshot({ users: 300, seed: 11 })

  it('holds the server configuration, both connector spaces, the metaverse and the manifest', () => {
    const paths = snapshot.files.map((file) => file.path)

    expect(snapshot.name).toBe(TRAINING_SNAPSHOT_NAME)
    expect(paths.filter((file) => file.startsWith('SynchronizationRules/'))).toHaveLength(26)
    expect(paths.filter((file) => file.startsWith('Connectors/'))).toEqual([
      expect.stringMatching(/^Connectors\/Connector_\{[0-9a-f-]{36}\}\.xml$/),
      `Connectors/Connector_{${AAD_CONNECTOR_ID}}.xml`,
    ])
    expect(paths).toEqual(
      expect.arrayContaining([
        'GlobalSettings/MV.xml',
        AD_CONNECTOR_SPACE_PATH,
        AAD_CONNECTOR_SPACE_PATH,
        METAVERSE_OBJECTS_PATH,
        TRAINING_MANIFEST_PATH,
      ]),
    )
  })

  // Parses the default-size snapshot (about 50 MB of XML): allowed more time on a busy machine.
  it('writes only well-formed XML', { timeout: 120_000 }, async () => {
    const xmlFiles = snapshot.files.filter((file) => file.path.endsWith('.xml'))

    for (const file of xmlFiles) {
      const parsed = parseXmlTree(await fileText(snapshot, file.path))
      expect(parsed.ok ? '' : `${file.path}: ${parsed.error.message}`).toBe('')
    }
    expect(xmlFiles).toHaveLength(32)
  })

  it('loads its server configuration through loadSnapshot without a single issue', async () => {
    const loaded = await loadSnapshot(only(snapshot, (file) => CONFIGURATION.test(file)))

    const { rules, connectors, metaverse } = loaded.configuration
    expect(loaded.issues).toEqual([])
    expect(rules).toHaveLength(26)
    expect(rules.filter((rule) => rule.immutableTag === '')).toHaveLength(5)
    expect(rules.filter((rule) => rule.disabled).map((rule) => rule.name)).toEqual([
      'In from AD - User Common',
    ])
    expect(
      rules.filter((rule) => rule.flows.some((flow) => flow.applyOnce)).map((rule) => rule.name),
    ).toEqual(['Contoso - In from AD - User Preferred Language'])
    expect(rules.every((rule) => rule.connectorName !== null)).toBe(true)
    expect(connectors.map((connector) => [connector.name, connector.type])).toEqual([
      ['contoso.com', 'AD'],
      ['contoso.onmicrosoft.com - AAD', 'AAD'],
    ])
    const ad = connectors[0]
    expect(ad?.partitions.map((partition) => [partition.name, partition.inclusions])).toEqual([
      ['DC=contoso,DC=com', ['OU=Corp,DC=contoso,DC=com']],
    ])
    expect(ad?.selectedAttributes).toHaveLength(AD_SELECTED_ATTRIBUTES.length)
    expect(ad?.schema.attributes.map((attribute) => attribute.name)).toContain('employeeID')
    expect(connectors[1]?.id).toBe(AAD_CONNECTOR_ID)
    expect(metaverse?.server).toBe('CONTOSO-SYNC01')
    expect(metaverse?.serverConfigurationVersion).toBe('2.4.27.0')
    expect(metaverse?.schema.classes.map((schemaClass) => schemaClass.name)).toEqual([
      'person',
      'group',
      'device',
    ])
  })

  it('loads whole, connector spaces, metaverse and manifest included, without a single issue', async () => {
    const loaded = await loadSnapshot(small)

    expect(loaded.issues).toEqual([])
    expect(loaded.manifest?.server).toBe('CONTOSO-SYNC01')
    expect(loaded.fileKinds.get(AD_CONNECTOR_SPACE_PATH)).toBe('csexport')
    expect(loaded.fileKinds.get(AAD_CONNECTOR_SPACE_PATH)).toBe('csexport')
    expect(loaded.fileKinds.get(METAVERSE_OBJECTS_PATH)).toBe('mv-objects')
    expect(loaded.fileKinds.get(TRAINING_MANIFEST_PATH)).toBe('manifest')
  })

  it('writes a manifest that validates and names the files of the snapshot', async () => {
    const result = parseManifest(await fileText(small, TRAINING_MANIFEST_PATH), TRAINING_MANIFEST_PATH)

    const paths = small.files.map((file) => file.path)
    expect(result.issues).toEqual([])
    expect(result.manifest?.aadConnectVersion).toBe('2.4.27.0')
    expect(
      result.manifest?.connectorSpaces.map((space) => space.file).every((file) => paths.includes(file)),
    ).toBe(true)
    expect(result.manifest?.metaverse).toEqual([METAVERSE_OBJECTS_PATH])
    const mvObjects = descendants(await fileTree(small, METAVERSE_OBJECTS_PATH), 'mv-object')
    expect(result.manifest?.metaverseObjectCount).toBe(mvObjects.length)
  })

  it('keeps every connector-space attribute inside its connector selection and schema type', async () => {
    for (const [file, selected, schema] of [
      [AD_CONNECTOR_SPACE_PATH, AD_SELECTED_ATTRIBUTES, AD_ATTRIBUTE_BY_NAME],
      [AAD_CONNECTOR_SPACE_PATH, AAD_SELECTED_ATTRIBUTES, AAD_ATTRIBUTE_BY_NAME],
    ] as const) {
      const attributes = entryAttributes(await fileTree(small, file), 'cs-object/synchronized-hologram/entry')

      const names = new Set(attributes.map((attribute) => attribute.attributes.get('name') ?? ''))
      expect([...names].filter((name) => !selected.includes(name))).toEqual([])
      const mistyped = attributes.filter((attribute) => {
        const definition = schema.get(attribute.attributes.get('name') ?? '')
        const kind = definition ? valueKind(definition.syntax) : 'unknown'
        return attribute.name === 'dn-attr' ? kind !== 'reference' : attribute.attributes.get('type') !== kind
      })
      expect(mistyped.map((attribute) => attribute.attributes.get('name'))).toEqual([])
    }
  })

  it('keeps every metaverse attribute inside the metaverse schema, each value with its lineage', async () => {
    const root = await fileTree(small, METAVERSE_OBJECTS_PATH)

    const attributes = entryAttributes(root, 'mv-object/entry')
    const unknown = attributes.filter(
      (attribute) => !MV_ATTRIBUTE_BY_NAME.has(attribute.attributes.get('name') ?? ''),
    )
    expect(unknown).toEqual([])
    const values = [
      ...descendants(root, 'mv-object/entry/attr/value'),
      ...descendants(root, 'mv-object/entry/dn-attr/dn-value'),
    ]
    expect(
      values.every((value) => /^\{[0-9A-F-]{36}\}$/.test(value.attributes.get('lineage-id') ?? '')),
    ).toBe(true)
    expect(values.every((value) => (value.attributes.get('lineage-ma-id') ?? '') !== '')).toBe(true)
  })

  it('points every reference at an object of the same space', async () => {
    const ad = await fileTree(small, AD_CONNECTOR_SPACE_PATH)
    const aad = await fileTree(small, AAD_CONNECTOR_SPACE_PATH)
    const mv = await fileTree(small, METAVERSE_OBJECTS_PATH)

    const adDns = new Set(descendants(ad, 'cs-object').map((object) => object.attributes.get('cs-dn')))
    const aadDns = new Set(descendants(aad, 'cs-object').map((object) => object.attributes.get('cs-dn')))
    const mvIds = new Set(descendants(mv, 'mv-object').map((object) => object.attributes.get('id')))
    const dangling = [
      ...referenceValues(ad, 'cs-object/synchronized-hologram/entry').filter((dn) => !adDns.has(dn)),
      ...referenceValues(aad, 'cs-object/synchronized-hologram/entry').filter((dn) => !aadDns.has(dn)),
      ...referenceValues(mv, 'mv-object/entry').filter((id) => !mvIds.has(id)),
    ]
    expect(dangling).toEqual([])
    expect(referenceValues(ad, 'cs-object/synchronized-hologram/entry').length).toBeGreaterThan(300)
  })

  it('links connector-space and metaverse objects both ways', async () => {
    const mv = await fileTree(small, METAVERSE_OBJECTS_PATH)
    const spaces = [
      await fileTree(small, AD_CONNECTOR_SPACE_PATH),
      await fileTree(small, AAD_CONNECTOR_SPACE_PATH),
    ]

    const linked = new Map<string, string>()
    for (const space of spaces) {
      for (const object of descendants(space, 'cs-object')) {
        const link = descendants(object, 'mv-link')[0]
        if (link) linked.set(object.attributes.get('id') ?? '', link.text)
      }
    }
    const fromMetaverse = descendants(mv, 'mv-object').flatMap((object) =>
      descendants(object, 'cs-mv-links/cs-mv-value').map((value) => [
        descendants(value, 'cs-guid')[0]?.text ?? '',
        object.attributes.get('id') ?? '',
      ]),
    )
    expect(fromMetaverse.every(([csId, mvId]) => linked.get(csId ?? '') === mvId)).toBe(true)
    expect(fromMetaverse).toHaveLength(linked.size)
  })
})

describe('determinism', () => {
  it('writes byte-identical files for the same seed', async () => {
    const first = await bytesByPath(generateTrainingSnapshot({ users: 200, seed: 7 }))
    const second = await bytesByPath(generateTrainingSnapshot({ users: 200, seed: 7 }))

    expect([...second.keys()]).toEqual([...first.keys()])
    for (const [file, bytes] of first)
      expect(Buffer.compare(Buffer.from(bytes), Buffer.from(second.get(file) ?? []))).toBe(0)
  })

  it('changes the generated people with the seed but not the rules, connectors or cases', async () => {
    const seven = generateTrainingSnapshot({ users: 200, seed: 7 })
    const eight = generateTrainingSnapshot({ users: 200, seed: 8 })

    const sevenBytes = await bytesByPath(seven)
    const eightBytes = await bytesByPath(eight)
    for (const [file, bytes] of sevenBytes) {
      if (CONFIGURATION.test(file))
        expect(Buffer.from(bytes).equals(Buffer.from(eightBytes.get(file) ?? []))).toBe(true)
    }
    const sevenSpace = await fileText(seven, AD_CONNECTOR_SPACE_PATH)
    const eightSpace = await fileText(eight, AD_CONNECTOR_SPACE_PATH)
    expect(sevenSpace).not.toBe(eightSpace)
    expect(sevenSpace).toContain('CN=Ana Trujillo,OU=Sales,OU=Users,OU=Corp,DC=contoso,DC=com')
    expect(eightSpace).toContain('CN=Ana Trujillo,OU=Sales,OU=Users,OU=Corp,DC=contoso,DC=com')
  })
})

describe('generateTrainingFiles', () => {
  // Generates 22,000 people: allowed more time on a busy machine.
  it(
    'grows in proportion to the number of people and hands over bounded chunks',
    { timeout: 120_000 },
    () => {
      const measure = (
        users: number,
      ): { objects: number; characters: number; largestChunk: number; chunks: number } => {
        let characters = 0
        let largestChunk = 0
        let chunks = 0
        const summary = generateTrainingFiles({ users, seed: 3 }, (_, chunk) => {
          characters += chunk.length
          largestChunk = Math.max(largestChunk, chunk.length)
          chunks++
        })
        return { objects: summary.adObjects, characters, largestChunk, chunks }
      }

      const small = measure(2000)
      const large = measure(20_000)

      expect(large.objects / small.objects).toBeGreaterThan(9)
      expect(large.objects / small.objects).toBeLessThan(10.5)
      expect(large.characters / small.characters).toBeGreaterThan(9)
      expect(large.chunks).toBeGreaterThan(large.characters / (128 * 1024))
      // A chunk is the 64K buffer plus at most one object: the text is never built whole.
      expect(large.largestChunk).toBeLessThan(1024 * 1024)
    },
  )

  it('treats a missing or odd size as the default and a negative one as no generated people', () => {
    const count = (users: number | undefined): number =>
      generateTrainingFiles(users === undefined ? {} : { users, seed: 1 }, () => undefined).adObjects

    expect(count(Number.NaN)).toBe(count(undefined))
    expect(count(-5)).toBe(count(0))
    expect(count(0)).toBeGreaterThan(18)
  })
})

describe.skipIf(!samplesAvailable)(`against the real Contoso export (${SAMPLES_SKIP_REASON})`, () => {
  const sampleRoot = (file: string): string[] => {
    const parsed = parseXmlTree(fs.readFileSync(path.join(CONTOSO_SERVERCONFIG, file), 'utf8'))
    return parsed.ok ? parsed.root.children.map((element) => element.name) : []
  }
  const snapshot = generateTrainingSnapshot({ users: 0 })

  it('writes connectors with the top-level elements of the real ones, in order', async () => {
    const realAd = sampleRoot('Connectors/Connector_{ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d}.xml')
    const realAad = sampleRoot(`Connectors/Connector_{${AAD_CONNECTOR_ID}}.xml`)

    const [ourAd, ourAad] = snapshot.files.filter((file) => file.path.startsWith('Connectors/'))
    expect((await fileTree(snapshot, ourAd?.path ?? '')).children.map((element) => element.name)).toEqual(
      realAd,
    )
    expect((await fileTree(snapshot, ourAad?.path ?? '')).children.map((element) => element.name)).toEqual(
      realAad,
    )
  })

  it('writes rules with the elements of a real rule, in order', async () => {
    const real = sampleRoot(
      'SynchronizationRules/SynchronizationRule_{0a1f95e3-265a-44fc-ad7c-80e267b05c06}.xml',
    )

    const ours = snapshot.files.filter((file) => file.path.startsWith('SynchronizationRules/'))
    for (const file of ours) {
      expect((await fileTree(snapshot, file.path)).children.map((element) => element.name)).toEqual(real)
    }
  })

  it('writes MV.xml with the structure of the real one', async () => {
    const real = sampleRoot('GlobalSettings/MV.xml')

    expect(
      (await fileTree(snapshot, 'GlobalSettings/MV.xml')).children.map((element) => element.name),
    ).toEqual(real)
  })
})
