// Read-through cache of a line's dashboard sub-results, shared by every
// instance through Redis. A lookup is fresh (hit), or loads once for all
// concurrent askers (single flight here, a Redis lease across instances), or
// falls back to a recent stale copy when the load fails. While Redis is away
// the cache steps aside and every lookup goes to the backend.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

import type { Logger } from "../logger";
import type { CacheResult, Metrics } from "../metrics";
import type { LineCacheStore, Snapshot } from "./line-cache-store";
import { SECTIONS, type Section } from "./sections";
import { SingleFlight } from "./single-flight";
import { StoreHealth } from "./store-health";

export interface CachePolicy {
  /** How long a value counts as fresh; 0 turns caching of that section off. */
  ttlMs: Record<Section, number>;
  /** How long past its freshness a value may still stand in for a failed load. */
  staleMaxMs: number;
  /** How long other instances wait for one that is loading a value. */
  leaseMs: number;
}

type Load<T> = () => Promise<T>;

const POLL_FIRST_MS = 5;
const POLL_MAX_MS = 50;

export class SubResultCache {
  private readonly flights = new SingleFlight();
  private readonly health: StoreHealth;
  /** Lines whose invalidation could not reach Redis; retried before any read. */
  private readonly pendingInvalidations = new Set<string>();

  constructor(
    private readonly store: LineCacheStore,
    private readonly policy: CachePolicy,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {
    this.health = new StoreHealth(log, metrics);
  }

  async read<T>(msisdn: string, section: Section, load: Load<T>): Promise<T> {
    if (this.policy.ttlMs[section] === 0) return load();

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

    const fresh = this.usable(snapshot, this.policy.ttlMs[section]);
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
      return await this.loadOnce(msisdn, section, snapshot.generation, load);
    } catch (err) {
      const stale = this.usable(snapshot, this.lifetimeMs(section));
      if (stale === undefined) throw err;

      this.record(section, "stale");
      this.log.warn(
        { section, err, ageMs: Date.now() - (snapshot.entry?.fetchedAt ?? 0) },
        "backend query failed: answering from an older cached copy",
      );
      return stale as T;
    }
  }

  /**
   * Loads under a lease, so that other instances wait for this load instead
   * of repeating it. The lease only saves work: if it lapses and two loads
   * run, both values are right, and the generation check keeps a load that
   * an invalidation overtook from being written.
   */
  private async loadOnce<T>(
    msisdn: string,
    section: Section,
    generation: string,
    load: Load<T>,
  ): Promise<T> {
    const token = randomUUID();
    const giveUpAt = Date.now() + this.policy.leaseMs;

    for (;;) {
      const leased = await this.health.attempt(() =>
        this.store.takeLease(msisdn, section, token, this.policy.leaseMs),
      );
      // Without Redis there is no one to coordinate with: just load.
      if (leased !== false)
        return this.loadAndStore(msisdn, section, generation, token, load);

      const filled = await this.waitForOtherLoad(
        msisdn,
        section,
        generation,
        giveUpAt,
      );
      if (filled !== undefined) return filled as T;
      if (Date.now() >= giveUpAt)
        return this.loadAndStore(msisdn, section, generation, token, load);
    }
  }

  private async loadAndStore<T>(
    msisdn: string,
    section: Section,
    generation: string,
    token: string,
    load: Load<T>,
  ): Promise<T> {
    let value: T;
    try {
      value = await load();
    } catch (err) {
      await this.health.attempt(() =>
        this.store.releaseLease(msisdn, section, token),
      );
      throw err;
    }

    const entry = { generation, fetchedAt: Date.now(), value };
    await this.health.attempt(() =>
      this.store.write(msisdn, section, entry, this.lifetimeMs(section), token),
    );
    return value;
  }

  /**
   * Polls until the instance holding the lease has written a value, or its
   * lease is gone (its load failed, or it died), or our patience runs out.
   */
  private async waitForOtherLoad(
    msisdn: string,
    section: Section,
    generation: string,
    giveUpAt: number,
  ): Promise<unknown> {
    const ttl = this.policy.ttlMs[section];

    for (let pause = POLL_FIRST_MS; Date.now() < giveUpAt;) {
      await sleep(Math.min(pause, Math.max(1, giveUpAt - Date.now())));
      pause = Math.min(pause * 2, POLL_MAX_MS);

      const snapshot = await this.health.attempt(() =>
        this.store.read(msisdn, section),
      );
      if (!snapshot || snapshot.generation !== generation) return undefined;

      const value = this.usable(snapshot, ttl);
      if (value !== undefined) return value;

      const held = await this.health.attempt(() =>
        this.store.leaseHeld(msisdn, section),
      );
      if (!held) return undefined;
    }
    return undefined;
  }

  /** The snapshot's value if it belongs to the current generation and is young enough. */
  private usable(snapshot: Snapshot, maxAgeMs: number): unknown {
    const entry = snapshot.entry;
    if (!entry || entry.generation !== snapshot.generation) return undefined;
    if (Date.now() - entry.fetchedAt >= maxAgeMs) return undefined;
    return entry.value;
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

  private lifetimeMs(section: Section): number {
    return this.policy.ttlMs[section] + this.policy.staleMaxMs;
  }

  private longestLifetimeMs(): number {
    return Math.max(...SECTIONS.map((section) => this.lifetimeMs(section)));
  }

  private record(section: Section, result: CacheResult): void {
    this.metrics.cacheLookups.inc({ section, result });
    this.log.debug({ section, result }, "cache lookup");
  }
}
