import { MAX_EXPRESSION_LENGTH } from '../../expression/limits'
import { type LoadIssue, loadIssue } from '../../model/load-issue'
import { normalizeGuid } from '../../model/connector'
import {
  type AttributeFlow,
  type FlowType,
  type JoinGroup,
  type LinkType,
  type MergeType,
  normalizeScopeOperator,
  type ScopeGroup,
  type SyncRule,
} from '../../model/sync-rule'
import { child, childText, children, type XmlElement } from '../../xml/element-tree'

/** The outcome of reading one rule file: the rule (null when unusable) and what was wrong. */
export interface RuleReadResult {
  readonly rule: SyncRule | null
  readonly issues: readonly LoadIssue[]
}

const LINK_TYPES: readonly LinkType[] = ['Provision', 'StickyJoin', 'Join', 'JoinNoFlow']
const MERGE_TYPES: readonly MergeType[] = ['Update', 'Replace', 'Merge', 'MergeCaseInsensitive']

/** Reads a `<synchronizationRule>` element (docs/FORMATS.md) into the normalized model. */
export function readSyncRuleXml(root: XmlElement, file: string): RuleReadResult {
  const issues: LoadIssue[] = []
  const problem = (message: string, element: XmlElement = root): void => {
    issues.push(loadIssue('error', file, message, { line: element.line, column: 1 }))
  }
  const name = childText(root, 'name')
  const label = name ? `Rule "${name}"` : 'The rule'

  const id = normalizeGuid(childText(root, 'id'))
  if (!id) problem(`${label} has no <id>; the file cannot be used as a sync rule.`)

  const directionText = childText(root, 'direction')
  const direction =
    directionText.toLowerCase() === 'inbound'
      ? 'Inbound'
      : directionText.toLowerCase() === 'outbound'
        ? 'Outbound'
        : null
  if (!direction) problem(`${label} has direction "${directionText}"; expected Inbound or Outbound.`)

  const precedenceText = childText(root, 'precedence')
  const precedence = /^\d+$/.test(precedenceText) ? Number(precedenceText) : null
  if (precedence === null)
    problem(`${label} has precedence "${precedenceText}"; expected a non-negative integer.`)

  const linkText = childText(root, 'linkType', 'Join')
  const linkType = LINK_TYPES.find((candidate) => candidate.toLowerCase() === linkText.toLowerCase())
  if (!linkType) problem(`${label} has link type "${linkText}"; expected one of ${LINK_TYPES.join(', ')}.`)

  const scopeGroups = readScopeGroups(root, label, problem)
  const joinGroups = readJoinGroups(root)
  const flows = readFlows(root, label, problem)

  if (issues.length > 0 || !direction || precedence === null || !linkType || !scopeGroups || !flows) {
    return { rule: null, issues }
  }
  return {
    rule: {
      id,
      name,
      description: childText(root, 'description'),
      direction,
      precedence,
      connectorId: normalizeGuid(childText(root, 'connector')),
      connectorName: null,
      sourceObjectType: childText(root, 'sourceObjectType'),
      targetObjectType: childText(root, 'targetObjectType'),
      linkType,
      disabled: childText(root, 'disabled').toLowerCase() === 'true',
      immutableTag: childText(root, 'immutable-tag'),
      enablePasswordSync: childText(root, 'EnablePasswordSync').toLowerCase() === 'true',
      scopeGroups,
      joinGroups,
      flows,
      origin: file,
    },
    issues,
  }
}

function readScopeGroups(
  root: XmlElement,
  label: string,
  problem: (message: string, element?: XmlElement) => void,
): ScopeGroup[] | null {
  const criteria = child(root, 'synchronizationCriteria')
  if (!criteria) return []
  const groups: ScopeGroup[] = []
  let usable = true
  for (const conditions of children(criteria, 'conditions')) {
    const clauses = []
    for (const scope of children(conditions, 'scope')) {
      const operatorText = childText(scope, 'csOperator')
      const operator = normalizeScopeOperator(operatorText)
      if (!operator) {
        // Dropping an unknown clause would widen the scope silently; the rule is refused instead.
        problem(`${label} uses the unknown scoping operator "${operatorText}".`, scope)
        usable = false
        continue
      }
      clauses.push({
        attribute: childText(scope, 'csAttribute'),
        operator,
        value: childText(scope, 'csValue'),
      })
    }
    groups.push({ clauses })
  }
  return usable ? groups : null
}

function readJoinGroups(root: XmlElement): JoinGroup[] {
  const criteria = child(root, 'relationshipCriteria')
  if (!criteria) return []
  return children(criteria, 'conditions').map((conditions) => ({
    conditions: children(conditions, 'condition').map((condition) => ({
      csAttribute: childText(condition, 'csAttribute'),
      mvAttribute: childText(condition, 'ilmAttribute'),
      caseSensitive: childText(condition, 'caseSensitive').toLowerCase() === 'true',
    })),
  }))
}

function readFlows(
  root: XmlElement,
  label: string,
  problem: (message: string, element?: XmlElement) => void,
): AttributeFlow[] | null {
  const mappings = child(root, 'attribute-mappings')
  if (!mappings) return []
  const flows: AttributeFlow[] = []
  for (const mapping of children(mappings, 'mapping')) {
    const target = childText(mapping, 'dest')
    if (!target) {
      problem(`${label} has a mapping without <dest> (target attribute).`, mapping)
      return null
    }
    const src = child(mapping, 'src')
    const sources = src ? children(src, 'attr').map((attr) => attr.text.trim()) : []
    // The engine's reader also accepts the legacy <fn> element as an expression.
    const expressionElement = child(mapping, 'expression') ?? child(mapping, 'fn')
    const expression = expressionElement ? expressionElement.text.trim() : null
    if (expression !== null && expression.length > MAX_EXPRESSION_LENGTH) {
      problem(
        `${label} maps ${target} with an expression of ${expression.length.toLocaleString('en-US')} characters; ` +
          `SyncLens reads expressions of up to ${MAX_EXPRESSION_LENGTH.toLocaleString('en-US')} characters.`,
        mapping,
      )
      return null
    }
    const flowType: FlowType = expression !== null ? 'Expression' : sources.length > 0 ? 'Direct' : 'Constant'
    const mergeText = childText(mapping, 'valueMergeType', 'Update')
    const mergeType = MERGE_TYPES.find((candidate) => candidate.toLowerCase() === mergeText.toLowerCase())
    if (!mergeType) {
      problem(
        `${label} maps ${target} with merge type "${mergeText}"; expected ${MERGE_TYPES.join(', ')}.`,
        mapping,
      )
      return null
    }
    flows.push({
      target,
      flowType,
      sources,
      expression,
      constant: flowType === 'Constant' ? (src?.text.trim() ?? '') : null,
      mergeType,
      applyOnce: mapping.attributes.get('execute-once')?.toLowerCase() === 'true',
    })
  }
  return flows
}
