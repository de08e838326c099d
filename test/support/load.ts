// Sends many requests the way a careful client does: a few at a time, and
// each one resent unchanged (same stanza id) when no answer came within a
// time-out. What came back is kept, to count requests lost or answered twice.
import type { Element } from "@xmpp/xml";

import { NS_OOB } from "../../component/protocol/namespaces";
import { readReply, type ReplyView } from "./stanzas";
import type { TestClient } from "./test-client";

export interface LoadOptions {
  concurrency: number;
  timeoutMs: number;
  maxAttempts: number;
}

export interface Outcome {
  id: string;
  action: string;
  attempts: number;
  /** The first answer; undefined when every attempt timed out (lost). */
  reply?: ReplyView;
}

export class Load {
  readonly outcomes: Outcome[] = [];

  constructor(
    private readonly client: TestClient,
    private readonly options: LoadOptions,
  ) {}

  get answered(): number {
    return this.outcomes.filter((outcome) => outcome.reply).length;
  }

  /** Runs every request to its end: answered, or out of attempts. */
  async run(requests: Element[]): Promise<Outcome[]> {
    const queue = [...requests];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift())
        this.outcomes.push(await this.deliver(next));
    };

    await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    return this.outcomes;
  }

  /** Answers that arrived after the first one for the same id. */
  extraReplies(id: string): ReplyView[] {
    return this.client.receivedMatching(isAnswerTo(id)).map(readReply);
  }

  private async deliver(request: Element): Promise<Outcome> {
    const id = String(request.attrs.id);
    const action = String(
      request.getChild("x", NS_OOB)?.getChildText("action"),
    );

    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt += 1) {
      await this.client.send(request);
      try {
        const reply = await this.client.waitFor(
          isAnswerTo(id),
          this.options.timeoutMs,
        );
        return { id, action, attempts: attempt, reply: readReply(reply) };
      } catch {
        // no answer in time: resend the very same stanza
      }
    }
    return { id, action, attempts: this.options.maxAttempts };
  }
}

/** A telco reply; error bounces (no component connected) are not answers. */
function isAnswerTo(id: string): (stanza: Element) => boolean {
  return (stanza) =>
    stanza.is("message") &&
    stanza.attrs.id === id &&
    stanza.attrs.type !== "error" &&
    stanza.getChild("x", NS_OOB) !== undefined;
}
