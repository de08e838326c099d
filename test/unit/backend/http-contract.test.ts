// The telco backend contract (contract/telco-backend.openapi.yaml): one
// operation per TelcoBackend method, and the reference server's replies,
// successes and failures alike, satisfy it.
import { randomBytes } from "node:crypto";

import { createLogger } from "../../../component/logger";
import {
  openDemoBackend,
  type DemoBackend,
} from "../../../component/backend/demo";
import {
  backendContract,
  type OperationId,
} from "../../../component/backend/http/contract";
import { referenceHandler } from "../../../component/backend/reference-server/server";
import {
  listenOnLoopback,
  type LoopbackServer,
} from "../../support/http-server";

const contract = backendContract();
const TOKEN = "reference-token";

// A Record, so that the compiler fails when TelcoBackend gains a method.
const EXAMPLES: Record<OperationId, object> = {
  login: { username: "3304578577", password: "mycoolpassword" },
  findAccount: { username: "3304578577" },
  customer: { customerCode: "1294941" },
  lineInfo: { msisdn: "3404589485" },
  activeOptions: { msisdn: "3404589485" },
  activePromotions: { msisdn: "3404589485" },
  activeServices: { msisdn: "3304578577" },
  credit: { msisdn: "3404589485" },
  paymentMethods: { customerCode: "1294941", contractCode: "BX19HY" },
  recharge: {
    customerCode: "1294941",
    contractCode: "BX19HY",
    payingMsisdn: "3407834889",
    msisdnToRecharge: "3404589485",
    amount: 5,
    label: "5 euro",
    value: "00005",
    payment: { code: "4234829343294392" },
  },
  autoRecharge: {
    customerCode: "1294941",
    contractCode: "BX19HY",
    msisdn: "3407834889",
    label: "10 euro",
    value: "00010",
    payment: { cardNumber: "4958348332484239" },
  },
  lastRecharges: {
    msisdns: ["3404589485", "3407834889"],
    start: "2020-01-01T00:00:00Z",
    end: "2030-01-01T00:00:00Z",
  },
};
const OPERATIONS = Object.keys(EXAMPLES) as OperationId[];

describe("the backend contract", () => {
  it("has one POST operation for each TelcoBackend method, and no other", () => {
    expect(contract.operations.map((op) => op.id).sort()).toEqual(
      [...OPERATIONS].sort(),
    );
  });

  it.each(OPERATIONS)("accepts the example request of %s", (id) => {
    const { validateRequest } = contract.operation(id);
    expect(validateRequest(EXAMPLES[id])).toBe(true);
  });

  it("refuses a request that breaks its schema, naming the place", () => {
    const { validateRequest } = contract.operation("credit");

    expect(validateRequest({ msisdn: "34045x9485" })).toBe(false);
    expect(validateRequest.errors?.[0]).toMatchObject({
      instancePath: "/msisdn",
      keyword: "pattern",
    });
  });

  it("refuses a payment that names neither a code nor a card number", () => {
    const { validateRequest } = contract.operation("recharge");
    expect(validateRequest({ ...EXAMPLES.recharge, payment: {} })).toBe(false);
  });
});

describe("the reference server's replies", () => {
  let demo: DemoBackend;
  let server: LoopbackServer;

  beforeAll(async () => {
    demo = openDemoBackend({ path: ":memory:" });
    const handler = referenceHandler({
      backend: demo,
      log: createLogger("silent"),
      token: TOKEN,
    });
    server = await listenOnLoopback(handler);
  });

  afterAll(async () => {
    await server.close();
    await demo.close();
  });

  async function post(id: OperationId, body: unknown, headers = {}) {
    const response = await fetch(server.url + contract.operation(id).path, {
      method: "POST",
      headers: {
        authorization: `Bearer ${TOKEN}`,
        "content-type": "application/json",
        "idempotency-key": randomBytes(32).toString("hex"),
        ...headers,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      body: text ? JSON.parse(text) : undefined,
    };
  }

  it.each(OPERATIONS)(
    "%s answers its success status with a body that satisfies the contract",
    async (id) => {
      const operation = contract.operation(id);
      const reply = await post(id, EXAMPLES[id]);

      expect(reply.status).toBe(operation.successStatus);
      if (!operation.validateReply) return expect(reply.body).toBeUndefined();
      expect(reply.type).toBe("application/json");
      operation.validateReply(reply.body);
      expect(operation.validateReply.errors ?? []).toEqual([]);
    },
  );

  it.each([
    [
      "login",
      { username: "3304578577", password: "wrong" },
      401,
      "BAD_CREDENTIALS",
    ],
    ["credit", { msisdn: "3000000001" }, 403, "FORBIDDEN"],
    [
      "paymentMethods",
      { customerCode: "1294941", contractCode: "CQ44RT" },
      403,
      "FORBIDDEN",
    ],
    [
      "recharge",
      { ...EXAMPLES.recharge, msisdnToRecharge: "3000000001" },
      422,
      "INVALID_ORDER",
    ],
    ["credit", { msisdn: "not a number" }, 400, "BAD_REQUEST"],
  ] as const)(
    "%s answers a failure with a status it lists and a valid problem (%#)",
    async (id, body, status, code) => {
      const reply = await post(id, body);

      expect(reply).toMatchObject({ status, type: "application/problem+json" });
      expect(reply.body.code).toBe(code);
      expect(contract.validateProblem(reply.body)).toBe(true);
      expect([...contract.operation(id).statuses, 401]).toContain(status);
    },
  );

  it("names the order's own field in a refusal, as the contract spells it", async () => {
    const reply = await post("recharge", {
      ...EXAMPLES.recharge,
      payingMsisdn: "3209876543",
    });
    expect(reply.body).toMatchObject({
      code: "FORBIDDEN",
      field: "payingMsisdn",
    });
  });

  it("answers a reused Idempotency-Key with a different order 409", async () => {
    const key = { "idempotency-key": "b".repeat(64) };
    await post("recharge", EXAMPLES.recharge, key);
    const reply = await post(
      "recharge",
      { ...EXAMPLES.recharge, amount: 7 },
      key,
    );

    expect(reply).toMatchObject({
      status: 409,
      body: { code: "IDEMPOTENCY_CONFLICT" },
    });
  });

  it("refuses a recharge without an Idempotency-Key with 400", async () => {
    const reply = await post("recharge", EXAMPLES.recharge, {
      "idempotency-key": "",
    });
    expect(reply).toMatchObject({ status: 400, body: { code: "BAD_REQUEST" } });
  });

  it("refuses a request without the token with 401", async () => {
    const reply = await post("credit", EXAMPLES.credit, {
      authorization: "Bearer nope",
    });
    expect(reply).toMatchObject({
      status: 401,
      body: { code: "UNAUTHORIZED" },
    });
  });
});
