// Reads REDIS_URL, which names either one Redis server (redis://, rediss://)
// or the seed nodes of a Redis Cluster (redis+cluster://, rediss+cluster://):
//   redis+cluster://[user:password@]host1:6379,host2:6379,host3:6379
// One URL, so that switching to a cluster changes one variable (docs/scaling.md).

export interface RedisNode {
  host: string;
  port: number;
}

export type RedisTarget =
  | { kind: "server"; url: string }
  | {
      kind: "cluster";
      nodes: RedisNode[];
      username?: string;
      password?: string;
      tls: boolean;
    };

const SERVER_SCHEMES = ["redis:", "rediss:"];
const CLUSTER_SCHEME = /^(rediss?)\+cluster:\/\//i;
const DEFAULT_PORT = 6379;
const EXPECTED =
  "it must be a URL such as redis://127.0.0.1:6379, or redis+cluster://10.0.0.1:6379,10.0.0.2:6379 for a Redis Cluster";

export class RedisUrlError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = "RedisUrlError";
  }
}

export function parseRedisUrl(value: string): RedisTarget {
  const cluster = CLUSTER_SCHEME.exec(value);
  if (cluster) return parseCluster(value.slice(cluster[0].length), cluster[1]);

  const parsed = URL.canParse(value) ? new URL(value) : undefined;
  if (!parsed || !SERVER_SCHEMES.includes(parsed.protocol) || !parsed.hostname)
    throw new RedisUrlError(EXPECTED);
  return { kind: "server", url: value };
}

/** Why the value is not a usable REDIS_URL, or undefined when it is. */
export function redisUrlProblem(value: string): string | undefined {
  try {
    parseRedisUrl(value);
    return undefined;
  } catch (err) {
    if (err instanceof RedisUrlError) return err.message;
    throw err;
  }
}

function parseCluster(rest: string, scheme: string): RedisTarget {
  const at = rest.lastIndexOf("@");
  const credentials = at === -1 ? "" : rest.slice(0, at);
  const nodeList = rest.slice(at + 1).replace(/\/$/, "");
  if (!nodeList)
    throw new RedisUrlError(`${EXPECTED}; it names no cluster node`);

  const nodes = nodeList.split(",").map(parseNode);
  return {
    kind: "cluster",
    nodes,
    ...parseCredentials(credentials),
    tls: scheme.toLowerCase() === "rediss",
  };
}

/** One `host:port` of the list; the WHATWG parser handles IPv6 brackets. */
function parseNode(text: string): RedisNode {
  const candidate = `redis://${text.trim()}`;
  const parsed = URL.canParse(candidate) ? new URL(candidate) : undefined;
  const plain =
    parsed &&
    parsed.hostname &&
    !parsed.username &&
    !parsed.password &&
    (parsed.pathname === "" || parsed.pathname === "/") &&
    !parsed.search;
  if (!plain)
    throw new RedisUrlError(
      `${EXPECTED}; "${text.trim()}" is not a host:port pair`,
    );

  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: parsed.port ? Number(parsed.port) : DEFAULT_PORT,
  };
}

function parseCredentials(text: string): {
  username?: string;
  password?: string;
} {
  if (!text) return {};

  const colon = text.indexOf(":");
  const username = decodeURIComponent(
    colon === -1 ? text : text.slice(0, colon),
  );
  const password =
    colon === -1 ? undefined : decodeURIComponent(text.slice(colon + 1));
  return { username: username || undefined, password };
}
