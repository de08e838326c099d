// What a backend reply means (docs/backend-http.md, "Statuses"): each status
// the contract lists becomes the protocol's, a transient one is retried, and
// anything else is a breach of the contract.
import { TelcoError } from "../../../component/errors";
import { backendContract } from "../../../component/backend/http/contract";
import type { HttpReply } from "../../../component/backend/http/exchange";
import {
  ContractViolation,
  retryAfterMs,
  TransientFailure,
} from "../../../component/backend/http/failures";
import { readReply } from "../../../component/backend/http/replies";

const contract = backendContract();
const JSON_TYPE = { "content-type": "application/json" };
const PROBLEM_TYPE = { "content-type": "application/problem+json" };

function reply(
  status: number,
  body?: unknown,
  headers: HttpReply["headers"] = body === undefined ? {} : JSON_TYPE,
): HttpReply {
  const text =
    body === undefined
      ? ""
      : typeof body === "string"
        ? body
        : JSON.stringify(body);
  return { status, headers, text };
}

function read(id: Parameters<typeof contract.operation>[0], answer: HttpReply) {
  return readReply(contract, contract.operation(id), answer);
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error("nothing was thrown");
}

describe("a success reply", () => {
  it("is used when it satisfies the contract", () => {
    expect(read("credit", reply(200, { creditAmount: "10.00" }))).toEqual({
      creditAmount: "10.00",
    });
  });

  it("has no body for an operation that answers 204", () => {
    expect(read("autoRecharge", reply(204))).toBeUndefined();
  });

  it("breaks the contract when a field is malformed, and says where without the value", () => {
    const err = thrown(() =>
      read("credit", reply(200, { creditAmount: "10 euro" })),
    );

    expect(err).toBeInstanceOf(ContractViolation);
    expect((err as Error).message).toMatch(
      /^credit reply at \/creditAmount must match pattern/,
    );
    expect((err as Error).message).not.toContain("10 euro");
  });

  it("breaks the contract when it is not JSON, without quoting it", () => {
    const err = thrown(() =>
      read("lineInfo", reply(200, '{"PUK": "12345678"', JSON_TYPE)),
    );

    expect(err).toBeInstanceOf(ContractViolation);
    expect((err as Error).message).not.toContain("12345678");
  });

  it("breaks the contract when it is not application/json", () => {
    const answer = reply(200, "<html/>", { "content-type": "text/html" });
    expect(thrown(() => read("credit", answer))).toBeInstanceOf(
      ContractViolation,
    );
  });
});

describe("a failure reply", () => {
  it("is null for a login with wrong credentials", () => {
    expect(
      read("login", reply(401, { code: "BAD_CREDENTIALS" }, PROBLEM_TYPE)),
    ).toBeNull();
  });

  it("refuses the component's credentials on a 401 without BAD_CREDENTIALS", () => {
    expect(thrown(() => read("login", reply(401)))).toMatchObject({
      code: "BACKEND_AUTH_REFUSED",
      status: 502,
    });
    expect(
      thrown(() =>
        read("credit", reply(401, { code: "BAD_CREDENTIALS" }, PROBLEM_TYPE)),
      ),
    ).toMatchObject({ code: "BACKEND_AUTH_REFUSED" });
  });

  it.each([403, 404])(
    "%s is the protocol's 403, naming the customer's own field",
    (status) => {
      const answer = reply(
        status,
        { code: "FORBIDDEN", field: "payingMsisdn" },
        PROBLEM_TYPE,
      );
      expect(thrown(() => read("recharge", answer))).toMatchObject({
        code: "FORBIDDEN",
        reason: "Forbidden: msisdn does not belong to your account",
      });
    },
  );

  it("409 on a recharge is an idempotency conflict", () => {
    const answer = reply(409, { code: "IDEMPOTENCY_CONFLICT" }, PROBLEM_TYPE);
    expect(thrown(() => read("recharge", answer))).toMatchObject({
      code: "IDEMPOTENCY_CONFLICT",
      status: 409,
    });
  });

  it("422 becomes 400 with the backend's detail, control characters removed", () => {
    const answer = reply(
      422,
      { code: "INVALID_ORDER", detail: "amount\nis too high" },
      PROBLEM_TYPE,
    );
    expect(thrown(() => read("recharge", answer))).toMatchObject({
      status: 400,
      reason: "Bad request: amount is too high",
    });
  });

  it("400 is an internal fault: the component sent what the contract forbids", () => {
    const err = thrown(() =>
      read("credit", reply(400, { code: "BAD_REQUEST" }, PROBLEM_TYPE)),
    );
    expect(err).toBeInstanceOf(TelcoError);
    expect(err).toMatchObject({ code: "INTERNAL", status: 500 });
  });

  it.each([408, 429, 500, 502, 503, 504])(
    "%s is transient, worth retrying",
    (status) => {
      expect(thrown(() => read("credit", reply(status)))).toMatchObject({
        outcome: "BACKEND_UNAVAILABLE",
      });
    },
  );

  it("keeps the Retry-After the backend asked for", () => {
    const answer = reply(503, undefined, { "retry-after": "2" });
    const err = thrown(() => read("credit", answer)) as TransientFailure;
    expect(err.retryAfterMs).toBe(2000);
  });

  it.each([201, 302, 409, 418])(
    "%s on a credit breaks the contract",
    (status) => {
      expect(thrown(() => read("credit", reply(status)))).toBeInstanceOf(
        ContractViolation,
      );
    },
  );
});

describe("Retry-After", () => {
  it("reads seconds and HTTP dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs("3", now)).toBe(3000);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
