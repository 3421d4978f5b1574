/** The out-of-box inbound rules from Entra ID: they join the cloud objects back and bring cloud-owned values. */
import { CLOUD_SOURCE_ANCHOR } from './common-mappings'
import { direct } from './flow-helpers'
import { clause, defineRule, joinOn, type RuleSpec } from './rule-spec'

const SOURCE_ANCHOR_JOIN = [[joinOn('sourceAnchor', 'sourceAnchor')]]

/** In from AAD - User Join. */
export const IN_AAD_USER_JOIN: RuleSpec = defineRule({
  name: 'In from AAD - User Join',
  description: '',
  immutableTag: 'Microsoft.InfromAADUserJoin.004',
  direction: 'Inbound',
  connector: 'aad',
  sourceObjectType: 'user',
  targetObjectType: 'person',
  linkType: 'Join',
  precedence: 111,
  scope: [[clause('cloudMastered', 'EQUAL', 'False')]],
  join: SOURCE_ANCHOR_JOIN,
  flows: [direct('accountEnabled'), direct('cloudAnchor'), CLOUD_SOURCE_ANCHOR, direct('usageLocation')],
})

/** In from AAD - Contact Join. */
export const IN_AAD_CONTACT_JOIN: RuleSpec = defineRule({
  name: 'In from AAD - Contact Join',
  description: '',
  immutableTag: 'Microsoft.InfromAADContactJoin.003',
  direction: 'Inbound',
  connector: 'aad',
  sourceObjectType: 'contact',
  targetObjectType: 'person',
  linkType: 'Join',
  precedence: 112,
  scope: [],
  join: SOURCE_ANCHOR_JOIN,
  flows: [direct('cloudAnchor'), CLOUD_SOURCE_ANCHOR],
})

/** In from AAD - Group Join. */
export const IN_AAD_GROUP_JOIN: RuleSpec = defineRule({
  name: 'In from AAD - Group Join',
  description: '',
  immutableTag: 'Microsoft.InfromAADGroupJoin.004',
  direction: 'Inbound',
  connector: 'aad',
  sourceObjectType: 'group',
  targetObjectType: 'group',
  linkType: 'Join',
  precedence: 113,
  scope: [[clause('cloudMastered', 'EQUAL', 'False')]],
  join: SOURCE_ANCHOR_JOIN,
  flows: [direct('cloudAnchor'), CLOUD_SOURCE_ANCHOR],
})
