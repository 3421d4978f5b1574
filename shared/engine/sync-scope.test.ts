import { describe, expect, it } from 'vitest'
import type { LinkType } from '../model/sync-rule'
import { importFlow } from './import-flow'
import { syncScopeExit } from './sync-scope'
import { connector, csObject, mvObject, rule, scenario } from './testing/scenario'

/**
 * Ana is joined from AD and from HR. Her AD object leaves the AD join rule's scope; whether the metaverse object
 * survives depends on what holds it through HR.
 */
function anaLeavingAd(hr: {
  readonly link: LinkType
  readonly inScope: boolean
  readonly disabled?: boolean
}) {
  const ad = connector({ name: 'contoso.com' })
  const hrSystem = connector({ name: 'HR', type: 'Other' })
  const person = mvObject({ attrs: { displayName: 'Ana Trujillo' } })
  const adObject = csObject({
    connector: ad,
    dn: 'CN=Ana,OU=Staff,DC=contoso,DC=com',
    attrs: { displayName: 'Ana Trujillo', department: 'Sales' },
    mv: person.id,
  })
  const hrObject = csObject({
    connector: hrSystem,
    dn: 'employeeID=1001',
    type: 'person',
    attrs: { status: hr.inScope ? 'active' : 'terminated' },
    mv: person.id,
  })
  const rules = [
    rule({
      name: 'In from AD - User Join',
      connector: ad,
      precedence: 100,
      link: 'Provision',
      scope: [['department EQUAL Finance']],
      join: [[['displayName', 'displayName']]],
    }),
    rule({
      name: 'In from HR',
      connector: hrSystem,
      precedence: 50,
      sourceType: 'person',
      link: hr.link,
      disabled: hr.disabled ?? false,
      scope: [['status EQUAL active']],
    }),
  ]
  const world = scenario({ connectors: [ad, hrSystem], rules, cs: [adObject, hrObject], mv: [person] })
  const flow = importFlow(adObject, { ruleIndex: world.ruleIndex, index: world.index })
  return syncScopeExit(flow, adObject, world.index, world.ruleIndex)
}

describe('syncScopeExit: does the metaverse object outlive the source that leaves?', () => {
  it.each([
    ['an in-scope Provision rule', true, { link: 'Provision', inScope: true }],
    ['an in-scope StickyJoin rule', true, { link: 'StickyJoin', inScope: true }],
    ['a Provision rule that has the HR object out of scope', false, { link: 'Provision', inScope: false }],
    ['only a Join rule', false, { link: 'Join', inScope: true }],
    ['a disabled Provision rule', false, { link: 'Provision', inScope: true, disabled: true }],
  ] as const)('held through HR by %s, the metaverse object survives: %s', (_what, survives, hr) => {
    const exit = anaLeavingAd(hr)

    expect(exit?.message).toContain('no join or provisioning rule has it in scope any more')
    expect(exit?.message).toContain('In from AD - User Join')
    if (survives) expect(exit?.message).toContain('keeps its other sources')
    else expect(exit?.message).toContain('the metaverse object is deleted')
  })
})
