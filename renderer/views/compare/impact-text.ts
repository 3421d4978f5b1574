import type { ExportValue, ImpactEvent, ImpactRule } from '../../../shared/compare/compare-model'

/** What an attribute would hold in Entra ID, in words: its values, the error, or what Entra ID keeps. */
export function exportValueText(value: ExportValue): string {
  switch (value.kind) {
    case 'values':
      return value.values.length === 0 ? '(no value)' : value.values.join('; ')
    case 'error':
      return `Error: ${value.message}`
    case 'unmanaged': {
      const kept = value.current.length === 0 ? '(no value)' : value.current.join('; ')
      const why = value.why === 'not-selected' ? 'not selected on the connector' : 'no rule writes it'
      return `${kept} (kept: ${why})`
    }
  }
}

/** A rule as the impact lists it: `Name (precedence)`. */
export function impactRuleText(rule: ImpactRule | null): string {
  return rule === null ? '' : `${rule.name} (${rule.precedence})`
}

/** The rules behind a value: the inbound rule that computed it and the outbound rule that exports it. */
export function impactRulesText(rule: ImpactRule | null, inbound: ImpactRule | null): string {
  if (inbound === null) return impactRuleText(rule)
  if (rule === null) return impactRuleText(inbound)
  return `${impactRuleText(inbound)} → ${impactRuleText(rule)}`
}

/** The events of the impact, in the order the Impact tab offers them, with their labels. */
export const IMPACT_EVENTS: readonly { readonly id: ImpactEvent; readonly label: string }[] = [
  { id: 'deleted', label: 'Deleted from Entra ID' },
  { id: 'provisioned', label: 'Provisioned to Entra ID' },
  { id: 'changed', label: 'Attributes change' },
  { id: 'disconnected', label: 'Disconnected' },
]

/** An event's short label. */
export function eventLabel(event: ImpactEvent): string {
  return IMPACT_EVENTS.find((entry) => entry.id === event)?.label ?? event
}
