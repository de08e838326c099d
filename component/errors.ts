// The one registry of telco failures (spec: "Common Response"): each code
// carries the status and the reason a peer sees. docs/errors.md gives the
// cause and the fix of each, and a unit test keeps the two in step.
import { format } from "node:util";

interface ErrorDefinition {
  status: number;
  /** A `util.format` template; %s is filled with the arguments given. */
  reason: string;
}

export const errorDefinitions = {
  BAD_JSON: {
    status: 400,
    reason: "Bad request: payload is not valid JSON (%s)",
  },
  INVALID_PAYLOAD: { status: 400, reason: "Bad request: %s" },
  NOT_LOGGED_IN: {
    status: 401,
    reason: "Unauthorized: log in with cmd_login first",
  },
  BAD_CREDENTIALS: {
    status: 401,
    reason: "Unauthorized: wrong username or password",
  },
  FORBIDDEN: {
    status: 403,
    reason: "Forbidden: %s does not belong to your account",
  },
  UNKNOWN_ACTION: { status: 404, reason: "Not found: unknown action %s" },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    reason: "Conflict: request id was already used for a different recharge",
  },
  TOO_MANY_LOGINS: {
    status: 429,
    reason: "Too many requests: too many failed logins, retry in %s minutes",
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    reason: "Payload too large: %s bytes, the limit is %s",
  },
  INTERNAL: { status: 500, reason: "Internal server error" },
  BACKEND_TIMEOUT: {
    status: 500,
    reason: "Internal server error: backend request goes to timeout",
  },
  BACKEND_BAD_RESPONSE: {
    status: 502,
    reason: "Bad gateway: telco backend sent an invalid response",
  },
  BACKEND_AUTH_REFUSED: {
    status: 502,
    reason: "Bad gateway: telco backend refused the component's credentials",
  },
  BACKEND_UNAVAILABLE: {
    status: 503,
    reason: "Service unavailable: telco backend unreachable",
  },
  STORE_UNAVAILABLE: {
    status: 503,
    reason: "Service unavailable: session store unreachable",
  },
  SHUTTING_DOWN: {
    status: 503,
    reason: "Service unavailable: the component is restarting, retry shortly",
  },
} satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof errorDefinitions;

/** An expected failure: answered to the peer with its status and reason. */
export class TelcoError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly reason: string;

  constructor(code: ErrorCode, ...args: Array<string | number>) {
    const definition: ErrorDefinition = errorDefinitions[code];
    const reason = format(definition.reason, ...args);
    super(reason);
    this.name = "TelcoError";
    this.code = code;
    this.status = definition.status;
    this.reason = reason;
  }

  /** The same failure, keeping the low-level error for our own log. */
  static because(
    cause: unknown,
    code: ErrorCode,
    ...args: Array<string | number>
  ): TelcoError {
    const err = new TelcoError(code, ...args);
    err.cause = cause;
    return err;
  }
}

export function isTelcoError(err: unknown): err is TelcoError {
  return err instanceof TelcoError;
}
