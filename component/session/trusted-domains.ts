// Trusted domains (docs/clients.md, "Trusted accounts"): XMPP domains whose
// accounts are the operator's customers, the local part being the customer's
// username. Off unless an admin lists domains in TRUSTED_DOMAINS.
import jid from "@xmpp/jid";

import type { TelcoBackend } from "../backend/telco-backend";
import type { Logger } from "../logger";

export class TrustedDomains {
  private readonly domains: ReadonlySet<string>;

  constructor(domains: readonly string[]) {
    this.domains = new Set(domains.map((domain) => domain.toLowerCase()));
  }

  get enabled(): boolean {
    return this.domains.size > 0;
  }

  /**
   * The username a sender stands for, when its domain is trusted exactly (a
   * subdomain is not); undefined otherwise.
   */
  usernameOf(sender: string): string | undefined {
    let address;
    try {
      address = jid(sender);
    } catch {
      return undefined;
    }

    if (!address.local || !this.domains.has(address.domain.toLowerCase()))
      return undefined;
    return address.local;
  }
}

/**
 * The trusted domains to use, said once in the log: an admin must see that
 * password-less logins are on, or why they could not be.
 */
export function trustedDomainsFor(
  domains: readonly string[],
  backend: TelcoBackend,
  log: Logger,
): TrustedDomains | undefined {
  if (domains.length === 0) return undefined;

  if (typeof backend.findAccount !== "function") {
    log.error(
      { trustedDomains: domains },
      "TRUSTED_DOMAINS is set but this backend cannot find an account without a password: trusted logins are off",
    );
    return undefined;
  }

  log.warn(
    { trustedDomains: domains },
    "trusted domains on: their users are logged in as the customer named by their local part, without a password",
  );
  return new TrustedDomains(domains);
}
