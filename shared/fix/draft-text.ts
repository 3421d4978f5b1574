/** A draft, its preview and its impact in plain text lines, as the command line prints them. */
import { flowSourceText, scopeText } from '../engine/index'
import { describeValueList } from './describe-values'
import { type DraftChange, type FixDraft, isRuleChange } from './draft'
import type { DraftImpact, ImpactObject } from './impact'
import type { MovedValue } from './sync-simulation'

const KIND_LABELS: Readonly<Record<DraftChange['kind'], string>> = {
  'add-rule': 'new rule',
  'clone-rule': 'copy of an out-of-box rule',
  'edit-rule': 'changed custom rule',
  'select-attribute': 'connector',
  'include-container': 'connector',
}

/** The changes, numbered, each with the rule it writes (direction, connector, types, scope, mappings). */
export function changeLines(draft: FixDraft): string[] {
  const lines: string[] = []
  draft.changes.forEach((change, index) => {
    lines.push(`${index + 1}. [${KIND_LABELS[change.kind]}] ${change.summary}`)
    if (change.kind === 'include-container') {
      lines.push(`     A connector setting, done by hand: ${change.partition} on "${change.connectorName}".`)
      return
    }
    if (!isRuleChange(change)) {
      if (change.side === 'import' && change.standIn.length > 0) {
        lines.push(`     Assumed for this object until imported: ${describeValueList(change.standIn)}`)
      }
      return
    }
    const { rule } = change
    lines.push(
      `     ${rule.direction}, "${rule.connectorName ?? rule.connectorId}", ${rule.sourceObjectType} -> ${rule.targetObjectType}, ${rule.linkType}, precedence ${rule.precedence}${rule.disabled ? ', disabled' : ''}`,
    )
    lines.push(`     Scope: ${scopeText(rule.scopeGroups) || '(none: every object of the type)'}`)
    for (const flow of rule.flows) {
      const flags = [
        flow.flowType,
        flow.mergeType === 'Update' ? null : flow.mergeType,
        flow.applyOnce ? 'Apply Once' : null,
      ]
        .filter((flag) => flag !== null)
        .join(', ')
      lines.push(`     ${flow.target} <- ${flowSourceText(flow)} (${flags})`)
    }
  })
  return lines
}

/** The values the draft moves for its object, one line each. */
export function movedLines(moved: readonly MovedValue[]): string[] {
  return moved.map(
    (value) =>
      `${value.where === 'metaverse' ? 'metaverse' : `"${value.connectorName ?? value.connectorId ?? ''}"`} ${value.attribute}: ${describeValueList(value.before)} -> ${describeValueList(value.after)}`,
  )
}

/** The impact in a few lines: the counts, the values awaiting an import, and the first changed objects. */
export function impactLines(impact: DraftImpact, listed = 20): string[] {
  const lines =
    impact.touched.length === 0
      ? [
          `No attribute flow changes, so no value of an object in the snapshot changes (${(impact.elapsedMs / 1000).toFixed(1)} s).`,
        ]
      : [
          `${impact.objectsChecked} objects checked; ${impact.objectsChanged} change: ${impact.gain} gain a value, ${impact.lose} lose one, ${impact.change} get a different one (${(impact.elapsedMs / 1000).toFixed(1)} s).`,
        ]
  for (const waiting of impact.awaitingImport) {
    lines.push(
      `${waiting.attribute}: ${waiting.objects} objects of "${waiting.connectorName}" get their values at the next full import; the snapshot does not hold them.`,
    )
  }
  for (const kept of impact.keptByFilter) {
    lines.push(
      `"${kept.connectorName}" ${kept.partition}: ${kept.objects} ${kept.objects === 1 ? 'object in the connector space stays' : 'objects in the connector space stay'} instead of leaving at the next full import; objects of the widened containers it does not hold arrive with that import.`,
    )
  }
  const shown = impact.objects.slice(0, listed)
  if (shown.length > 0) {
    lines.push(
      `Changed objects${impact.objectsChanged > shown.length ? ` (first ${shown.length} of ${impact.objectsChanged})` : ''}:`,
    )
    for (const object of shown) lines.push(`  ${objectLine(object)}`)
  }
  return lines
}

function objectLine(object: ImpactObject): string {
  const name = object.dn ?? object.displayName ?? object.mvObjectId
  const changes = object.changes.map(
    (change) =>
      `${change.where === 'metaverse' ? '' : `${change.connectorName ?? ''} `}${change.attribute} ${change.kind} ${describeValueList(change.before)} -> ${describeValueList(change.after)}`,
  )
  return `${name}: ${changes.join('; ')}`
}
