/** Every sync rule of the training snapshot, Contoso's custom rules first, then the defaults by precedence. */
import {
  IN_USER_COMMON_CONTOSO,
  IN_USER_DIVISION,
  IN_USER_HR_DEPARTMENT,
  IN_USER_LEAVERS,
  IN_USER_PREFERRED_LANGUAGE,
} from './contoso-rules'
import { IN_AAD_CONTACT_JOIN, IN_AAD_GROUP_JOIN, IN_AAD_USER_JOIN } from './inbound-aad-rules'
import {
  IN_CONTACT_COMMON,
  IN_CONTACT_JOIN,
  IN_GROUP_COMMON,
  IN_GROUP_EXCHANGE,
  IN_GROUP_JOIN,
} from './inbound-ad-group-contact-rules'
import {
  IN_USER_ACCOUNT_ENABLED,
  IN_USER_COMMON,
  IN_USER_COMMON_FROM_EXCHANGE,
  IN_USER_EXCHANGE,
  IN_USER_JOIN,
  IN_USER_LYNC,
} from './inbound-ad-user-rules'
import {
  OUT_CONTACT_IDENTITY,
  OUT_CONTACT_JOIN,
  OUT_GROUP_IDENTITY,
  OUT_GROUP_JOIN,
  OUT_USER_EXCHANGE_ONLINE,
  OUT_USER_IDENTITY,
  OUT_USER_JOIN,
} from './outbound-aad-rules'
import type { ConnectorRole, RuleSpec } from './rule-spec'

/** The rule set, in precedence order. */
export const TRAINING_RULES: readonly RuleSpec[] = [
  IN_USER_HR_DEPARTMENT,
  IN_USER_LEAVERS,
  IN_USER_DIVISION,
  IN_USER_PREFERRED_LANGUAGE,
  IN_USER_COMMON_CONTOSO,
  IN_USER_JOIN,
  IN_USER_ACCOUNT_ENABLED,
  IN_USER_COMMON_FROM_EXCHANGE,
  IN_USER_COMMON,
  IN_USER_EXCHANGE,
  IN_USER_LYNC,
  IN_GROUP_JOIN,
  IN_GROUP_EXCHANGE,
  IN_GROUP_COMMON,
  IN_CONTACT_JOIN,
  IN_CONTACT_COMMON,
  IN_AAD_USER_JOIN,
  IN_AAD_CONTACT_JOIN,
  IN_AAD_GROUP_JOIN,
  OUT_USER_JOIN,
  OUT_USER_IDENTITY,
  OUT_USER_EXCHANGE_ONLINE,
  OUT_CONTACT_JOIN,
  OUT_CONTACT_IDENTITY,
  OUT_GROUP_JOIN,
  OUT_GROUP_IDENTITY,
]

// The same list object is returned for the same question, so resolution plans can be cached per list.
const selections = new Map<string, readonly RuleSpec[]>()

function select(key: string, keep: (rule: RuleSpec) => boolean): readonly RuleSpec[] {
  let rules = selections.get(key)
  if (!rules) {
    rules = TRAINING_RULES.filter(keep)
    selections.set(key, rules)
  }
  return rules
}

/** Inbound rules of one connector for one connector-space object type. */
export function inboundRules(connector: ConnectorRole, objectType: string): readonly RuleSpec[] {
  return select(
    `in ${connector} ${objectType}`,
    (rule) =>
      rule.direction === 'Inbound' && rule.connector === connector && rule.sourceObjectType === objectType,
  )
}

/** Outbound rules to Entra ID for one metaverse object type and Entra ID object type. */
export function outboundRules(mvObjectType: string, csObjectType: string): readonly RuleSpec[] {
  return select(
    `out ${mvObjectType} ${csObjectType}`,
    (rule) =>
      rule.direction === 'Outbound' &&
      rule.sourceObjectType === mvObjectType &&
      rule.targetObjectType === csObjectType,
  )
}
