// Who the component says it is: its domain, the name an admin chose, and the
// bot address that disco#items offers for chatting.
import jid from "@xmpp/jid";

export interface ServiceIdentity {
  domain: string;
  /** SERVICE_NAME: shown by clients in service discovery. */
  name: string;
  /** The spec's buddy_channel: `${botLocalpart}@${domain}`. */
  botLocalpart: string;
}

export function botAddress(identity: ServiceIdentity): string {
  return `${identity.botLocalpart}@${identity.domain}`;
}

/** True for the bare domain, false for any address at it. */
export function isDomainAddress(address: string): boolean {
  try {
    return jid(address).local === "";
  } catch {
    return false;
  }
}
