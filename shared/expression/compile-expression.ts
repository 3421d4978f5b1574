/** Parses each expression text once: the engine evaluates the same ~400 texts for every object. */
import type { ParseResult } from './ast'
import { parseExpression } from './parse-expression'

const CACHE_LIMIT = 4096
const LONGEST_CACHED_TEXT = 64 * 1024
const cache = new Map<string, ParseResult>()

/** The parse result of a text, from an LRU cache of recent texts. */
export function compileExpression(text: string): ParseResult {
  const hit = cache.get(text)
  if (hit !== undefined) {
    cache.delete(text)
    cache.set(text, hit)
    return hit
  }
  const result = parseExpression(text)
  if (text.length <= LONGEST_CACHED_TEXT) {
    cache.set(text, result)
    if (cache.size > CACHE_LIMIT) {
      const oldest = cache.keys().next()
      if (!oldest.done) cache.delete(oldest.value)
    }
  }
  return result
}
