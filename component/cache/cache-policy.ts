// How long the line cache keeps what, and how long instances wait for each
// other: set once from the configuration (docs/caching.md).
import type { Section } from "./sections";

export interface CachePolicy {
  /** How long a value counts as fresh; 0 turns caching of that section off. */
  ttlMs: Record<Section, number>;
  /** How long past its freshness a value may still stand in for a failed load. */
  staleMaxMs: number;
  /** How long other instances wait for one that is loading a value. */
  leaseMs: number;
}

/** How long an entry stays in Redis: fresh, then usable as a stale copy. */
export function lifetimeMs(policy: CachePolicy, section: Section): number {
  return policy.ttlMs[section] + policy.staleMaxMs;
}
