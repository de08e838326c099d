// Stanza errors (RFC 6120 §8.3): how an IQ the component cannot serve is
// answered. A handler throws one; the IQ router turns it into the reply.
import xml, { type Element } from "@xmpp/xml";

import { NS_STANZAS } from "../protocol/namespaces";

export type ErrorType = "auth" | "cancel" | "continue" | "modify" | "wait";

export class StanzaError extends Error {
  constructor(
    readonly condition: string,
    readonly type: ErrorType,
    /** Human-readable, for the requester: never our internals. */
    readonly text?: string,
    /** An application-specific condition, such as XEP-0050's <bad-sessionid/>. */
    readonly application?: Element,
  ) {
    super(text ? `${condition}: ${text}` : condition);
    this.name = "StanzaError";
  }

  toElement(): Element {
    return xml(
      "error",
      { type: this.type },
      xml(this.condition, { xmlns: NS_STANZAS }),
      this.text === undefined
        ? undefined
        : xml("text", { xmlns: NS_STANZAS }, this.text),
      this.application,
    );
  }
}

/** RFC 6120 §8.3.3.19: nothing here serves that namespace. */
export const serviceUnavailable = () =>
  new StanzaError("service-unavailable", "cancel");

/** RFC 6120 §8.3.3.3: the namespace is served, this request of it is not. */
export const featureNotImplemented = () =>
  new StanzaError("feature-not-implemented", "cancel");

export const badRequest = (text?: string, application?: Element) =>
  new StanzaError("bad-request", "modify", text, application);

export const itemNotFound = (text?: string) =>
  new StanzaError("item-not-found", "cancel", text);
