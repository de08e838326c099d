// Plain chat messages (RFC 6121 §5): which ones the text interface answers,
// and its plain-text reply. A reply carries no jabber:x:oob element: clients
// such as Dino take one for a file transfer and hide the body beside it.
import { randomUUID } from "node:crypto";

import xml, { type Element } from "@xmpp/xml";

import { safeThread } from "../protocol/reply";

// Longer texts are not commands: reading stops here.
const MAX_TEXT_LENGTH = 1000;

/**
 * The text of a message typed to us, or undefined for anything that is not:
 * no body (chat states, receipts), a group chat, a headline.
 */
export function typedText(stanza: Element): string | undefined {
  if (!stanza.is("message")) return undefined;

  const type = stanza.attrs.type ?? "normal";
  if (type !== "chat" && type !== "normal") return undefined;

  const body = stanza.getChildText("body")?.trim();
  return body ? body.slice(0, MAX_TEXT_LENGTH) : undefined;
}

export function textReply(request: Element, text: string): Element {
  const thread = request.getChildText("thread");

  return xml(
    "message",
    {
      to: request.attrs.from,
      from: request.attrs.to,
      type: request.attrs.type ?? "normal",
      id: randomUUID(),
    },
    xml("body", {}, text),
    thread === null ? undefined : xml("thread", {}, safeThread(thread)),
  );
}
