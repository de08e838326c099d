// Wires the component together once: Redis, the backend and its cache, the
// validator, the XMPP connection, the dispatcher and the metrics; and takes
// them apart again on stop.
import type { Server } from "node:http";

import { createBackend } from "./backend/create-backend";
import { RedisAdhocSessions } from "./adhoc/session-store";
import type { AnswerDeps } from "./answer";
import { withDeadline } from "./backend/deadline";
import type { TelcoBackend } from "./backend/telco-backend";
import { CachedBackend } from "./cache/cached-backend";
import { LineCacheStore } from "./cache/line-cache-store";
import { SECTIONS } from "./cache/sections";
import type { CachePolicy } from "./cache/cache-policy";
import { SubResultCache } from "./cache/sub-result-cache";
import type { Config } from "./config";
import { Dispatcher } from "./dispatch";
import type { Logger } from "./logger";
import { Metrics, serveMetrics } from "./metrics";
import { Sealer } from "./privacy/sealing";
import { LoginThrottle } from "./session/login-throttle";
import { createRedis, type RedisConnection } from "./session/redis-client";
import { linkHolderKey } from "./session/redis-keys";
import { SessionStore } from "./session/session-store";
import { trustedDomainsFor } from "./session/trusted-domains";
import { createStanzaServices } from "./stanza-services";
import { PayloadValidator } from "./validation";
import { ComponentConnection } from "./xmpp/connection";
import { readSoftware } from "./xmpp-services/version";
import { LinkLease } from "./xmpp/link-lease";

export interface App {
  connection: ComponentConnection;
  dispatcher: Dispatcher;
  redis: RedisConnection;
  backend: TelcoBackend;
  metrics: Metrics;
  /** Listening once started, when METRICS_PORT is set. */
  metricsServer?: Server;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createApp(
  config: Config,
  log: Logger,
  backend?: TelcoBackend,
): App {
  const redis = createRedis(config.redisUrl, log.child({ part: "redis" }));
  const rawBackend = backend ?? createBackend(config, log);
  const connection = new ComponentConnection({
    service: config.xmppService,
    domain: config.componentDomain,
    secret: config.componentSecret,
    keepaliveIntervalMs: config.keepaliveIntervalMs,
    reconnectMaxDelayMs: config.reconnectMaxDelayMs,
    log: log.child({ part: "xmpp" }),
    lease: new LinkLease(redis, linkHolderKey(config.componentDomain)),
  });

  const metrics = new Metrics();
  const cache = new SubResultCache(
    new LineCacheStore(redis, new Sealer(config.componentSecret, "line cache")),
    cachePolicy(config),
    metrics,
    log.child({ part: "cache" }),
  );

  const deps = {
    backend: new CachedBackend(
      withDeadline(rawBackend, config.backendTimeoutMs),
      cache,
      metrics,
    ),
    sessions: new SessionStore(redis, config.sessionTtlSeconds),
    loginThrottle: new LoginThrottle(
      redis,
      config.loginMaxFailures,
      config.loginLockoutSeconds,
    ),
    validator: new PayloadValidator(),
    maxPayloadBytes: config.maxPayloadBytes,
  };
  const answerDeps: AnswerDeps = {
    ...deps,
    trustedDomains: trustedDomainsFor(config.trustedDomains, deps.backend, log),
  };
  const services = createStanzaServices(answerDeps, {
    identity: {
      domain: config.componentDomain,
      name: config.serviceName,
      botLocalpart: config.botLocalpart,
    },
    language: config.replyLanguage,
    adhocSessions: new RedisAdhocSessions(redis, config.adhocSessionTtlSeconds),
    software: readSoftware(),
  });
  const dispatcher = new Dispatcher(
    answerDeps,
    (stanza) => connection.send(stanza),
    log.child({ part: "dispatch" }),
    services,
    metrics,
  );
  connection.on("stanza", (stanza) => dispatcher.dispatch(stanza));

  const app: App = {
    connection,
    dispatcher,
    redis,
    backend: rawBackend,
    metrics,
    start: async () => {
      if (config.metricsPort !== undefined)
        app.metricsServer = await serveMetrics(
          metrics,
          config.metricsHost,
          config.metricsPort,
          log.child({ part: "metrics" }),
        );
      await start(redis, connection, log);
    },
    stop: async () => {
      await stop({
        redis,
        connection,
        dispatcher,
        backend: rawBackend,
        log,
        timeoutMs: config.shutdownTimeoutMs,
      });
      app.metricsServer?.close();
    },
  };
  return app;
}

function cachePolicy(config: Config): CachePolicy {
  const seconds = config.cacheTtlSeconds;
  const ttlMs = Object.fromEntries(
    SECTIONS.map((section) => [section, seconds[section] * 1000]),
  ) as CachePolicy["ttlMs"];

  return {
    ttlMs,
    staleMaxMs: config.cacheStaleMaxSeconds * 1000,
    leaseMs: config.backendTimeoutMs,
  };
}

async function start(
  redis: RedisConnection,
  connection: ComponentConnection,
  log: Logger,
): Promise<void> {
  // Redis may come up later: requests are answered 503 meanwhile.
  await redis
    .connect()
    .catch((err) =>
      log.warn(
        { err },
        "Redis not reachable at start: retrying in the background",
      ),
    );
  connection.start();
}

interface StopParts {
  redis: RedisConnection;
  connection: ComponentConnection;
  dispatcher: Dispatcher;
  backend: TelcoBackend;
  log: Logger;
  timeoutMs: number;
}

/** Answers what is in flight, then closes the XMPP link, Redis and the backend. */
async function stop(parts: StopParts): Promise<void> {
  const { dispatcher, connection, redis, backend, log } = parts;
  log.info(
    { inFlight: dispatcher.pending },
    "stopping: answering the requests in flight",
  );

  const drained = await dispatcher.drain(parts.timeoutMs);
  if (!drained)
    log.warn(
      { inFlight: dispatcher.pending },
      "stop timed out with requests still in flight",
    );

  await connection.stop();
  redis.disconnect();
  await backend.close();
  log.info("stopped");
}
