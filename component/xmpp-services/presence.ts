// Presence (RFC 6121 §3 and §4.3): a customer who adds the bot to their
// roster is accepted at once, and the bot shows as online, so that clients
// which offer commands only to online contacts offer them here too. The
// component keeps no roster: every request is simply granted.
import jid from "@xmpp/jid";
import xml, { type Element } from "@xmpp/xml";

import type { ServiceIdentity } from "./identity";

export function answerPresence(
  stanza: Element,
  identity: ServiceIdentity,
): Element[] {
  const to = bareOf(stanza.attrs.from);
  const from = bareOf(stanza.attrs.to);
  if (!to || !from) return [];

  const online = () =>
    xml("presence", { from, to }, xml("status", {}, identity.name));

  switch (stanza.attrs.type) {
    case "subscribe":
      return [xml("presence", { from, to, type: "subscribed" }), online()];
    case "probe":
      return [online()];
    case "unsubscribe":
      return [xml("presence", { from, to, type: "unsubscribed" })];
    default:
      return [];
  }
}

function bareOf(address: string | undefined): string | undefined {
  try {
    return address ? jid(address).bare().toString() : undefined;
  } catch {
    return undefined;
  }
}
