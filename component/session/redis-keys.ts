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

/**
 * The keys of one line's cache. All share the line's hash tag, so the scripts
 * that touch several of them at once also run on a Redis Cluster.
 */
export function lineCacheKeys(msisdn: string) {
  const base = `${PREFIX}:cache:{${pseudonym(msisdn)}}`;

  return {
    generation: `${base}:generation`,
    entry: (section: string) => `${base}:${section}`,
    lease: (section: string) => `${base}:${section}:lease`,
  };
}

/** One ad-hoc command session (XEP-0050); the id is ours, checked before use. */
export function adhocSessionKey(bareJid: string, sessionId: string): string {
  return `${PREFIX}:adhoc:{${pseudonym(bareJid)}}:${sessionId}`;
}

/** Not personal data: the component's own domain, which every instance shares. */
export function linkHolderKey(componentDomain: string): string {
  return `${PREFIX}:link-holder:{${componentDomain}}`;
}
