// Wires the component together once: Redis, the backend, the validator, the
// XMPP connection and the dispatcher; and takes them apart again on stop.

import { withDeadline } from "./backend/deadline";
import { openDemoBackend } from "./backend/demo/demo-backend";
import type { TelcoBackend } from "./backend/telco-backend";
import type { Config } from "./config";
import { Dispatcher } from "./dispatch";
import type { Logger } from "./logger";
import { LoginThrottle } from "./session/login-throttle";
import { createRedis, type RedisConnection } from "./session/redis-client";
import { linkHolderKey } from "./session/redis-keys";
import { SessionStore } from "./session/session-store";
import { PayloadValidator } from "./validation";
import { ComponentConnection } from "./xmpp/connection";
import { LinkLease } from "./xmpp/link-lease";

export interface App {
  connection: ComponentConnection;
  dispatcher: Dispatcher;
  redis: RedisConnection;
  backend: TelcoBackend;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createApp(
  config: Config,
  log: Logger,
  backend?: TelcoBackend,
): App {
  const redis = createRedis(config.redisUrl, log.child({ part: "redis" }));
  const rawBackend =
    backend ??
    openDemoBackend({ path: config.demoDbPath, delayMs: config.demoDelayMs });
  const connection = new ComponentConnection({
    service: config.xmppService,
    domain: config.componentDomain,
    secret: config.componentSecret,
    keepaliveIntervalMs: config.keepaliveIntervalMs,
    reconnectMaxDelayMs: config.reconnectMaxDelayMs,
    log: log.child({ part: "xmpp" }),
    lease: new LinkLease(redis, linkHolderKey(config.componentDomain)),
  });

  const deps = {
    backend: withDeadline(rawBackend, config.backendTimeoutMs),
    sessions: new SessionStore(redis, config.sessionTtlSeconds),
    loginThrottle: new LoginThrottle(
      redis,
      config.loginMaxFailures,
      config.loginLockoutSeconds,
    ),
    validator: new PayloadValidator(),
    maxPayloadBytes: config.maxPayloadBytes,
  };
  const dispatcher = new Dispatcher(
    deps,
    (stanza) => connection.send(stanza),
    log.child({ part: "dispatch" }),
  );
  connection.on("stanza", (stanza) => dispatcher.dispatch(stanza));

  return {
    connection,
    dispatcher,
    redis,
    backend: rawBackend,
    start: () => start(redis, connection, log),
    stop: () =>
      stop({
        redis,
        connection,
        dispatcher,
        backend: rawBackend,
        log,
        timeoutMs: config.shutdownTimeoutMs,
      }),
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
