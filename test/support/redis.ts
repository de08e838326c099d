// Looks into the test Redis as a test needs to: on one server, or on every
// master of a Redis Cluster (KEYS only sees the node it is sent to).
import Redis, { Cluster } from "ioredis";

import { parseRedisUrl } from "../../component/session/redis-url";

export async function allRedisKeys(url: string): Promise<string[]> {
  const target = parseRedisUrl(url);
  if (target.kind === "server") {
    const redis = new Redis(url);
    try {
      return await redis.keys("*");
    } finally {
      redis.disconnect();
    }
  }

  const cluster = new Cluster(target.nodes);
  try {
    await cluster.ping(); // resolves once the slots are known
    const masters = cluster.nodes("master");
    const perNode = await Promise.all(masters.map((node) => node.keys("*")));
    return perNode.flat();
  } finally {
    cluster.disconnect();
  }
}
