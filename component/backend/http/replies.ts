// What a backend reply means, by the contract: a success whose body passes
// its schema, a failure the protocol knows (401, 403, 404, 409, 422), a
// failure worth retrying (408, 429, 5xx), or a breach of the contract
// (docs/backend-http.md, "Statuses").
import type { ErrorObject } from "ajv";

import { TelcoError } from "../../errors";
import type { BackendContract, Operation } from "./contract";
import type { HttpReply } from "./exchange";
import {
  ContractViolation,
  retryAfterMs,
  TRANSIENT_STATUSES,
  TransientFailure,
} from "./failures";

interface Problem {
  code: string;
  field?: string;
  detail?: string;
}

/** The contract's request fields, as the customer's payload names them. */
const PROTOCOL_FIELDS: Record<string, string> = {
  customerCode: "customerCode",
  contractCode: "contractCode",
  msisdn: "msisdn",
  msisdns: "msisdn",
  payingMsisdn: "msisdn",
  msisdnToRecharge: "msisdnToRecharge",
  payment: "paymentMethod",
};
// Characters that have no place in a reason a customer reads.
const CONTROL_CHARACTERS = /\p{Cc}/gu;

/** The reply's value; null only for an account check that found no one. */
export function readReply(
  contract: BackendContract,
  operation: Operation,
  reply: HttpReply,
): unknown {
  if (reply.status === operation.successStatus)
    return successBody(operation, reply);

  if (TRANSIENT_STATUSES.has(reply.status)) {
    throw new TransientFailure(
      `backend answered ${reply.status}`,
      "BACKEND_UNAVAILABLE",
      { retryAfterMs: retryAfterMs(reply.headers["retry-after"]) },
    );
  }

  const problem = problemOf(contract, reply);
  if (reply.status === 401) return refusal(operation, problem);
  if (!operation.statuses.includes(reply.status))
    throw new ContractViolation(
      `status ${reply.status} is not one that ${operation.id} may answer`,
    );
  throw failureFor(operation, reply.status, problem);
}

function successBody(operation: Operation, reply: HttpReply): unknown {
  const validate = operation.validateReply;
  if (!validate) return undefined;

  const body = parseJson(reply);
  if (!validate(body))
    throw new ContractViolation(
      `${operation.id} reply ${describe(validate.errors)}`,
    );
  return body;
}

function parseJson(reply: HttpReply): unknown {
  const type = String(reply.headers["content-type"] ?? "");
  if (!/^application\/([a-z.+-]+\+)?json\b/i.test(type))
    throw new ContractViolation(
      `reply is "${type.slice(0, 64) || "(no content-type)"}", not application/json`,
    );

  // JSON.parse's message quotes the text, which may hold personal data.
  try {
    return JSON.parse(reply.text);
  } catch {
    throw new ContractViolation(
      `reply is not valid JSON (${reply.text.length} characters)`,
    );
  }
}

/** "at /creditAmount must match pattern ...": where and which rule, never the value. */
function describe(errors: ErrorObject[] | null | undefined): string {
  const [first] = errors ?? [];
  if (!first) return "breaks its schema";
  return `at ${first.instancePath || "/"} ${first.message ?? first.keyword}`;
}

/** A problem document if the reply carries a valid one; its absence is no fault. */
function problemOf(
  contract: BackendContract,
  reply: HttpReply,
): Problem | undefined {
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return undefined;
  }
  return contract.validateProblem(body) ? (body as Problem) : undefined;
}

/** Operations whose 401 BAD_CREDENTIALS means "no such customer": null. */
const ACCOUNT_CHECKS = new Set(["login", "findAccount"]);

/** 401: wrong credentials on a login, otherwise the component's own are refused. */
function refusal(operation: Operation, problem: Problem | undefined): null {
  if (ACCOUNT_CHECKS.has(operation.id) && problem?.code === "BAD_CREDENTIALS")
    return null;
  throw new TelcoError("BACKEND_AUTH_REFUSED");
}

function failureFor(
  operation: Operation,
  status: number,
  problem: Problem | undefined,
): TelcoError {
  switch (status) {
    case 403:
    case 404:
      // Someone else's and nobody's get the same answer (docs/protocol.md).
      return new TelcoError("FORBIDDEN", protocolField(problem?.field));
    case 409:
      return new TelcoError("IDEMPOTENCY_CONFLICT");
    case 422:
      return new TelcoError("INVALID_PAYLOAD", customerDetail(problem));
    default:
      return TelcoError.because(
        new Error(
          `backend refused the ${operation.id} request with ${status}${problem ? ` (${problem.code})` : ""}`,
        ),
        "INTERNAL",
      );
  }
}

function protocolField(field: string | undefined): string {
  return (field && PROTOCOL_FIELDS[field]) || "an item of the request";
}

function customerDetail(problem: Problem | undefined): string {
  const detail = problem?.detail?.replace(CONTROL_CHARACTERS, " ").trim();
  return detail || "the order cannot be carried out";
}
