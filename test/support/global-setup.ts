// Jest global set-up for the integration suite: one Redis (or Redis Cluster)
// and one XMPP server (Prosody or ejabberd, see xmpp-server.ts) on free
// loopback ports, with the test accounts alice and bob.
import { randomBytes } from "node:crypto";

import { publishTestEnv } from "./env";
import type { Stoppable } from "./servers";
import { startTestRedis, startXmppServer } from "./xmpp-server";

export const TEST_ACCOUNTS = {
  alice: "alice-pass",
  bob: "bob-pass",
  // A customer's username as an XMPP account, for the trusted-domain tests.
  "3209876543": "giulia-xmpp-pass",
};

declare global {
  var telcoTestServers: Stoppable[] | undefined;
}

export default async function globalSetup(): Promise<void> {
  const redis = await startTestRedis();
  const xmpp = await startXmppServer({
    componentDomain: "telco.localhost",
    componentSecret: randomBytes(12).toString("hex"),
  });
  globalThis.telcoTestServers = [xmpp, redis];

  for (const [user, password] of Object.entries(TEST_ACCOUNTS))
    xmpp.register(user, password);

  publishTestEnv({
    redisUrl: redis.url,
    c2sService: `xmpp://127.0.0.1:${xmpp.c2sPort}`,
    xmppDomain: xmpp.domain,
    componentService: `xmpp://127.0.0.1:${xmpp.componentPort}`,
    componentDomain: xmpp.componentDomain,
    componentSecret: xmpp.componentSecret,
    xmppServer: xmpp.name,
    xmppLogFile: xmpp.logFile,
  });
}
