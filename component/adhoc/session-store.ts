// Ad-hoc command sessions (XEP-0050 §3.3) in Redis, beside the login
// sessions: a multi-step command may go on through any component instance.
// A session holds the stage reached and the answers given so far, never a
// password (the login form has one stage and is never stored), and lasts
// ADHOC_TTL_SECONDS after its last step.
import { randomBytes } from "node:crypto";

import type { RedisConnection } from "../session/redis-client";
import { adhocSessionKey } from "../session/redis-keys";
import { storeCall } from "../session/store-errors";

export interface AdhocSession {
  node: string;
  stage: number;
  values: Record<string, string>;
}

// What we hand out: 22 base64url characters of randomness.
const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;

export function newSessionId(): string {
  return randomBytes(16).toString("base64url");
}

/** A session id we could have issued; anything else is refused before it reaches a key. */
export function isSessionId(value: string): boolean {
  return SESSION_ID.test(value);
}

/** The store's interface, so that unit tests can keep sessions in memory. */
export interface AdhocSessionStore {
  save(sender: string, id: string, session: AdhocSession): Promise<void>;
  load(sender: string, id: string): Promise<AdhocSession | null>;
  remove(sender: string, id: string): Promise<void>;
}

export class RedisAdhocSessions implements AdhocSessionStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly ttlSeconds: number,
  ) {}

  async save(sender: string, id: string, session: AdhocSession): Promise<void> {
    const value = JSON.stringify(session);
    await storeCall(() =>
      this.redis.set(adhocSessionKey(sender, id), value, "EX", this.ttlSeconds),
    );
  }

  async load(sender: string, id: string): Promise<AdhocSession | null> {
    const value = await storeCall(() =>
      this.redis.get(adhocSessionKey(sender, id)),
    );
    return value === null ? null : (JSON.parse(value) as AdhocSession);
  }

  async remove(sender: string, id: string): Promise<void> {
    await storeCall(() => this.redis.del(adhocSessionKey(sender, id)));
  }
}
