import { cachedRuleIndex } from './diagnose'
import type { MvAttributeLookup } from './join'
import type { RuleIndex } from './rule-index'
import { mvIdsWithValue } from '../store/mv-lookup'
import type { LoadedSnapshot } from '../load/load-snapshot'

/** What the engine needs of a loaded snapshot, built once per snapshot. */
export interface EngineContext {
  readonly ruleIndex: RuleIndex
  /** Metaverse ids with a value equal to `value` (case-insensitive), for join evaluation. */
  readonly mvLookup: MvAttributeLookup
}

const contexts = new WeakMap<LoadedSnapshot, EngineContext>()

/** The engine context of a snapshot (rule index and metaverse value lookup), cached. */
export function engineContext(snapshot: LoadedSnapshot): EngineContext {
  const cached = contexts.get(snapshot)
  if (cached) return cached
  const { rules, connectors } = snapshot.configuration
  const store = snapshot.objects
  const context: EngineContext = {
    ruleIndex: cachedRuleIndex(rules, connectors),
    mvLookup: (attribute, value) => mvIdsWithValue(store, attribute, value),
  }
  contexts.set(snapshot, context)
  return context
}
