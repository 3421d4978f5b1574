import type { SyncRule } from '../../../shared/model/sync-rule'

/** A complete inbound custom rule with the given fields replaced; for tests and component previews. */
export function makeRule(overrides: Partial<SyncRule> = {}): SyncRule {
  return {
    id: '11111111-2222-3333-4444-555555555555',
    name: 'In from AD - User Custom',
    description: '',
    direction: 'Inbound',
    precedence: 50,
    connectorId: 'ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d',
    connectorName: 'contoso.com',
    sourceObjectType: 'user',
    targetObjectType: 'person',
    linkType: 'Join',
    disabled: false,
    immutableTag: '',
    enablePasswordSync: false,
    scopeGroups: [],
    joinGroups: [],
    flows: [],
    origin: 'SynchronizationRules/SynchronizationRule_{11111111-2222-3333-4444-555555555555}.xml',
    ...overrides,
  }
}
