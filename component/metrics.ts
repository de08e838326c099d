// What an admin can watch: Prometheus counters for the requests, the cache
// and the backend, plus Node's own process figures, served as text on a
// loopback HTTP port.
import { createServer, type Server } from "node:http";

import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
} from "prom-client";

import type { Logger } from "./logger";

export type CacheResult = "hit" | "miss" | "stale" | "bypass" | "shared";

export class Metrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: "telco_requests_total",
    help: "Telco requests answered, by action (unknown for an action that does not exist) and reply status",
    labelNames: ["action", "status"] as const,
    registers: [this.registry],
  });

  readonly requestSeconds = new Histogram({
    name: "telco_request_duration_seconds",
    help: "From a request's arrival to its reply being handed to the XMPP link",
    labelNames: ["action"] as const,
    buckets: [
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
    ],
    registers: [this.registry],
  });

  readonly cacheLookups = new Counter({
    name: "telco_cache_lookups_total",
    help: "Cache lookups by section and result: hit, miss, stale (served after a failed load), bypass (Redis unavailable), shared (joined a load already running)",
    labelNames: ["section", "result"] as const,
    registers: [this.registry],
  });

  readonly backendCalls = new Counter({
    name: "telco_backend_calls_total",
    help: "Calls made to the telco backend, by method and outcome",
    labelNames: ["method", "outcome"] as const,
    registers: [this.registry],
  });

  readonly cacheStoreUp = new Gauge({
    name: "telco_cache_store_up",
    help: "1 while the cache's Redis answers, 0 while the cache is bypassed",
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "telco_" });
    this.cacheStoreUp.set(1);
  }

  /** `action` must be one we know: a client must not invent label values. */
  requestAnswered(action: string, status: number, seconds: number): void {
    this.requests.inc({ action, status: String(status) });
    this.requestSeconds.observe({ action }, seconds);
  }

  /** The current value of one counter series, for tests and the bench. */
  async count(
    counter: Counter<string>,
    labels: Record<string, string>,
  ): Promise<number> {
    const { values } = await counter.get();
    const matches = (seriesLabels: Record<string, unknown>) =>
      Object.entries(labels).every(([k, v]) => seriesLabels[k] === v);

    return values
      .filter((series) => matches(series.labels))
      .reduce((sum, series) => sum + series.value, 0);
  }
}

/** Serves GET /metrics; resolves once listening, with the port bound. */
export function serveMetrics(
  metrics: Metrics,
  host: string,
  port: number,
  log: Logger,
): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url !== "/metrics") {
      res.writeHead(404).end("only GET /metrics is served here\n");
      return;
    }
    metrics.registry.metrics().then(
      (text) =>
        res
          .writeHead(200, { "content-type": metrics.registry.contentType })
          .end(text),
      (err: unknown) => {
        log.error({ err }, "could not render the metrics");
        res.writeHead(500).end();
      },
    );
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      log.info({ host, port: boundPort(server) }, "metrics served at /metrics");
      resolve(server);
    });
  });
}

export function boundPort(server: Server): number {
  const address = server.address();
  return typeof address === "object" && address ? address.port : 0;
}
