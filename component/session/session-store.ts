// Login sessions (spec: "Login"): a sender's bare JID bound to a customer in
// Redis for a sliding time, renewed by every request that uses it.
//
// Each instance also remembers the sessions it has seen lately. A session
// checked against Redis in the last two seconds is taken from memory: a
// customer's burst of requests costs one Redis round trip, not one each.
// While Redis is away those customers keep being served from that memory.
// Redis stays the truth whenever it answers: a session gone from it (expired,
// deleted by an admin, lost in a restart) is gone here too. New logins wait
// for Redis: the login throttle lives there.
import { LRUCache } from "lru-cache";

import type { CustomerAccount } from "../backend/telco-backend";
import { TelcoError } from "../errors";
import type { RedisConnection } from "./redis-client";
import { sessionKey } from "./redis-keys";
import { storeCall } from "./store-errors";

export interface Session {
  customerCode: string;
  contracts: Array<{ id: string; lines: string[] }>;
}

/** Enough for every customer active on one instance within a session TTL. */
const REMEMBERED_SESSIONS = 50_000;
/** How long a session read from Redis is trusted without asking again. */
const RECHECK_AFTER_MS = 2000;

interface Remembered {
  session: Session;
  checkedAt: number;
}

export class SessionStore {
  private readonly remembered: LRUCache<string, Remembered>;

  constructor(
    private readonly redis: RedisConnection,
    private readonly ttlSeconds: number,
  ) {
    // Never outlives the Redis copy: both slide by the same TTL, and Redis
    // also slides on other instances' reads.
    this.remembered = new LRUCache({
      max: REMEMBERED_SESSIONS,
      ttl: ttlSeconds * 1000,
      updateAgeOnGet: true,
    });
  }

  async open(bareJid: string, account: CustomerAccount): Promise<Session> {
    const session: Session = {
      customerCode: account.customerCode,
      contracts: account.contracts.map(({ id, lines }) => ({
        id,
        lines: [...lines],
      })),
    };

    await storeCall(() => this.save(bareJid, session));
    return this.remember(bareJid, session);
  }

  /** The sender's session, its lifetime renewed; null when there is none. */
  async find(bareJid: string): Promise<Session | null> {
    const known = this.remembered.get(bareJid);
    if (known && Date.now() - known.checkedAt < RECHECK_AFTER_MS)
      return known.session;

    let value: string | null;
    try {
      value = await this.redis.getex(
        sessionKey(bareJid),
        "EX",
        this.ttlSeconds,
      );
    } catch (err) {
      if (known) return known.session;
      throw TelcoError.because(err, "STORE_UNAVAILABLE");
    }

    if (value !== null)
      return this.remember(bareJid, JSON.parse(value) as Session);
    // Gone from Redis means logged out (expired, or deleted by an admin).
    this.remembered.delete(bareJid);
    return null;
  }

  async close(bareJid: string): Promise<void> {
    this.remembered.delete(bareJid);
    await storeCall(() => this.redis.del(sessionKey(bareJid)));
  }

  private remember(bareJid: string, session: Session): Session {
    this.remembered.set(bareJid, { session, checkedAt: Date.now() });
    return session;
  }

  private async save(bareJid: string, session: Session): Promise<void> {
    const value = JSON.stringify(session);
    await this.redis.set(sessionKey(bareJid), value, "EX", this.ttlSeconds);
  }
}

export function linesOf(session: Session): string[] {
  return session.contracts.flatMap((contract) => contract.lines);
}
