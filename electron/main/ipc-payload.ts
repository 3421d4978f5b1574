import * as z from 'zod/mini'
import { fixDraftSchema } from '../../shared/app/fix-queries'
import type { InvokeArgs, InvokeChannel } from '../../shared/app/ipc-channels'
import { comparisonReportFormat } from '../../shared/app/comparison-queries'
import { nameSchema, reportFormat } from '../../shared/app/view-queries'
import { RECENT_ID_PATTERN } from './recent'

/** Longest path accepted from the renderer (the Windows long-path limit). */
export const MAX_PATH_LENGTH = 32_767

/** Longest error report the window may log (details beyond it are cut before sending). */
export const MAX_ERROR_DETAILS = 20_000

/** Most paths one drop may carry; a picked folder arrives as its one root path. */
export const MAX_DROPPED_PATHS = 1_000

const path = z.string().check(
  z.minLength(1),
  z.maxLength(MAX_PATH_LENGTH),
  z.refine((text) => !text.includes('\0')),
)

/** The argument tuple of each host command, as schemas (the queries' come from the query table). */
const COMMAND_ARGS: { readonly [K in InvokeChannel]: z.ZodMiniType<InvokeArgs<K>> } = {
  'snapshot:open-dialog': z.tuple([]),
  'snapshot:open-paths': z.tuple([z.array(path).check(z.minLength(1), z.maxLength(MAX_DROPPED_PATHS))]),
  'snapshot:open-training': z.tuple([]),
  'snapshot:open-recent': z.tuple([z.string().check(z.regex(RECENT_ID_PATTERN))]),
  'snapshot:list-recent': z.tuple([]),
  'snapshot:cancel': z.tuple([]),
  'snapshot:close': z.tuple([]),
  'snapshot:get-state': z.tuple([]),
  'report:export': z.tuple([reportFormat, z.optional(nameSchema)]) as z.ZodMiniType<
    InvokeArgs<'report:export'>
  >,
  'fix:save-script': z.tuple([fixDraftSchema]) as z.ZodMiniType<InvokeArgs<'fix:save-script'>>,
  'log:error': z.tuple([z.string().check(z.minLength(1), z.maxLength(MAX_ERROR_DETAILS))]),
  'comparison:open-dialog': z.tuple([]),
  'comparison:open-paths': z.tuple([z.array(path).check(z.minLength(1), z.maxLength(MAX_DROPPED_PATHS))]),
  'comparison:cancel': z.tuple([]),
  'comparison:close': z.tuple([]),
  'comparison:get-state': z.tuple([]),
  'comparison:impact': z.tuple([]),
  'comparison:cancel-impact': z.tuple([]),
  'comparison:export': z.tuple([comparisonReportFormat]),
}

/**
 * The arguments of a command message, checked against what the channel takes; null when they do not fit.
 *
 * The renderer is treated as untrusted input: types, counts and lengths are all checked, and objects are
 * rebuilt from known fields only, so nothing else a page might attach reaches the main process. An optional
 * argument given as `undefined` counts as absent.
 */
export function validateInvokeArgs<K extends InvokeChannel>(
  channel: K,
  args: readonly unknown[],
): InvokeArgs<K> | null {
  if (!Object.hasOwn(COMMAND_ARGS, channel)) return null
  const parsed = z.safeParse(COMMAND_ARGS[channel], args)
  if (!parsed.success) return null
  const rebuilt: unknown[] = [...parsed.data]
  while (rebuilt.length > 0 && rebuilt.at(-1) === undefined) rebuilt.pop()
  return rebuilt as InvokeArgs<K>
}
