// Slows down password guessing: after too many failed logins from one
// account, further attempts are refused for a while.

import type { RedisConnection } from "./redis-client";
import { TelcoError } from "../errors";
import { loginFailuresKey } from "./redis-keys";
import { storeCall } from "./store-errors";

export class LoginThrottle {
  constructor(
    private readonly redis: RedisConnection,
    private readonly maxFailures: number,
    private readonly lockoutSeconds: number,
  ) {}

  async assertAllowed(bareJid: string): Promise<void> {
    const failures = await storeCall(() =>
      this.redis.get(loginFailuresKey(bareJid)),
    );
    if (Number(failures ?? 0) < this.maxFailures) return;

    const minutes = Math.ceil(this.lockoutSeconds / 60);
    throw new TelcoError("TOO_MANY_LOGINS", minutes);
  }

  async recordFailure(bareJid: string): Promise<void> {
    const key = loginFailuresKey(bareJid);
    await storeCall(() =>
      this.redis.multi().incr(key).expire(key, this.lockoutSeconds).exec(),
    );
  }

  async reset(bareJid: string): Promise<void> {
    await storeCall(() => this.redis.del(loginFailuresKey(bareJid)));
  }
}
