// Outgoing stanzas wait here while the link is down, and leave one at a time
// so that a slow socket (backpressure) is waited for instead of buffered
// without bound inside Node.
import type { Element } from "@xmpp/xml";

interface Letter {
  stanza: Element;
  resolve: () => void;
  reject: (err: Error) => void;
}

export type Writer = (stanza: Element) => Promise<void>;

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
        const letter = this.letters[0];
        await write(letter.stanza);
        this.letters.shift();
        letter.resolve();
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
