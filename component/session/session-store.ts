// Login sessions (spec: "Login"): a sender's bare JID bound to a customer in
// Redis for a sliding time, renewed by every request that uses it.

import type { RedisConnection } from "./redis-client";
import type { CustomerAccount } from "../backend/telco-backend";
import { sessionKey } from "./redis-keys";
import { storeCall } from "./store-errors";

export interface Session {
  customerCode: string;
  contracts: Array<{ id: string; lines: string[] }>;
}

export class SessionStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly ttlSeconds: number,
  ) {}

  async open(bareJid: string, account: CustomerAccount): Promise<Session> {
    const session: Session = {
      customerCode: account.customerCode,
      contracts: account.contracts.map(({ id, lines }) => ({
        id,
        lines: [...lines],
      })),
    };

    const value = JSON.stringify(session);
    await storeCall(() =>
      this.redis.set(sessionKey(bareJid), value, "EX", this.ttlSeconds),
    );
    return session;
  }

  /** The sender's session, its lifetime renewed; null when there is none. */
  async find(bareJid: string): Promise<Session | null> {
    const value = await storeCall(() =>
      this.redis.getex(sessionKey(bareJid), "EX", this.ttlSeconds),
    );
    return value === null ? null : (JSON.parse(value) as Session);
  }

  async close(bareJid: string): Promise<void> {
    await storeCall(() => this.redis.del(sessionKey(bareJid)));
  }
}

export function linesOf(session: Session): string[] {
  return session.contracts.flatMap((contract) => contract.lines);
}
