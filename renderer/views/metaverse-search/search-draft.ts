import type { MetaverseQuery, SearchClause, SearchOperator } from '../../../shared/search/metaverse-query'

/** One clause row as the editor holds it. */
export interface ClauseDraft {
  readonly id: number
  readonly attribute: string
  readonly operator: SearchOperator
  readonly value: string
}

/** Clauses AND-ed together; groups are OR-ed. */
export interface GroupDraft {
  readonly id: number
  readonly clauses: readonly ClauseDraft[]
}

/** The whole Metaverse Search form. */
export interface SearchDraft {
  /** Empty for all object types. */
  readonly objectType: string
  readonly groups: readonly GroupDraft[]
  readonly unmappedOnly: boolean
}

/** The operators' labels, as the Service Manager names them. */
export const OPERATOR_LABELS: ReadonlyMap<SearchOperator, string> = new Map([
  ['equals', 'Equals'],
  ['contains', 'Contains'],
  ['not-contains', 'Does not contain'],
  ['present', 'Is present'],
  ['not-present', 'Is not present'],
  ['starts-with', 'Starts with'],
  ['ends-with', 'Ends with'],
])

/** False for Is present / Is not present, which take no value. */
export function operatorTakesValue(operator: SearchOperator): boolean {
  return operator !== 'present' && operator !== 'not-present'
}

/** The form before the user touches it: one group with one clause, every object type. */
export const INITIAL_DRAFT: SearchDraft = {
  objectType: '',
  groups: [{ id: 1, clauses: [{ id: 2, attribute: 'displayName', operator: 'starts-with', value: '' }] }],
  unmappedOnly: false,
}

/**
 * The form as it opens on a snapshot. Where the metaverse was computed, with no clause: Search then lists the
 * objects by type at once, while a clause on values waits for the values to be computed from the rules.
 */
export function initialDraft(metaverseSource: 'exported' | 'computed' | 'none'): SearchDraft {
  return metaverseSource === 'computed'
    ? { ...INITIAL_DRAFT, groups: [{ id: 1, clauses: [] }] }
    : INITIAL_DRAFT
}

function nextId(draft: SearchDraft): number {
  let max = 0
  for (const group of draft.groups) {
    max = Math.max(max, group.id)
    for (const clause of group.clauses) max = Math.max(max, clause.id)
  }
  return max + 1
}

function newClause(id: number, like?: ClauseDraft): ClauseDraft {
  return { id, attribute: like?.attribute ?? 'displayName', operator: 'equals', value: '' }
}

/** Adds a clause to a group (AND). */
export function addClause(draft: SearchDraft, groupId: number): SearchDraft {
  const id = nextId(draft)
  return {
    ...draft,
    groups: draft.groups.map((group) =>
      group.id === groupId
        ? { ...group, clauses: [...group.clauses, newClause(id, group.clauses[group.clauses.length - 1])] }
        : group,
    ),
  }
}

/** Adds an OR group with one clause. */
export function addGroup(draft: SearchDraft): SearchDraft {
  const id = nextId(draft)
  return { ...draft, groups: [...draft.groups, { id, clauses: [newClause(id + 1)] }] }
}

/** Removes a clause; a group left empty goes too, but the form keeps one group. */
export function removeClause(draft: SearchDraft, clauseId: number): SearchDraft {
  const groups = draft.groups
    .map((group) => ({ ...group, clauses: group.clauses.filter((clause) => clause.id !== clauseId) }))
    .filter((group) => group.clauses.length > 0)
  return { ...draft, groups: groups.length > 0 ? groups : [{ id: nextId(draft), clauses: [] }] }
}

/** Changes one clause. */
export function updateClause(
  draft: SearchDraft,
  clauseId: number,
  change: Partial<Omit<ClauseDraft, 'id'>>,
): SearchDraft {
  return {
    ...draft,
    groups: draft.groups.map((group) => ({
      ...group,
      clauses: group.clauses.map((clause) => (clause.id === clauseId ? { ...clause, ...change } : clause)),
    })),
  }
}

/**
 * The query the host runs. Clauses without an attribute are left out; a value-taking clause with an empty value
 * is kept (Equals "" matches nothing), presence clauses send no value.
 */
export function toMetaverseQuery(draft: SearchDraft): MetaverseQuery {
  const groups = draft.groups
    .map((group) => ({
      clauses: group.clauses
        .filter((clause) => clause.attribute.trim() !== '')
        .map((clause): SearchClause =>
          operatorTakesValue(clause.operator)
            ? { attribute: clause.attribute.trim(), operator: clause.operator, value: clause.value }
            : { attribute: clause.attribute.trim(), operator: clause.operator },
        ),
    }))
    .filter((group) => group.clauses.length > 0)
  return draft.objectType === '' ? { groups } : { objectType: draft.objectType, groups }
}
