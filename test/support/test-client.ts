// A real XMPP client (@xmpp/client over c2s) that sends requests to the
// component and waits for the replies, matched by stanza id (IQs included).
import { client, type Client } from "@xmpp/client";
import type { Element } from "@xmpp/xml";

import { testEnv } from "./env";

export class TestClient {
  private readonly received: Element[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(readonly xmpp: Client) {
    xmpp.on("stanza", (stanza: Element) => {
      this.received.push(stanza);
      for (const wake of this.waiters) wake();
    });
  }

  static async connect(
    username: string,
    password: string,
    resource = "test",
  ): Promise<TestClient> {
    const env = testEnv();
    const xmpp = client({
      service: env.c2sService,
      domain: env.xmppDomain,
      username,
      password,
      resource,
    });
    xmpp.reconnect.stop();
    xmpp.on("error", () => undefined);

    const tester = new TestClient(xmpp);
    await xmpp.start();
    return tester;
  }

  get jid(): string {
    return this.xmpp.jid?.toString() ?? "";
  }

  async send(stanza: Element): Promise<void> {
    await this.xmpp.send(stanza);
  }

  /** Sends and waits for the message that answers it (same id). */
  async request(stanza: Element, timeoutMs = 10_000): Promise<Element> {
    await this.send(stanza);
    return this.waitFor(
      (el) => el.is("message") && el.attrs.id === stanza.attrs.id,
      timeoutMs,
    );
  }

  /** Sends an IQ and waits for its result or error (same id), returned as it came. */
  async iq(stanza: Element, timeoutMs = 10_000): Promise<Element> {
    await this.send(stanza);
    return this.waitFor(
      (el) => el.is("iq") && el.attrs.id === stanza.attrs.id,
      timeoutMs,
    );
  }

  waitFor(
    match: (stanza: Element) => boolean,
    timeoutMs = 10_000,
  ): Promise<Element> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const index = this.received.findIndex(match);
        if (index === -1) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(this.received.splice(index, 1)[0]);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no matching stanza within ${timeoutMs} ms`));
      }, timeoutMs);

      this.waiters.add(check);
      check();
    });
  }

  /** Every stanza received so far that matches, without waiting. */
  receivedMatching(match: (stanza: Element) => boolean): Element[] {
    return this.received.filter(match);
  }

  async stop(): Promise<void> {
    await this.xmpp.stop().catch(() => undefined);
  }
}
