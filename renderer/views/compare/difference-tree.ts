import type { ComparisonOverview } from '../../../shared/app/comparison-queries'
import type {
  ConnectorComparison,
  Difference,
  OutOfBoxEdit,
  RuleComparison,
} from '../../../shared/compare/compare-model'

/** One entry of the difference tree and what its detail pane shows. */
export type TreeItem =
  | {
      readonly kind: 'connector'
      readonly key: string
      readonly label: string
      readonly detail: string
      readonly connector: ConnectorComparison
    }
  | {
      readonly kind: 'rule'
      readonly key: string
      readonly label: string
      readonly detail: string
      readonly rule: RuleComparison
    }
  | {
      readonly kind: 'list'
      readonly key: string
      readonly label: string
      readonly detail: string
      readonly differences: readonly Difference[]
    }
  | {
      readonly kind: 'edits'
      readonly key: string
      readonly label: string
      readonly detail: string
      readonly edits: readonly OutOfBoxEdit[]
    }

/** A branch of the tree: connectors, rules by direction, the schema, the settings, the out-of-box edits. */
export interface TreeGroup {
  readonly id: string
  readonly label: string
  /** Differences (or findings) under it. */
  readonly count: number
  readonly items: readonly TreeItem[]
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function ruleItem(rule: RuleComparison): TreeItem {
  const facts = rule.b ?? rule.a
  const where = !rule.a ? 'only in B' : !rule.b ? 'only in A' : plural(rule.differences.length, 'difference')
  return {
    kind: 'rule',
    key: `rule:${rule.a?.id ?? ''}:${rule.b?.id ?? ''}`,
    label: facts?.name ?? '',
    detail: `${where} · precedence ${facts?.precedence ?? ''}`,
    rule,
  }
}

/**
 * The tree of differences the Compare view shows: connectors (those that differ or were paired other than by
 * name), inbound rules, outbound rules, the metaverse schema, the global settings and the out-of-box rules edited
 * in place; empty branches are kept, with a count of 0, so the reader sees they were compared.
 */
export function differenceTree(overview: ComparisonOverview): readonly TreeGroup[] {
  const { configuration } = overview
  const connectors = configuration.connectors.filter(
    (connector) => connector.differences.length > 0 || connector.matchNote !== null,
  )
  const rules = (direction: RuleComparison['direction']): readonly RuleComparison[] =>
    configuration.rules.filter((rule) => rule.direction === direction)
  const list = (key: string, label: string, differences: readonly Difference[]): readonly TreeItem[] =>
    differences.length === 0
      ? []
      : [{ kind: 'list', key, label, detail: plural(differences.length, 'difference'), differences }]
  const count = (items: readonly { readonly differences: readonly Difference[] }[]): number =>
    items.reduce((sum, item) => sum + item.differences.length, 0)
  const inbound = rules('Inbound')
  const outbound = rules('Outbound')
  const edits = configuration.outOfBoxEdits
  return [
    {
      id: 'connectors',
      label: 'Connectors',
      count: count(connectors),
      items: connectors.map((connector): TreeItem => ({
        kind: 'connector',
        key: `connector:${connector.a?.id ?? ''}:${connector.b?.id ?? ''}`,
        label: connector.b?.name ?? connector.a?.name ?? '',
        detail: !connector.a
          ? 'only in B'
          : !connector.b
            ? 'only in A'
            : plural(connector.differences.length, 'difference'),
        connector,
      })),
    },
    { id: 'inbound', label: 'Inbound rules', count: count(inbound), items: inbound.map(ruleItem) },
    { id: 'outbound', label: 'Outbound rules', count: count(outbound), items: outbound.map(ruleItem) },
    {
      id: 'schema',
      label: 'Metaverse schema',
      count: configuration.schema.length,
      items: list('schema', 'Metaverse schema', configuration.schema),
    },
    {
      id: 'settings',
      label: 'Global settings',
      count: configuration.settings.length,
      items: list('settings', 'Global settings', configuration.settings),
    },
    {
      id: 'edits',
      label: 'Out-of-box rules edited in place',
      count: edits.length,
      items:
        edits.length === 0
          ? []
          : [
              {
                kind: 'edits',
                key: 'edits',
                label: 'Edited out-of-box rules',
                detail: plural(edits.length, 'finding'),
                edits,
              },
            ],
    },
  ]
}

/** The first item of the tree, to select when the view opens. */
export function firstItem(groups: readonly TreeGroup[]): TreeItem | null {
  return groups.flatMap((group) => group.items)[0] ?? null
}
