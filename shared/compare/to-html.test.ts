import { describe, expect, it } from 'vitest'
import { flow } from '../engine/testing/scenario'
import { compareSnapshots } from './compare-snapshots'
import { compareObject } from './object-comparison'
import { RULES, withRule, world } from './testing/world'
import { comparisonToHtml } from './to-html'

describe('comparisonToHtml', () => {
  it('writes a self-contained page with every snapshot value escaped', async () => {
    const hostile = '<script>alert("x")</script>'
    const a = world({ name: `A ${hostile}` })
    const renamed = {
      ...RULES.hr,
      name: `HR ${hostile}`,
      flows: [flow.expression('department', '"<b>" & Trim([extensionAttribute2])')],
    }
    const b = world({ name: 'B', rules: withRule(renamed), objects: false })
    const { comparison, match } = await compareSnapshots(a, b, { impact: true })
    const object = compareObject(a, b, match, 'CN=Ada Lovelace,OU=Research,DC=contoso,DC=com')
    const html = comparisonToHtml(comparison, object.ok ? object.object : null)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toContain('<b>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
    expect(html).not.toMatch(/\b(src|href)=/)
    expect(html).toContain('2 configuration differences.')
    expect(html).toContain('Impact on objects')
    expect(html).toContain('&lt;b&gt;Analytical Engines')
    expect(html).toContain('Object CN=Ada Lovelace,OU=Research,DC=contoso,DC=com')
  })
})
