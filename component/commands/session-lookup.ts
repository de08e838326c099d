// The sender's login session (docs/protocol.md, "Sessions and
// authorization"). A sender from a trusted domain needs no password: its own
// XMPP server has authenticated it, and its local part is the customer's
// username (docs/clients.md, "Trusted accounts").
import type { Logger } from "../logger";
import type { Session } from "../session/session-store";
import type { CommandDeps } from "./command";

export async function findSession(
  sender: string,
  deps: CommandDeps,
  log: Logger,
): Promise<Session | null> {
  const session = await deps.sessions.find(sender);
  if (session) return session;

  const username = deps.trustedDomains?.usernameOf(sender);
  if (username === undefined || !deps.backend.findAccount) return null;

  const account = await deps.backend.findAccount(username);
  if (!account) {
    log.info("sender of a trusted domain is not a customer: not logged in");
    return null;
  }

  log.info(
    "sender of a trusted domain logged in by its server's authentication",
  );
  return deps.sessions.open(sender, account);
}
