// Exponential backoff with full jitter, so that many components restarting
// together do not knock on the server in step.

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  random?: () => number;
}

export class Backoff {
  private attempt = 0;

  constructor(private readonly options: BackoffOptions) {}

  /** The delay before the next attempt; each call counts one attempt. */
  next(): number {
    const { initialMs, maxMs, random = Math.random } = this.options;
    const ceiling = Math.min(
      maxMs,
      initialMs * 2 ** Math.min(this.attempt, 30),
    );
    this.attempt += 1;

    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  }

  get attempts(): number {
    return this.attempt;
  }

  reset(): void {
    this.attempt = 0;
  }
}
