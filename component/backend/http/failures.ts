// The HTTP backend's failures, sorted by what to do about them: a transient
// one may pass if the call is tried again; a broken reply will not, and is
// the backend's fault (docs/backend-http.md, "Statuses").
/** The code a transient failure becomes when no retry is left. */
export type TransientOutcome = "BACKEND_UNAVAILABLE" | "BACKEND_TIMEOUT";

/** Unreachable, reset, timed out, or a 5xx or 429: worth another attempt. */
export class TransientFailure extends Error {
  readonly outcome: TransientOutcome;
  /** What the backend asked for with Retry-After, if anything. */
  readonly retryAfterMs?: number;

  constructor(
    message: string,
    outcome: TransientOutcome,
    options: { cause?: unknown; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "TransientFailure";
    this.outcome = outcome;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** A reply that breaks the contract: its message names what is wrong, never a value. */
export class ContractViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ContractViolation";
  }
}

/** Statuses that mean "try again later" in the contract. */
export const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3), in ms from now. */
export function retryAfterMs(
  header: string | string[] | undefined,
  now: number = Date.now(),
): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;

  if (/^[0-9]+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
