// Read-through cache of a line's dashboard sub-results, shared by every
// instance through Redis. A lookup is fresh (hit), or loads once for all
// concurrent askers (single flight here, a Redis lease across instances), or
// falls back to a recent stale copy when the load fails. While Redis is away
// the cache steps aside and every lookup goes to the backend.
import type { Logger } from "../logger";
import type { CacheResult, Metrics } from "../metrics";
import { lifetimeMs, type CachePolicy } from "./cache-policy";
import {
  freshValue,
  type LineCacheStore,
  type Snapshot,
} from "./line-cache-store";
import { SECTIONS, type Section } from "./sections";
import { SharedLoad } from "./shared-load";
import { SingleFlight } from "./single-flight";
import { StoreHealth } from "./store-health";

type Load<T> = () => Promise<T>;

export class SubResultCache {
  private readonly flights = new SingleFlight();
  private readonly health: StoreHealth;
  private readonly sharedLoad: SharedLoad;
  /** Lines whose invalidation could not reach Redis; retried before any read. */
  private readonly pendingInvalidations = new Set<string>();

  constructor(
    private readonly store: LineCacheStore,
    private readonly policy: CachePolicy,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {
    this.health = new StoreHealth(log, metrics);
    this.sharedLoad = new SharedLoad(store, this.health, policy);
  }

  async read<T>(msisdn: string, section: Section, load: Load<T>): Promise<T> {
    if (this.policy.ttlMs[section] === 0) return load();

    if (this.pendingInvalidations.size > 0)
      await this.retryPendingInvalidations();
    const snapshot = await this.health.attempt(() =>
      this.store.read(msisdn, section),
    );
    if (!snapshot) {
      this.record(section, "bypass");
      return this.flights.run(`${msisdn}:${section}:bypass`, load, () =>
        this.record(section, "shared"),
      );
    }

    const fresh = freshValue(snapshot, this.policy.ttlMs[section]);
    if (fresh !== undefined) {
      this.record(section, "hit");
      return fresh as T;
    }

    this.record(section, "miss");
    return this.flights.run(
      `${msisdn}:${section}:${snapshot.generation}`,
      () => this.refresh(msisdn, section, snapshot, load),
      () => this.record(section, "shared"),
    );
  }

  /**
   * Makes the line's cached values obsolete on every instance. Resolves once
   * Redis has it (or, with Redis away, once it is queued for its return), so
   * a reply sent afterwards never races an old value.
   */
  async invalidate(msisdn: string): Promise<void> {
    this.flights.forget(`${msisdn}:`);

    const done = await this.health.attempt(async () => {
      await this.store.invalidate(msisdn, this.longestLifetimeMs());
      return true;
    });
    if (!done) this.pendingInvalidations.add(msisdn);
  }

  private async refresh<T>(
    msisdn: string,
    section: Section,
    snapshot: Snapshot,
    load: Load<T>,
  ): Promise<T> {
    try {
      return await this.sharedLoad.run(
        msisdn,
        section,
        snapshot.generation,
        load,
      );
    } catch (err) {
      const stale = freshValue(snapshot, lifetimeMs(this.policy, section));
      if (stale === undefined) throw err;

      this.record(section, "stale");
      this.log.warn(
        { section, err, ageMs: Date.now() - (snapshot.entry?.fetchedAt ?? 0) },
        "backend query failed: answering from an older cached copy",
      );
      return stale as T;
    }
  }

  private async retryPendingInvalidations(): Promise<void> {
    for (const msisdn of this.pendingInvalidations) {
      const done = await this.health.attempt(async () => {
        await this.store.invalidate(msisdn, this.longestLifetimeMs());
        return true;
      });
      if (!done) return;
      this.pendingInvalidations.delete(msisdn);
    }
  }

  private longestLifetimeMs(): number {
    return Math.max(
      ...SECTIONS.map((section) => lifetimeMs(this.policy, section)),
    );
  }

  private record(section: Section, result: CacheResult): void {
    this.metrics.cacheLookups.inc({ section, result });
    this.log.debug({ section, result }, "cache lookup");
  }
}
