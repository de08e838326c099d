// The Redis client. Commands fail at once while Redis is away (no offline
// queue), so a request gets a prompt 503 instead of hanging; the client
// reconnects by itself and the log says so once per change of state.
import Redis, { type Cluster } from "ioredis";

import { redactUrl } from "../config";
import type { Logger } from "../logger";

/** A single Redis server or a Redis Cluster: the commands we use work on both. */
export type RedisConnection = Redis | Cluster;

export function createRedis(url: string, log: Logger): RedisConnection {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    retryStrategy: (attempt) => Math.min(200 * 2 ** attempt, 5000),
    lazyConnect: true,
    // Commands issued in one tick leave in one write: under load that is
    // most of a request's Redis cost.
    enableAutoPipelining: true,
  });

  watchHealth(redis, redactUrl(url), log);
  return redis;
}

function watchHealth(redis: RedisConnection, url: string, log: Logger): void {
  let healthy: boolean | undefined;

  const change = (next: boolean, err?: unknown) => {
    if (healthy === next) return;
    healthy = next;
    if (next) log.info({ url }, "Redis ready");
    else
      log.error(
        { url, err },
        "Redis unreachable: requests that need a session are answered with 503 until it is back",
      );
  };

  redis.on("ready", () => change(true));
  redis.on("error", (err) => change(false, err));
  redis.on("end", () => change(false));
}
