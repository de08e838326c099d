// Decides what each incoming stanza is and hands it on: a telco request is
// answered, a chat_text or a typed message goes to the text interface, an IQ
// request to the IQ router (which answers every one), a subscription or a
// probe to presence; an error stanza is never answered, anything else is left
// alone. It also keeps count of the work in flight, so that a stop answers it
// all first.
import type { Element } from "@xmpp/xml";

import { answer, type AnswerDeps } from "./answer";
import type { ChatInterface } from "./chat/chat-interface";
import { textReply, typedText } from "./chat/chat-message";
import { answerChatText, CHAT_TEXT_ACTION } from "./chat/chat-text";
import { findCommand } from "./commands/index";
import { TelcoError } from "./errors";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import { pseudonym } from "./privacy/msisdn";
import { buildReply, errorPayload, type ReplyPayload } from "./protocol/reply";
import {
  isTelcoRequest,
  readRequest,
  type TelcoRequest,
} from "./protocol/request";
import { errorText } from "./text/error-text";
import type { Language } from "./text/language";
import { describeReply } from "./text/reply-text";
import {
  bareJid,
  iqReply,
  isIqRequest,
  type IqRouter,
} from "./xmpp-services/iq-router";
import { StanzaError } from "./xmpp-services/stanza-error";

export type SendStanza = (stanza: Element) => Promise<void>;

/** What answers the stanzas that are not telco requests. */
export interface StanzaServices {
  iqs: IqRouter;
  chat: ChatInterface;
  /** The replies a presence calls for; none for most. */
  presence(stanza: Element): Element[];
  /** The language of all readable text (REPLY_LANGUAGE). */
  language: Language;
}

type Work = () => Promise<void>;

export class Dispatcher {
  private readonly inFlight = new Set<Promise<void>>();
  private draining = false;

  constructor(
    private readonly deps: AnswerDeps,
    private readonly send: SendStanza,
    private readonly log: Logger,
    private readonly services: StanzaServices,
    private readonly metrics?: Metrics,
  ) {}

  get pending(): number {
    return this.inFlight.size;
  }

  /** Never throws: a fault in one stanza must not reach the connection. */
  dispatch(stanza: Element): void {
    if (stanza.attrs.type === "error") {
      this.log.debug(
        { name: stanza.name, id: stanza.attrs.id },
        "error stanza ignored",
      );
      return;
    }

    const route = this.route(stanza);
    if (!route) return;

    const work = route().catch((err) =>
      this.log.error({ err, stanza: stanza.name }, "stanza handling crashed"),
    );
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** Resolves once every request in flight now has been answered. */
  async idle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  /** Answers what is in flight (new requests get "restarting"), within a time limit. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.draining = true;
    const done = this.idle().then(() => true);
    const late = new Promise<boolean>((resolve) =>
      setTimeout(() => resolve(false), timeoutMs).unref(),
    );
    return Promise.race([done, late]);
  }

  /** The one place that knows every kind of stanza. */
  private route(stanza: Element): Work | undefined {
    if (isIqRequest(stanza)) return () => this.answerIq(stanza);

    if (stanza.is("presence")) {
      const replies = this.services.presence(stanza);
      return replies.length > 0 ? () => this.sendAll(replies) : undefined;
    }

    if (isTelcoRequest(stanza)) {
      const request = readRequest(stanza);
      return request.action === CHAT_TEXT_ACTION
        ? () => this.answerChatText(request)
        : () => this.handle(request);
    }

    const text = typedText(stanza);
    return text === undefined ? undefined : () => this.answerChat(stanza, text);
  }

  private async handle(request: TelcoRequest): Promise<void> {
    const started = performance.now();
    const sender = bareJid(request.from);
    const log = this.requestLog(request.id, request.action, sender);

    const payload = await this.payloadFor(request, sender, log);
    const body = describeReply(request.action, payload, this.services.language);

    await this.send(buildReply(request, payload, body));
    const ms = performance.now() - started;
    log.info(
      { status: payload.status, ms: Math.round(ms) },
      "request answered",
    );
    this.metrics?.requestAnswered(
      findCommand(request.action) ? request.action : "unknown",
      payload.status,
      ms / 1000,
    );
  }

  private payloadFor(
    request: TelcoRequest,
    sender: string,
    log: Logger,
  ): Promise<ReplyPayload> {
    if (this.draining) return Promise.resolve(shuttingDown());
    return answer(request, sender, this.deps, log);
  }

  /** The spec's chat_text: the text interface's answer, in the oob envelope. */
  private async answerChatText(request: TelcoRequest): Promise<void> {
    const sender = bareJid(request.from);
    const log = this.requestLog(request.id, request.action, sender);
    const lang = this.services.language;

    const payload = this.draining
      ? shuttingDown()
      : await answerChatText(
          request,
          { sender, stanzaId: request.id, lang, log },
          this.deps,
          this.services.chat,
        );
    const body = payload.error
      ? errorText(payload, lang)
      : String(payload.text);

    await this.send(buildReply(request, payload, body));
    log.info({ status: payload.status }, "request answered");
  }

  /** A typed message gets a typed answer: plain text, no oob element. */
  private async answerChat(stanza: Element, text: string): Promise<void> {
    const sender = bareJid(stanza.attrs.from ?? "");
    const id = stanza.attrs.id ?? "";
    const log = this.requestLog(id, "chat", sender);
    const lang = this.services.language;

    const reply = this.draining
      ? { text: errorText(shuttingDown(), lang), command: "unknown" }
      : await this.services.chat.answer(text, {
          sender,
          stanzaId: id,
          lang,
          log,
        });

    await this.send(textReply(stanza, reply.text));
    log.info({ command: reply.command }, "chat answered");
  }

  private async answerIq(stanza: Element): Promise<void> {
    const sender = bareJid(stanza.attrs.from ?? "");
    const payload = stanza.getChildElements()[0];
    const log = this.log.child({
      stanzaId: (stanza.attrs.id ?? "").slice(0, 64),
      ns: payload?.attrs.xmlns?.slice(0, 100),
      sender: pseudonym(sender),
    });

    const reply = this.draining
      ? restartingIq(stanza)
      : await this.services.iqs.answer(stanza, log);

    await this.send(reply);
    log.debug({ type: reply.attrs.type }, "IQ answered");
  }

  private async sendAll(stanzas: Element[]): Promise<void> {
    for (const stanza of stanzas) await this.send(stanza);
  }

  private requestLog(id: string, action: string, sender: string): Logger {
    return this.log.child({
      stanzaId: id.slice(0, 64),
      action: action.slice(0, 64),
      sender: pseudonym(sender),
    });
  }
}

function shuttingDown(): ReplyPayload {
  const err = new TelcoError("SHUTTING_DOWN");
  return errorPayload(err.status, err.reason);
}

/** While stopping, an IQ is told to come back: a wait-type error (RFC 6120 §8.3.2). */
function restartingIq(stanza: Element): Element {
  const error = new StanzaError(
    "service-unavailable",
    "wait",
    new TelcoError("SHUTTING_DOWN").reason,
  );
  return iqReply(stanza, "error", error.toElement());
}
