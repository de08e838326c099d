// The servers the integration suite runs against, chosen by environment:
// TEST_XMPP_SERVER is prosody (the default) or ejabberd; TEST_REDIS is server
// (the default) or cluster. Each is started privately on loopback ports.
import { startEjabberd } from "./ejabberd";
import { startRedisCluster } from "./redis-cluster";
import {
  startProsody,
  startRedis,
  type ProsodyServer,
  type Stoppable,
} from "./servers";

export const XMPP_SERVERS = ["prosody", "ejabberd"] as const;
export const REDIS_KINDS = ["server", "cluster"] as const;

export type XmppServerName = (typeof XMPP_SERVERS)[number];

/** Either server, in the shape Prosody's start gives (ejabberd's matches it). */
export interface XmppServer extends ProsodyServer {
  name: XmppServerName;
}

export function chosen<T extends string>(
  variable: string,
  choices: readonly T[],
): T {
  const value = process.env[variable] || choices[0];
  if ((choices as readonly string[]).includes(value)) return value as T;

  throw new Error(
    `${variable} is "${value}": it must be one of ${choices.join(", ")}`,
  );
}

export async function startXmppServer(options: {
  componentDomain: string;
  componentSecret: string;
}): Promise<XmppServer> {
  const name = chosen("TEST_XMPP_SERVER", XMPP_SERVERS);
  if (name === "ejabberd") return startEjabberd(options);

  return { name, ...(await startProsody(options)) };
}

export function startTestRedis(): Promise<Stoppable & { url: string }> {
  return chosen("TEST_REDIS", REDIS_KINDS) === "cluster"
    ? startRedisCluster()
    : startRedis();
}
