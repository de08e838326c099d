// Tells whether the cache's Redis is answering, and says so in the log once
// per change instead of once per request.
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";

export class StoreHealth {
  private healthy = true;

  constructor(
    private readonly log: Logger,
    private readonly metrics: Metrics,
  ) {}

  /** Runs a Redis call; resolves to undefined instead of failing. */
  async attempt<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await call();
      this.markUp();
      return result;
    } catch (err) {
      this.markDown(err);
      return undefined;
    }
  }

  private markUp(): void {
    if (this.healthy) return;

    this.healthy = true;
    this.metrics.cacheStoreUp.set(1);
    this.log.info("cache back in use: Redis answers again");
  }

  private markDown(err: unknown): void {
    if (!this.healthy) return;

    this.healthy = false;
    this.metrics.cacheStoreUp.set(0);
    this.log.warn(
      { err },
      "cache bypassed: Redis does not answer, so every query goes to the backend until it does",
    );
  }
}
