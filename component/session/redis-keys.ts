// Redis key names. No key holds a JID or an MSISDN in clear: each is replaced
// by a pseudonym, and wrapped in braces so that one person's keys share a
// Redis Cluster hash slot.
import { pseudonym } from "../privacy/msisdn";

const PREFIX = "telco";

export function sessionKey(bareJid: string): string {
  return `${PREFIX}:session:{${pseudonym(bareJid)}}`;
}

export function loginFailuresKey(bareJid: string): string {
  return `${PREFIX}:login-failures:{${pseudonym(bareJid)}}`;
}

/** Not personal data: the component's own domain, which every instance shares. */
export function linkHolderKey(componentDomain: string): string {
  return `${PREFIX}:link-holder:{${componentDomain}}`;
}
