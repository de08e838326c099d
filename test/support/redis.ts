// Looks into the test Redis as a test needs to: on one server, or on every
// master of a Redis Cluster (KEYS only sees the node it is sent to, and a
// node can read and delete the keys it holds).
import Redis, { Cluster } from "ioredis";

import { createLogger } from "../../component/logger";
import { createRedis } from "../../component/session/redis-client";
import { parseRedisUrl } from "../../component/session/redis-url";

async function onEveryNode<T>(
  url: string,
  work: (node: Redis) => Promise<T>,
): Promise<T[]> {
  const target = parseRedisUrl(url);
  if (target.kind === "server") {
    const redis = new Redis(url);
    try {
      return [await work(redis)];
    } finally {
      redis.disconnect();
    }
  }

  const cluster = new Cluster(target.nodes);
  try {
    await cluster.ping(); // resolves once the slots are known
    return await Promise.all(cluster.nodes("master").map(work));
  } finally {
    cluster.disconnect();
  }
}

export async function allRedisKeys(url: string): Promise<string[]> {
  return (await onEveryNode(url, (node) => node.keys("*"))).flat();
}

/** Every key matching `pattern`, with its value (null for a non-string). */
export async function redisEntries(
  url: string,
  pattern: string,
): Promise<Array<[string, string | null]>> {
  const perNode = await onEveryNode(url, async (node) => {
    const keys = await node.keys(pattern);
    const values = await Promise.all(
      keys.map((key) => node.get(key).catch(() => null)),
    );
    return keys.map((key, i): [string, string | null] => [key, values[i]]);
  });
  return perNode.flat();
}

export async function deleteRedisKeys(
  url: string,
  pattern: string,
): Promise<void> {
  await onEveryNode(url, async (node) => {
    for (const key of await node.keys(pattern)) await node.del(key);
  });
}

/** Deletes the named keys, wherever a Cluster keeps each. */
export async function deleteKeys(url: string, keys: string[]): Promise<void> {
  const redis = createRedis(url, createLogger("silent"));
  try {
    await redis.connect();
    for (const key of keys) await redis.del(key);
  } finally {
    redis.disconnect();
  }
}
