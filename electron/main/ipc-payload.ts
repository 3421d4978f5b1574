import type { RuleFilter } from '../../shared/app/host-api'
import type { InvokeArgs, InvokeChannel } from '../../shared/app/ipc-channels'
import type { RuleDirection } from '../../shared/model/sync-rule'
import { RECENT_ID_PATTERN } from './recent'
import {
  connectorSpaceSearchRequest,
  diagnoseRequest,
  exportReportArgs,
  flowDetailRequest,
  metaverseSearchRequest,
  objectTarget,
  reportRequest,
} from './view-payload'

/** Longest path accepted from the renderer (the Windows long-path limit). */
export const MAX_PATH_LENGTH = 32_767

/** Most paths one drop may carry; a picked folder arrives as its one root path. */
export const MAX_DROPPED_PATHS = 1_000

/** Longest id or filter text accepted from the renderer. */
export const MAX_TEXT_LENGTH = 1_024

type Validators = { readonly [K in InvokeChannel]: (args: readonly unknown[]) => InvokeArgs<K> | null }

const none = (args: readonly unknown[]): [] | null => (args.length === 0 ? [] : null)

const VALIDATORS: Validators = {
  'snapshot:open-dialog': none,
  'snapshot:open-paths': (args) => {
    const [paths] = args
    if (args.length !== 1 || !Array.isArray(paths)) return null
    if (paths.length === 0 || paths.length > MAX_DROPPED_PATHS) return null
    return paths.every(isPlausiblePath) ? [paths as string[]] : null
  },
  'snapshot:open-training': none,
  'snapshot:open-recent': (args) => oneText(args, RECENT_ID_PATTERN),
  'snapshot:list-recent': none,
  'snapshot:cancel': none,
  'snapshot:close': none,
  'snapshot:get-state': none,
  'rules:list': (args) => {
    const filter = args.length === 1 ? ruleFilter(args[0]) : null
    return filter ? [filter] : null
  },
  'rules:get': (args) => oneText(args, null),
  'views:search-metaverse': (args) => one(args, metaverseSearchRequest),
  'views:search-connector-space': (args) => one(args, connectorSpaceSearchRequest),
  'views:object-report': (args) => one(args, objectTarget),
  'views:cs-object': (args) => oneText(args, null),
  'views:diagnose': (args) => one(args, diagnoseRequest),
  'views:flow-detail': (args) => one(args, flowDetailRequest),
  'views:metaverse-attributes': none,
  'views:report': (args) => one(args, reportRequest),
  'report:export': exportReportArgs,
}

/**
 * The arguments of an invoke message, checked against what the channel takes; null when they do not fit.
 *
 * The renderer is treated as untrusted input: types, counts and lengths are all checked, and objects
 * are rebuilt from known fields only, so nothing else a page might attach reaches the main process.
 */
export function validateInvokeArgs<K extends InvokeChannel>(
  channel: K,
  args: readonly unknown[],
): InvokeArgs<K> | null {
  const validate: (args: readonly unknown[]) => InvokeArgs<K> | null = VALIDATORS[channel]
  return validate(args)
}

function isPlausiblePath(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length > 0 && value.length <= MAX_PATH_LENGTH && !value.includes('\0')
  )
}

/** One argument, rebuilt by `parse` from its known fields. */
function one<T>(args: readonly unknown[], parse: (value: unknown) => T | null): [T] | null {
  const value = args.length === 1 ? parse(args[0]) : null
  return value === null ? null : [value]
}

function oneText(args: readonly unknown[], pattern: RegExp | null): [string] | null {
  const [value] = args
  if (args.length !== 1 || typeof value !== 'string') return null
  if (value.length === 0 || value.length > MAX_TEXT_LENGTH) return null
  return pattern === null || pattern.test(value) ? [value] : null
}

const DIRECTIONS: readonly RuleDirection[] = ['Inbound', 'Outbound']
const TEXT_FIELDS = ['connectorId', 'connectedObjectType', 'metaverseObjectType', 'attribute'] as const

function ruleFilter(value: unknown): RuleFilter | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const read = (key: string): unknown =>
    Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
  const direction = read('direction')
  if (direction !== undefined && !DIRECTIONS.includes(direction as RuleDirection)) return null
  const filter: { -readonly [K in keyof RuleFilter]: RuleFilter[K] } = {}
  if (direction !== undefined) filter.direction = direction as RuleDirection
  for (const field of TEXT_FIELDS) {
    const text = read(field)
    if (text === undefined) continue
    if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) return null
    filter[field] = text
  }
  return filter
}
