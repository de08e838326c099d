// Fakes for unit tests: sessions, ad-hoc sessions and a login throttle kept
// in memory, and a logger whose lines can be read back.
import type {
  AdhocSession,
  AdhocSessionStore,
} from "../../component/adhoc/session-store";
import type { CustomerAccount } from "../../component/backend/telco-backend";
import { createLogger, type Logger } from "../../component/logger";
import type { LoginThrottle } from "../../component/session/login-throttle";
import type {
  Session,
  SessionStore,
} from "../../component/session/session-store";
import { logSink } from "../support/log-sink";

export class FakeSessions {
  readonly sessions = new Map<string, Session>();

  async open(bareJid: string, account: CustomerAccount): Promise<Session> {
    const session = {
      customerCode: account.customerCode,
      contracts: account.contracts.map(({ id, lines }) => ({ id, lines })),
    };
    this.sessions.set(bareJid, session);
    return session;
  }

  async find(bareJid: string): Promise<Session | null> {
    return this.sessions.get(bareJid) ?? null;
  }

  async close(bareJid: string): Promise<void> {
    this.sessions.delete(bareJid);
  }

  asStore(): SessionStore {
    return this as unknown as SessionStore;
  }
}

export function fakeThrottle(): LoginThrottle {
  return {
    assertAllowed: async () => undefined,
    recordFailure: async () => undefined,
    reset: async () => undefined,
  } as unknown as LoginThrottle;
}

export function capturingLogger(): {
  log: Logger;
  lines: Array<Record<string, unknown>>;
  text: () => string;
} {
  const sink = logSink();
  return {
    log: createLogger("debug", sink.stream),
    lines: sink.lines,
    text: sink.text,
  };
}

/** Ad-hoc command sessions kept in memory, with the Redis store's interface. */
export class FakeAdhocSessions implements AdhocSessionStore {
  readonly sessions = new Map<string, AdhocSession>();

  async save(sender: string, id: string, session: AdhocSession): Promise<void> {
    this.sessions.set(`${sender} ${id}`, structuredClone(session));
  }

  async load(sender: string, id: string): Promise<AdhocSession | null> {
    const session = this.sessions.get(`${sender} ${id}`);
    return session ? structuredClone(session) : null;
  }

  async remove(sender: string, id: string): Promise<void> {
    this.sessions.delete(`${sender} ${id}`);
  }
}
