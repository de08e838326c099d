// Who holds the link to the XMPP server, as a short lease in Redis, so that a
// standby learns within a couple of seconds that the active instance has
// gone, without knocking on a server that refuses a second connection
// (Prosody logs an error for every refused attempt). docs/scaling.md.
import { randomUUID } from "node:crypto";

/** The few Redis commands a lease needs (a server or a Cluster has them). */
export interface LeaseStore {
  set(key: string, value: string, mode: "PX", ms: number): Promise<unknown>;
  get(key: string): Promise<string | null>;
  eval(
    script: string,
    keys: number,
    ...args: Array<string | number>
  ): Promise<unknown>;
}

export interface LeaseTimings {
  /** How long the lease outlives its holder's last renewal. */
  ttlMs: number;
  renewMs: number;
  /** How often a standby looks at the lease. */
  pollMs: number;
}

// A crashed holder's lease lapses within TTL_MS; a clean stop frees it at once.
export const LEASE_TIMINGS: LeaseTimings = {
  ttlMs: 2000,
  renewMs: 500,
  pollMs: 250,
};

// Frees the lease only if it is still ours: on a server that balances over
// several connections (ejabberd), other instances may hold it too.
const RELEASE_IF_OURS = `if redis.call("get", KEYS[1]) == ARGV[1] then
  return redis.call("del", KEYS[1])
end
return 0`;

export class LinkLease {
  private readonly holder = randomUUID();
  private renewTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: LeaseStore,
    private readonly key: string,
    private readonly timings: LeaseTimings = LEASE_TIMINGS,
  ) {}

  /** This instance is online: say so, and keep saying so. */
  hold(): void {
    this.stopRenewing();
    const renew = () =>
      this.store
        .set(this.key, this.holder, "PX", this.timings.ttlMs)
        .catch(() => undefined); // Redis away: the lease lapses, a standby knocks once

    void renew();
    this.renewTimer = setInterval(renew, this.timings.renewMs);
    this.renewTimer.unref();
  }

  /** This instance lost the link or is stopping. */
  async release(): Promise<void> {
    const held = this.renewTimer !== undefined;
    this.stopRenewing();
    if (!held) return;

    await this.store
      .eval(RELEASE_IF_OURS, 1, this.key, this.holder)
      .catch(() => undefined);
  }

  /**
   * Calls `released` each time a lease that was seen held is gone: its holder
   * stopped, or died and the lease lapsed. A lease never seen held calls
   * nothing (its holder may not take leases), so a standby keeps knocking on
   * its own schedule as well. Runs until `signal` aborts.
   */
  async watch(signal: AbortSignal, released: () => void): Promise<void> {
    let seenHeld = false;

    while (!signal.aborted) {
      const value = await this.store.get(this.key).catch(() => undefined);
      if (value) seenHeld = true;
      else if (value === null && seenHeld) {
        seenHeld = false;
        released();
      }

      await pause(this.timings.pollMs, signal);
    }
  }

  private stopRenewing(): void {
    clearInterval(this.renewTimer);
    this.renewTimer = undefined;
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    timer.unref();
    signal.addEventListener("abort", finish, { once: true });

    function finish() {
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      done();
    }
  });
}
