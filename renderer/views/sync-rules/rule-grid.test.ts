import { describe, expect, it } from 'vitest'
import { RULE_COLUMNS } from './rule-grid'
import type { RuleRow } from './rule-rows'

const ROW: RuleRow = {
  id: 'b891884f-051e-4a83-95af-2544101c9083',
  name: 'In from AD - User Join',
  connector: 'contoso.com',
  precedence: 100,
  connectedObjectType: 'user',
  metaverseObjectType: 'person',
  linkType: 'Provision',
  disabled: true,
  tag: 'Microsoft.InfromADUserJoin.003',
  standard: true,
  scoping: 'isCriticalSystemObject NOTEQUAL True',
  join: 'objectGUID = sourceAnchor',
}

describe('the rule grid columns', () => {
  it('are the Synchronization Rules Editor columns plus scoping and join, abbreviated ones named in full', () => {
    expect(RULE_COLUMNS.map((column) => [column.header, column.headerTitle ?? null])).toEqual([
      ['Name', null],
      ['Connector', null],
      ['Precedence', null],
      ['CS object type', 'Connected system object type'],
      ['MV object type', 'Metaverse object type'],
      ['Link type', null],
      ['Scoping', 'Scoping filter (clauses AND-ed in a group, groups OR-ed)'],
      ['Join', 'Join rules (source = target; groups tried in order)'],
      ['Disabled', null],
      ['Tag', null],
    ])
  })

  it('copy and export the full text of a rule, the whole tag included', () => {
    expect(RULE_COLUMNS.map((column) => column.text(ROW))).toEqual([
      'In from AD - User Join',
      'contoso.com',
      '100',
      'user',
      'person',
      'Provision',
      'isCriticalSystemObject NOTEQUAL True',
      'objectGUID = sourceAnchor',
      'Yes',
      'Microsoft.InfromADUserJoin.003',
    ])
  })

  it('sort precedence and the disabled flag as numbers', () => {
    const sortable = RULE_COLUMNS.filter((column) => column.sortValue !== undefined)

    expect(sortable.map((column) => [column.id, column.sortValue?.(ROW)])).toEqual([
      ['precedence', 100],
      ['disabled', 1],
    ])
  })
})
