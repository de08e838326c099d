// Tries a backend call again after a transient failure, with jittered
// exponential backoff, as long as the call's time budget (BACKEND_TIMEOUT_MS)
// leaves room: no attempt outlives the budget, so the caller never waits
// longer than it would without retries.
import { setTimeout as sleep } from "node:timers/promises";

import { TelcoError } from "../../errors";
import { Backoff } from "../../xmpp/backoff";
import { TransientFailure } from "./failures";

export interface RetryPolicy {
  /** The whole call's time limit. */
  budgetMs: number;
  /** One attempt's time limit, cut to what is left of the budget. */
  attemptTimeoutMs: number;
  /** Attempts after the first. */
  retries: number;
  /** Backoff before the second attempt, doubled after each; jittered. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

export type RetryListener = (
  failure: TransientFailure,
  attempt: number,
  delayMs: number,
) => void;

/** An attempt with less time than this would only add load: stop instead. */
const MIN_ATTEMPT_MS = 20;

export async function withRetries<T>(
  attempt: (timeoutMs: number) => Promise<T>,
  policy: RetryPolicy,
  onRetry: RetryListener = () => undefined,
): Promise<T> {
  const deadline = Date.now() + policy.budgetMs;
  const backoff = new Backoff({
    initialMs: policy.initialDelayMs ?? 100,
    maxMs: policy.maxDelayMs ?? 1000,
    random: policy.random,
  });

  for (let tries = 1; ; tries += 1) {
    const left = deadline - Date.now();
    try {
      return await attempt(Math.min(policy.attemptTimeoutMs, left));
    } catch (err) {
      if (!(err instanceof TransientFailure)) throw err;

      const delayMs = Math.max(backoff.next(), err.retryAfterMs ?? 0);
      const leftAfterDelay = deadline - Date.now() - delayMs;
      if (tries > policy.retries || leftAfterDelay < MIN_ATTEMPT_MS)
        throw TelcoError.because(err, err.outcome);

      onRetry(err, tries, delayMs);
      await sleep(delayMs);
    }
  }
}
