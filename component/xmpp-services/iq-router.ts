// Answers every IQ request (RFC 6120 §8.2.3): one payload child, a handler
// found by its namespace and element name, and a result or an error, never
// silence. Results and errors are answers to us and are never answered.
import jid from "@xmpp/jid";
import xml, { type Element } from "@xmpp/xml";

import { isTelcoError } from "../errors";
import type { Logger } from "../logger";
import type { Language } from "../text/language";
import {
  badRequest,
  featureNotImplemented,
  serviceUnavailable,
  StanzaError,
} from "./stanza-error";

export interface IqContext {
  stanza: Element;
  /** The one child element: the request itself. */
  payload: Element;
  /** The requester's bare JID: whose session this is. */
  sender: string;
  /** The address the IQ was sent to: the domain or an address at it. */
  to: string;
  lang: Language;
  log: Logger;
}

/** Returns the result's child (or nothing for an empty result), or throws a StanzaError. */
export type IqHandler = (
  ctx: IqContext,
) => Element | undefined | Promise<Element | undefined>;

export interface IqService {
  ns: string;
  name: string;
  get?: IqHandler;
  set?: IqHandler;
}

export function isIqRequest(stanza: Element): boolean {
  return (
    stanza.is("iq") &&
    (stanza.attrs.type === "get" || stanza.attrs.type === "set")
  );
}

export class IqRouter {
  private readonly services = new Map<string, IqService>();

  constructor(private readonly language: Language) {}

  serve(service: IqService): this {
    this.services.set(`${service.ns} ${service.name}`, service);
    return this;
  }

  /** The reply to an IQ get or set: always a result or an error. */
  async answer(stanza: Element, log: Logger): Promise<Element> {
    try {
      const child = await this.run(stanza, log);
      return iqReply(stanza, "result", child);
    } catch (err) {
      const error = asStanzaError(err, log);
      log.debug(
        {
          condition: error.condition,
          ns: stanza.getChildElements()[0]?.attrs.xmlns,
        },
        "IQ refused",
      );
      return iqReply(stanza, "error", error.toElement());
    }
  }

  private async run(
    stanza: Element,
    log: Logger,
  ): Promise<Element | undefined> {
    const children = stanza.getChildElements();
    if (children.length !== 1)
      throw badRequest("an IQ request carries exactly one child element");

    const [payload] = children;
    const service = this.services.get(`${payload.attrs.xmlns} ${payload.name}`);
    if (!service) throw serviceUnavailable();

    const handler = stanza.attrs.type === "set" ? service.set : service.get;
    if (!handler) throw featureNotImplemented();

    return handler({
      stanza,
      payload,
      sender: bareJid(stanza.attrs.from ?? ""),
      to: stanza.attrs.to ?? "",
      lang: this.language,
      log,
    });
  }
}

/** Expected refusals pass as they are; a fault of ours is logged and told as little as possible. */
function asStanzaError(err: unknown, log: Logger): StanzaError {
  if (err instanceof StanzaError) return err;

  if (isTelcoError(err) && err.status >= 500) {
    log.error(
      { code: err.code, err: err.cause },
      "IQ failed: see code and err",
    );
    return new StanzaError("internal-server-error", "wait", err.reason);
  }

  log.error({ err }, "IQ failed on an internal fault");
  return new StanzaError("internal-server-error", "cancel");
}

/** RFC 6120 §8.2.3: a result or an error, back to the requester, from where it was sent. */
export function iqReply(
  request: Element,
  type: "result" | "error",
  child: Element | undefined,
): Element {
  const attrs = {
    type,
    id: request.attrs.id,
    to: request.attrs.from,
    from: request.attrs.to,
  };
  return xml("iq", attrs, child);
}

export function bareJid(address: string): string {
  try {
    return jid(address).bare().toString();
  } catch {
    return address;
  }
}
