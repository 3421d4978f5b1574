import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzParameters, mutatedText } from '../../../test-support/fuzz'
import { parseManifest } from './manifest'

const VALID = JSON.stringify({
  synclensSnapshot: 1,
  exportedAt: '2024-05-06T07:08:09Z',
  server: 'SYNC01',
  connectorSpaces: [{ connector: 'contoso.com', file: 'Connectors/contoso.xml', filter: null }],
})

describe('parseManifest on hostile text', () => {
  it('returns a manifest or issues for mutated manifests and arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedText(fc.constant(VALID)), fc.json({ depthSize: 'medium' })), (text) => {
        const result = parseManifest(text, 'snapshot.json')

        for (const issue of result.issues) expect(issue.file).toBe('snapshot.json')
      }),
      fuzzParameters(1500),
    )
  })

  it('treats prototype-named keys as data and leaves Object.prototype alone', () => {
    const text =
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "synclensSnapshot": 1}'

    const result = parseManifest(text, 'snapshot.json')

    expect(result.manifest === null || typeof result.manifest === 'object').toBe(true)
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('refuses JSON nested a hundred thousand levels deep with an issue', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`

    const result = parseManifest(text, 'snapshot.json')

    expect(result.manifest).toBeNull()
    expect(result.issues.length).toBeGreaterThan(0)
  })
})
