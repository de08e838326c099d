// Outgoing stanzas wait here while the link is down, and leave in batches:
// what piled up while the last batch was written goes out in one write, and
// a slow socket (backpressure) is waited for instead of buffered without
// bound inside Node. A batch leaves the outbox only once written, so a link
// that drops mid-write loses nothing: the batch goes again on reconnect.
import type { Element } from "@xmpp/xml";

interface Letter {
  stanza: Element;
  resolve: () => void;
  reject: (err: Error) => void;
}

export type Writer = (stanzas: Element[]) => Promise<void>;

/** Enough to fill a socket write; small enough to keep latency even. */
const BATCH_LIMIT = 256;

export class Outbox {
  private readonly letters: Letter[] = [];
  private pumping = false;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.letters.length;
  }

  /** Resolves once the stanza is written; rejects if it had to be dropped. */
  post(stanza: Element): Promise<void> {
    if (this.letters.length >= this.capacity) {
      return Promise.reject(
        new Error(
          `outbox full (${this.capacity} stanzas waiting for the XMPP server)`,
        ),
      );
    }

    return new Promise((resolve, reject) =>
      this.letters.push({ stanza, resolve, reject }),
    );
  }

  /** Writes what waits, in order, until empty or until a write fails. */
  async pump(write: Writer): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;

    try {
      while (this.letters.length > 0) {
        const batch = this.letters.slice(0, BATCH_LIMIT);
        await write(batch.map((letter) => letter.stanza));
        this.letters.splice(0, batch.length);
        for (const letter of batch) letter.resolve();
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Gives up on every waiting stanza. */
  discard(reason: string): void {
    for (const letter of this.letters.splice(0))
      letter.reject(new Error(reason));
  }
}
