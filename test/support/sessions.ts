// Test files share one Redis: a file that needs a client logged out starts
// by removing whatever login another file left for that account.
import Redis from "ioredis";

import { sessionKey } from "../../component/session/redis-keys";
import { bareJid } from "../../component/xmpp-services/iq-router";
import { testEnv } from "./env";
import type { TestClient } from "./test-client";

export async function forgetLogins(...clients: TestClient[]): Promise<void> {
  const redis = new Redis(testEnv().redisUrl);
  try {
    await redis.del(
      ...clients.map((client) => sessionKey(bareJid(client.jid))),
    );
  } finally {
    await redis.quit();
  }
}
