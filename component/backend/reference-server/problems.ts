// How the reference server answers a failure: the TelcoError a backend threw
// becomes the status and problem document (RFC 9457) the contract lists.
import { isTelcoError, TelcoError, type ErrorCode } from "../../errors";
import type { OperationId } from "../http/contract";

export interface ProblemReply {
  status: number;
  code: string;
  field?: string;
  detail?: string;
}

const BY_CODE: Partial<Record<ErrorCode, { status: number; code: string }>> = {
  BAD_CREDENTIALS: { status: 401, code: "BAD_CREDENTIALS" },
  FORBIDDEN: { status: 403, code: "FORBIDDEN" },
  IDEMPOTENCY_CONFLICT: { status: 409, code: "IDEMPOTENCY_CONFLICT" },
  INVALID_PAYLOAD: { status: 422, code: "INVALID_ORDER" },
  BACKEND_UNAVAILABLE: { status: 503, code: "UNAVAILABLE" },
};

// The demo backend names the customer's payload fields; the contract, the
// order's own (a recharge is paid by payingMsisdn, not msisdn).
const FORBIDDEN_FIELDS = [
  "customerCode",
  "contractCode",
  "msisdn",
  "paymentMethod",
];
const CONTRACT_FIELD: Record<string, string> = { paymentMethod: "payment" };
const MSISDN_FIELD: Partial<Record<OperationId, string>> = {
  recharge: "payingMsisdn",
  lastRecharges: "msisdns",
};

/** The problem for `err`; undefined when it is no expected failure. */
export function problemFor(
  err: unknown,
  operation: OperationId,
): ProblemReply | undefined {
  if (!isTelcoError(err)) return undefined;
  const known = BY_CODE[err.code];
  if (!known) return undefined;

  if (err.code === "FORBIDDEN")
    return { ...known, field: forbiddenField(err, operation) };
  if (err.code === "INVALID_PAYLOAD")
    return { ...known, detail: withoutPrefix(err, "INVALID_PAYLOAD") };
  return known;
}

/** The field a FORBIDDEN names, found by rebuilding its reason. */
function forbiddenField(
  err: TelcoError,
  operation: OperationId,
): string | undefined {
  const field = FORBIDDEN_FIELDS.find(
    (name) => new TelcoError("FORBIDDEN", name).reason === err.reason,
  );
  if (field === "msisdn") return MSISDN_FIELD[operation] ?? field;
  return field && (CONTRACT_FIELD[field] ?? field);
}

/** "amount must be ..." out of "Bad request: amount must be ...". */
function withoutPrefix(err: TelcoError, code: ErrorCode): string {
  const prefix = new TelcoError(code, "").reason;
  return err.reason.startsWith(prefix)
    ? err.reason.slice(prefix.length)
    : err.reason;
}
