// Test files share one Redis: a file that needs a client logged out starts
// by removing whatever login another file left for that account.
import { sessionKey } from "../../component/session/redis-keys";
import { bareJid } from "../../component/xmpp-services/iq-router";
import { testEnv } from "./env";
import { deleteKeys } from "./redis";
import type { TestClient } from "./test-client";

export async function forgetLogins(...clients: TestClient[]): Promise<void> {
  const keys = clients.map((client) => sessionKey(bareJid(client.jid)));
  await deleteKeys(testEnv().redisUrl, keys);
}
