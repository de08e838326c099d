// Drives request/reply traffic through one c2s client with a fixed number of
// requests in flight, and measures throughput and round-trip latency.
import { client, type Client } from "@xmpp/client";
import type { Element } from "@xmpp/xml";

export interface Measurement {
  inFlight: number;
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The mean size of a reply as the client received it. */
  replyBytes: number;
}

export class LoadClient {
  private readonly pending = new Map<string, (reply: Element) => void>();

  private constructor(private readonly xmpp: Client) {
    xmpp.on("stanza", (stanza: Element) => {
      const id = String(stanza.attrs.id);
      const settle = this.pending.get(id);
      if (!settle) return;
      this.pending.delete(id);
      settle(stanza);
    });
  }

  static async connect(options: {
    service: string;
    domain: string;
    username: string;
    password: string;
  }): Promise<LoadClient> {
    const xmpp = client({ ...options, resource: "bench" });
    xmpp.reconnect.stop();
    xmpp.on("error", () => undefined);
    await xmpp.start();
    xmpp.socket?.setNoDelay(true);
    return new LoadClient(xmpp);
  }

  /** Sends and resolves with the reply (same id), or rejects after a while. */
  ask(stanza: Element, timeoutMs = 10_000): Promise<Element> {
    return new Promise((resolve, reject) => {
      const id = stanza.attrs.id as string;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no reply to ${id} within ${timeoutMs} ms`));
      }, timeoutMs);

      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.xmpp.send(stanza).catch(reject);
    });
  }

  /**
   * Keeps `inFlight` requests outstanding for `durationMs`; each reply sends
   * the next request. `check` throws on a reply that is not a success, so a
   * fast stream of errors can never pass for throughput.
   */
  async measure(
    next: () => Element,
    check: (reply: Element) => void,
    inFlight: number,
    durationMs: number,
  ): Promise<Measurement> {
    const latencies: number[] = [];
    let bytes = 0;
    const started = performance.now();
    const stopAt = started + durationMs;

    const worker = async () => {
      while (performance.now() < stopAt) {
        const sent = performance.now();
        const reply = await this.ask(next());
        latencies.push(performance.now() - sent);
        check(reply);
        bytes += reply.toString().length;
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));

    const elapsedS = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      inFlight,
      requests: latencies.length,
      perSecond: latencies.length / elapsedS,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      replyBytes: Math.round(bytes / Math.max(1, latencies.length)),
    };
  }

  async stop(): Promise<void> {
    await this.xmpp.stop().catch(() => undefined);
  }
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(
    sorted.length - 1,
    Math.ceil(fraction * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)];
}
