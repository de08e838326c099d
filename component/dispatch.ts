// Decides what each incoming stanza is and hands it on: a telco request is
// answered, an error stanza is never answered, anything else is left alone.
// IQs are served by the connection's IQ handlers. It also keeps count of the
// requests in flight, so that a stop answers them all first.
import jid from "@xmpp/jid";
import type { Element } from "@xmpp/xml";

import { answer, type AnswerDeps } from "./answer";
import { TelcoError } from "./errors";
import type { Logger } from "./logger";
import { pseudonym } from "./privacy/msisdn";
import { buildReply, errorPayload, type ReplyPayload } from "./protocol/reply";
import {
  isTelcoRequest,
  readRequest,
  type TelcoRequest,
} from "./protocol/request";

export type SendStanza = (stanza: Element) => Promise<void>;

export class Dispatcher {
  private readonly inFlight = new Set<Promise<void>>();
  private draining = false;

  constructor(
    private readonly deps: AnswerDeps,
    private readonly send: SendStanza,
    private readonly log: Logger,
  ) {}

  get pending(): number {
    return this.inFlight.size;
  }

  /** Never throws: a fault in one request must not reach the connection. */
  dispatch(stanza: Element): void {
    if (stanza.attrs.type === "error") {
      this.log.debug(
        { name: stanza.name, id: stanza.attrs.id },
        "error stanza ignored",
      );
      return;
    }
    if (!isTelcoRequest(stanza)) return;

    const work = this.handle(readRequest(stanza)).catch((err) =>
      this.log.error({ err }, "request handling crashed"),
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

  private async handle(request: TelcoRequest): Promise<void> {
    const started = performance.now();
    const sender = bareJid(request.from);
    const log = this.log.child({
      stanzaId: request.id.slice(0, 64),
      action: request.action.slice(0, 64),
      sender: pseudonym(sender),
    });

    const payload = await this.payloadFor(request, sender, log);

    await this.send(buildReply(request, payload));
    log.info(
      { status: payload.status, ms: Math.round(performance.now() - started) },
      "request answered",
    );
  }

  private payloadFor(
    request: TelcoRequest,
    sender: string,
    log: Logger,
  ): Promise<ReplyPayload> {
    if (this.draining) {
      const err = new TelcoError("SHUTTING_DOWN");
      return Promise.resolve(errorPayload(err.status, err.reason));
    }
    return answer(request, sender, this.deps, log);
  }
}

function bareJid(address: string): string {
  try {
    return jid(address).bare().toString();
  } catch {
    return address;
  }
}
