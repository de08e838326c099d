// Jest global set-up for the integration suite: one Redis and one Prosody on
// free loopback ports, with the test accounts alice and bob.
import { randomBytes } from "node:crypto";

import { publishTestEnv } from "./env";
import { startProsody, startRedis, type Stoppable } from "./servers";

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
  const redis = await startRedis();
  const prosody = await startProsody({
    componentDomain: "telco.localhost",
    componentSecret: randomBytes(12).toString("hex"),
  });
  globalThis.telcoTestServers = [prosody, redis];

  for (const [user, password] of Object.entries(TEST_ACCOUNTS))
    prosody.register(user, password);

  publishTestEnv({
    redisUrl: redis.url,
    c2sService: `xmpp://127.0.0.1:${prosody.c2sPort}`,
    xmppDomain: prosody.domain,
    componentService: `xmpp://127.0.0.1:${prosody.componentPort}`,
    componentDomain: prosody.componentDomain,
    componentSecret: prosody.componentSecret,
  });
}
