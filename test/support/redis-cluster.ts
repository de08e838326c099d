// Starts a private Redis Cluster of three masters on loopback, for the suite
// run with TEST_REDIS=cluster: cluster-enabled redis-servers joined by
// `redis-cli --cluster create`, ready once every node says cluster_state:ok.
import { spawnSync } from "node:child_process";

import {
  findBinary,
  freePorts,
  startRedis,
  type RedisServer,
  type Stoppable,
} from "./servers";

const READY_TIMEOUT_MS = 20_000;
const CLI_TIMEOUT_MS = 30_000;

export interface RedisCluster extends Stoppable {
  /** The component's form: redis+cluster://127.0.0.1:p1,127.0.0.1:p2,... */
  url: string;
  nodes: RedisServer[];
}

export async function startRedisCluster(masters = 3): Promise<RedisCluster> {
  // Each node needs a second port for the cluster bus.
  const ports = await freePorts(masters * 2);
  const started = await Promise.allSettled(
    ports
      .slice(0, masters)
      .map((port, i) =>
        startRedis({ port, args: clusterArgs(ports[masters + i]) }),
      ),
  );
  const nodes = started.flatMap((result) =>
    result.status === "fulfilled" ? [result.value] : [],
  );
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.stop()));
  };

  try {
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    createCluster(nodes);
    await untilClusterOk(nodes);
  } catch (err) {
    await stop();
    throw err;
  }

  const seeds = nodes.map((node) => `127.0.0.1:${node.port}`).join(",");
  return { url: `redis+cluster://${seeds}`, nodes, stop };
}

function clusterArgs(busPort: number): string[] {
  return [
    "--cluster-enabled",
    "yes",
    "--cluster-port",
    String(busPort),
    "--cluster-config-file",
    "nodes.conf",
    "--cluster-node-timeout",
    "3000",
  ];
}

/** Every slot spread over the masters; no replicas, no questions asked. */
function createCluster(nodes: RedisServer[]): void {
  const addresses = nodes.map((node) => `127.0.0.1:${node.port}`);
  const args = ["--cluster", "create", ...addresses];
  cli([...args, "--cluster-replicas", "0", "--cluster-yes"]);
}

async function untilClusterOk(nodes: RedisServer[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const ok = (node: RedisServer) =>
    cli(["-p", String(node.port), "cluster", "info"]).includes(
      "cluster_state:ok",
    );

  while (Date.now() < deadline) {
    if (nodes.every(ok)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(
    `the Redis Cluster on ports ${nodes.map((n) => n.port).join(", ")} did not reach cluster_state:ok`,
  );
}

function cli(args: string[]): string {
  const result = spawnSync(findBinary("redis-cli"), args, {
    encoding: "utf8",
    timeout: CLI_TIMEOUT_MS,
  });
  if (result.status !== 0)
    throw new Error(
      `redis-cli ${args.join(" ")} failed (${result.status ?? result.signal}): ${result.stdout}${result.stderr}`,
    );
  return result.stdout;
}
