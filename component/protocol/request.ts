// Reads a telco request out of a message stanza (spec: each command's
// "REQUEST"): the jabber:x:oob element with its type, action and payload.
import type { Element } from "@xmpp/xml";

import { NS_OOB } from "./namespaces";

export interface TelcoRequest {
  /** The stanza id, echoed in the reply; may be empty. */
  id: string;
  /** The sender's full JID: the reply goes back to it. */
  from: string;
  /** The address the request was sent to: the reply comes from it. */
  to: string;
  /** The message type attribute (`chat` in the spec), echoed in the reply. */
  messageType: string | undefined;
  /** The spec's `x:type`, such as `chat_generic`. */
  type: string;
  action: string;
  /** The payload's raw text, parsed later so that a parse error can be answered. */
  payloadText: string;
  thread: string | undefined;
}

export function isTelcoRequest(stanza: Element): boolean {
  return (
    stanza.is("message") &&
    stanza.getChild("x", NS_OOB)?.getChild("action") !== undefined
  );
}

export function readRequest(stanza: Element): TelcoRequest {
  const oob = stanza.getChild("x", NS_OOB);
  const thread = stanza.getChildText("thread");

  return {
    id: stanza.attrs.id ?? "",
    from: stanza.attrs.from ?? "",
    to: stanza.attrs.to ?? "",
    messageType: stanza.attrs.type,
    type: (oob?.getChildText("type") ?? "").trim(),
    action: (oob?.getChildText("action") ?? "").trim(),
    payloadText: oob?.getChild("payload")?.getText() ?? "",
    thread: thread === null ? undefined : thread,
  };
}
