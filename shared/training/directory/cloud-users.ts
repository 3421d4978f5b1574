/**
 * Accounts created directly in Entra ID. They sit in the Entra ID connector space as disconnectors
 * (cloudMastered, so In from AAD - User Join leaves them alone); one of them already holds the
 * userPrincipalName Joana's export collides with.
 */
import { DUPLICATE_UPN } from '../training-cases'
import { TENANT_DOMAIN } from '../environment'
import { objectIds } from './object-ids'
import type { ObjectIds } from './ad-object'

/** A cloud-only user. */
export interface CloudUser {
  readonly key: string
  readonly ids: ObjectIds
  readonly attributes: ReadonlyMap<string, readonly string[]>
}

function cloudUser(
  id: string,
  givenName: string,
  surname: string,
  userPrincipalName: string,
  usageLocation: string,
): CloudUser {
  const key = `cloud:${id}`
  const ids = objectIds(0, key)
  return {
    key,
    ids,
    attributes: new Map<string, readonly string[]>([
      ['cloudAnchor', [`User_${ids.cloudObjectId}`]],
      ['cloudMastered', ['true']],
      ['accountEnabled', ['true']],
      ['displayName', [`${givenName} ${surname}`]],
      ['givenName', [givenName]],
      ['surname', [surname]],
      ['userPrincipalName', [userPrincipalName]],
      ['usageLocation', [usageLocation]],
    ]),
  }
}

/** The cloud-only accounts of the tenant. */
export const CLOUD_USERS: readonly CloudUser[] = [
  cloudUser('admin', 'Tenant', 'Administrator', `admin@${TENANT_DOMAIN}`, 'US'),
  cloudUser('break-glass', 'Emergency', 'Access', `breakglass@${TENANT_DOMAIN}`, 'US'),
  cloudUser('jorge-silva', 'Jorge', 'Silva', DUPLICATE_UPN, 'PT'),
  cloudUser('meeting-room', 'Lisbon', 'Meeting Room', `room.lisbon@${TENANT_DOMAIN}`, 'PT'),
]
