// Loads a value missing from the line cache once for every instance: the
// first to miss takes a short lease in Redis and loads; the others poll for
// what it writes. The lease only saves work: if it lapses and two loads run,
// both values are right, and the generation check keeps a load that an
// invalidation overtook from being written.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

import { lifetimeMs, type CachePolicy } from "./cache-policy";
import { freshValue, type LineCacheStore } from "./line-cache-store";
import type { Section } from "./sections";
import type { StoreHealth } from "./store-health";

type Load<T> = () => Promise<T>;

const POLL_FIRST_MS = 5;
const POLL_MAX_MS = 50;

export class SharedLoad {
  constructor(
    private readonly store: LineCacheStore,
    private readonly health: StoreHealth,
    private readonly policy: CachePolicy,
  ) {}

  /** Resolves with the value this instance or another one loaded. */
  async run<T>(
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
      this.store.write(
        msisdn,
        section,
        entry,
        lifetimeMs(this.policy, section),
        token,
      ),
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

      const value = freshValue(snapshot, ttl);
      if (value !== undefined) return value;

      const held = await this.health.attempt(() =>
        this.store.leaseHeld(msisdn, section),
      );
      if (!held) return undefined;
    }
    return undefined;
  }
}
