import {
  type FlowType,
  type LinkType,
  type MergeType,
  type RuleDirection,
  normalizeScopeOperator,
  SCOPE_OPERATORS,
  type ScopeOperator,
} from '../../model/sync-rule'

/** Enum values in engine order, so that a numeric cast (`-LinkType 2`) means what PowerShell means. */
const LINK_TYPES: readonly LinkType[] = ['Provision', 'StickyJoin', 'Join', 'JoinNoFlow']
const FLOW_TYPES: readonly FlowType[] = ['Direct', 'Constant', 'Expression']
const MERGE_TYPES: readonly MergeType[] = ['Update', 'Replace', 'MergeCaseInsensitive', 'Merge']
const DIRECTIONS: readonly RuleDirection[] = ['Inbound', 'Outbound']

/** The allowed spellings of each rule enum, for messages. */
export const ENUM_CHOICES = {
  direction: DIRECTIONS,
  linkType: LINK_TYPES,
  flowType: FLOW_TYPES,
  mergeType: MERGE_TYPES,
} as const

/** Reads `Inbound` / `Outbound` in any case; null otherwise. */
export function parseDirection(text: string): RuleDirection | null {
  return byName(DIRECTIONS, text)
}

/** Reads a link type by name (any case) or by its engine number. */
export function parseLinkType(text: string): LinkType | null {
  return byNameOrNumber(LINK_TYPES, text)
}

/** Reads a flow type by name (any case) or by its engine number. */
export function parseFlowType(text: string): FlowType | null {
  return byNameOrNumber(FLOW_TYPES, text)
}

/** Reads a value merge type by name (any case) or by its engine number. */
export function parseMergeType(text: string): MergeType | null {
  return byNameOrNumber(MERGE_TYPES, text)
}

/** Reads a scoping operator by name (`ISNOTBITSET` becomes `ISBITNOTSET`) or by its engine number. */
export function parseScopeOperator(text: string): ScopeOperator | null {
  return normalizeScopeOperator(text) ?? byNumber(SCOPE_OPERATORS, text)
}

/** Reads a boolean written as `True`/`False` (any case) or `1`/`0`. */
export function parseBooleanText(text: string): boolean | null {
  const lower = text.trim().toLowerCase()
  if (lower === 'true' || lower === '1') return true
  if (lower === 'false' || lower === '0') return false
  return null
}

/**
 * A stable GUID-shaped id for a rule without `-Identifier`: the same name always gives the same id.
 * Four FNV-1a lanes with different seeds give 128 bits; version nibble 8 marks it as a custom UUID.
 */
export function derivedRuleId(name: string): string {
  const seeds = [0x811c9dc5, 0x01000193, 0x5bd1e995, 0x27d4eb2f]
  const lanes = seeds.map((seed, lane) => {
    let hash = (seed ^ lane) >>> 0
    for (let index = 0; index < name.length; index++) {
      hash ^= name.charCodeAt(index)
      hash = Math.imul(hash, 0x01000193) >>> 0
    }
    hash ^= name.length + lane
    return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0
  })
  const hex = lanes.map((lane) => lane.toString(16).padStart(8, '0')).join('')
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

function byName<T extends string>(choices: readonly T[], text: string): T | null {
  const lower = text.trim().toLowerCase()
  return choices.find((choice) => choice.toLowerCase() === lower) ?? null
}

function byNumber<T extends string>(choices: readonly T[], text: string): T | null {
  const trimmed = text.trim()
  return /^\d+$/.test(trimmed) ? (choices[Number(trimmed)] ?? null) : null
}

function byNameOrNumber<T extends string>(choices: readonly T[], text: string): T | null {
  return byName(choices, text) ?? byNumber(choices, text)
}
