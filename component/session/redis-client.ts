// The Redis client: one server, or a Redis Cluster when REDIS_URL says
// redis+cluster:// (docs/scaling.md). Commands fail at once while Redis is
// away (no offline queue), so a request gets a prompt 503 instead of hanging;
// the client reconnects by itself and the log says so once per change of state.
import Redis, {
  Cluster,
  type ClusterOptions,
  type RedisOptions,
} from "ioredis";

import { redactUrl } from "../config";
import type { Logger } from "../logger";
import { parseRedisUrl, type RedisTarget } from "./redis-url";

/** A single Redis server or a Redis Cluster: the commands we use work on both. */
export type RedisConnection = Redis | Cluster;

type ClusterTarget = Extract<RedisTarget, { kind: "cluster" }>;

const CONNECTION_OPTIONS = {
  maxRetriesPerRequest: 1,
  connectTimeout: 5000,
} satisfies RedisOptions;

const retryDelay = (attempt: number) => Math.min(200 * 2 ** attempt, 5000);

// Commands issued in one tick leave in one write: under load that is most of
// a request's Redis cost.
const AUTO_PIPELINING = { enableAutoPipelining: true };

export function createRedis(url: string, log: Logger): RedisConnection {
  const target = parseRedisUrl(url);
  const redis =
    target.kind === "cluster"
      ? new Cluster(target.nodes, clusterOptions(target))
      : new Redis(url, {
          ...CONNECTION_OPTIONS,
          ...AUTO_PIPELINING,
          enableOfflineQueue: false,
          retryStrategy: retryDelay,
          lazyConnect: true,
        });

  watchHealth(redis, redactUrl(url), log);
  return redis;
}

/**
 * Every key of one person or line carries the same hash tag (redis-keys.ts),
 * so a MULTI over them stays on one node and needs no cross-slot support.
 */
function clusterOptions(target: ClusterTarget): ClusterOptions {
  return {
    ...AUTO_PIPELINING,
    enableOfflineQueue: false,
    clusterRetryStrategy: retryDelay,
    lazyConnect: true,
    redisOptions: {
      ...CONNECTION_OPTIONS,
      username: target.username,
      password: target.password,
      tls: target.tls ? {} : undefined,
    },
  };
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
        "Redis unreachable: logins, and customers this instance has not served lately, are answered with 503 until it is back",
      );
  };

  redis.on("ready", () => change(true));
  redis.on("error", (err) => change(false, err));
  redis.on("end", () => change(false));
}
