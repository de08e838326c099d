// The shape every telco command shares: a validated payload in, the reply's
// own fields out. The common fields (error, reason, status) are added later.
import type { TelcoBackend } from "../backend/telco-backend";
import type { Logger } from "../logger";
import type { LoginThrottle } from "../session/login-throttle";
import type { Session, SessionStore } from "../session/session-store";
import type { TrustedDomains } from "../session/trusted-domains";

export interface CommandDeps {
  backend: TelcoBackend;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  /** Senders of these domains are logged in without a password; absent: nobody. */
  trustedDomains?: TrustedDomains;
}

export interface CommandContext<P> {
  payload: P;
  /** The sender's bare JID: whose session this is. */
  sender: string;
  /** The request's stanza id, the base of idempotency keys. */
  stanzaId: string;
  log: Logger;
  deps: CommandDeps;
}

export interface SessionContext<P> extends CommandContext<P> {
  session: Session;
}

export type ReplyFields = Record<string, unknown>;

export type Command =
  | {
      action: string;
      needsSession: false;
      run(ctx: CommandContext<never>): Promise<ReplyFields>;
    }
  | {
      action: string;
      needsSession: true;
      run(ctx: SessionContext<never>): Promise<ReplyFields>;
    };

/** Declares a command that needs a logged-in customer. */
export function withSession<P>(
  action: string,
  run: (ctx: SessionContext<P>) => Promise<ReplyFields>,
): Command {
  return {
    action,
    needsSession: true,
    run: run as (ctx: SessionContext<never>) => Promise<ReplyFields>,
  };
}

/** Declares a command open to anyone (only the login). */
export function withoutSession<P>(
  action: string,
  run: (ctx: CommandContext<P>) => Promise<ReplyFields>,
): Command {
  return {
    action,
    needsSession: false,
    run: run as (ctx: CommandContext<never>) => Promise<ReplyFields>,
  };
}
