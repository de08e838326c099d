// The retry policy: transient failures are tried again, within the number of
// retries and the call's time budget; anything else is not.
import { TelcoError } from "../../../component/errors";
import { TransientFailure } from "../../../component/backend/http/failures";
import {
  withRetries,
  type RetryPolicy,
} from "../../../component/backend/http/retry";

const POLICY: RetryPolicy = {
  budgetMs: 5000,
  attemptTimeoutMs: 1000,
  retries: 2,
  initialDelayMs: 1,
  maxDelayMs: 2,
};

/** An attempt that fails with these errors in turn, then answers "done". */
function attempts(...failures: Error[]) {
  const timeouts: number[] = [];
  const attempt = async (timeoutMs: number) => {
    timeouts.push(timeoutMs);
    const failure = failures.shift();
    if (failure) throw failure;
    return "done";
  };
  return { attempt, timeouts };
}

const unavailable = () =>
  new TransientFailure("backend answered 503", "BACKEND_UNAVAILABLE");
const timedOut = () =>
  new TransientFailure("no reply within 1000 ms", "BACKEND_TIMEOUT");

describe("withRetries", () => {
  it("answers from a later attempt after transient failures", async () => {
    const { attempt, timeouts } = attempts(unavailable(), timedOut());
    const retried: number[] = [];

    await expect(
      withRetries(attempt, POLICY, (_failure, tries) => retried.push(tries)),
    ).resolves.toBe("done");
    expect(timeouts).toHaveLength(3);
    expect(retried).toEqual([1, 2]);
  });

  it("gives up after the last retry with the last failure's code, keeping it as the cause", async () => {
    const last = timedOut();
    const { attempt, timeouts } = attempts(unavailable(), unavailable(), last);

    const err = await withRetries(attempt, POLICY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TelcoError);
    expect(err).toMatchObject({ code: "BACKEND_TIMEOUT", cause: last });
    expect(timeouts).toHaveLength(3);
  });

  it("never retries a failure that is not transient", async () => {
    const refusal = new TelcoError("FORBIDDEN", "msisdn");
    const { attempt, timeouts } = attempts(refusal);

    await expect(withRetries(attempt, POLICY)).rejects.toBe(refusal);
    expect(timeouts).toHaveLength(1);
  });

  it("gives no attempt more time than the budget", async () => {
    const { attempt, timeouts } = attempts();
    await withRetries(attempt, { ...POLICY, budgetMs: 300 });
    expect(timeouts[0]).toBeLessThanOrEqual(300);
  });

  it("does not wait for a Retry-After longer than the budget", async () => {
    const busy = new TransientFailure(
      "backend answered 429",
      "BACKEND_UNAVAILABLE",
      {
        retryAfterMs: 60_000,
      },
    );
    const { attempt, timeouts } = attempts(busy);

    await expect(withRetries(attempt, POLICY)).rejects.toMatchObject({
      code: "BACKEND_UNAVAILABLE",
    });
    expect(timeouts).toHaveLength(1);
  });

  it("makes one attempt only when retries are off", async () => {
    const { attempt, timeouts } = attempts(unavailable());
    await expect(
      withRetries(attempt, { ...POLICY, retries: 0 }),
    ).rejects.toMatchObject({
      code: "BACKEND_UNAVAILABLE",
    });
    expect(timeouts).toHaveLength(1);
  });
});
