// A circuit breaker (opossum) in front of the telco backend: when too many
// calls fail, it opens and calls are answered 503 at once instead of piling
// onto a backend that is down; after BACKEND_BREAKER_RESET_MS one call is let
// through, and its success closes the circuit again.
import CircuitBreaker from "opossum";

import { isTelcoError, TelcoError } from "../../errors";
import type { Logger } from "../../logger";
import type { HttpBackendConfig } from "./config";

export type Guarded = <T>(call: () => Promise<T>) => Promise<T>;

export interface Breaker {
  guard: Guarded;
  readonly state: "closed" | "open" | "half-open";
  shutdown(): void;
}

/** The rolling window in which failures are counted. */
const WINDOW_MS = 10_000;

export function createBreaker(
  options: HttpBackendConfig["breaker"],
  log: Logger,
): Breaker {
  const breaker = new CircuitBreaker((call: () => Promise<unknown>) => call(), {
    timeout: false, // the retry policy owns time limits
    errorThresholdPercentage: options.errorPercent,
    volumeThreshold: options.minCalls,
    resetTimeout: options.resetMs,
    rollingCountTimeout: WINDOW_MS,
    // The customer's own failures (403, 409, a wrong password) prove the
    // backend alive: only our side's failures (5xx) count against it.
    errorFilter: (err: unknown) => isTelcoError(err) && err.status < 500,
  });
  watch(breaker, options.resetMs, log);

  return {
    guard: <T>(call: () => Promise<T>) =>
      breaker.fire(call).catch((err) => {
        throw refusalOf(err);
      }) as Promise<T>,
    get state() {
      if (breaker.opened) return "open";
      return breaker.halfOpen ? "half-open" : "closed";
    },
    shutdown: () => breaker.shutdown(),
  };
}

/** The breaker's own refusals (open, shut down) become BACKEND_UNAVAILABLE. */
function refusalOf(err: unknown): unknown {
  const code = (err as { code?: string }).code;
  if (code === "EOPENBREAKER" || code === "ESHUTDOWN")
    return TelcoError.because(err, "BACKEND_UNAVAILABLE");
  return err;
}

function watch(breaker: CircuitBreaker, resetMs: number, log: Logger): void {
  breaker.on("open", () =>
    log.error(
      { retryInMs: resetMs },
      "telco backend failing: circuit open, backend requests are answered 503 at once until a trial call succeeds",
    ),
  );
  breaker.on("halfOpen", () =>
    log.info("circuit half-open: one trial call goes to the telco backend"),
  );
  breaker.on("close", () =>
    log.info("telco backend answering again: circuit closed"),
  );
}
