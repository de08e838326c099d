// BACKEND=http against a real HTTP server on loopback that misbehaves on
// request: each fault ends in the status and log line docs/backend-http.md
// promises, the component keeps answering, a recharge is never applied
// twice, and the circuit breaker opens and closes again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createLogger } from "../../component/logger";
import { FaultyBackend } from "../support/faulty-backend";
import {
  startComponent,
  type RunningComponent,
} from "../support/running-component";
import { freePort } from "../support/servers";
import { readReply, telcoRequest, uniqueId } from "../support/stanzas";
import { testEnv } from "../support/env";
import { TestClient } from "../support/test-client";

const LINE = "3404589485";
const FRANCESCO = { username: "3304578577", password: "mycoolpassword" };
// Every query must reach the backend under test: the line cache, which
// would answer from Redis, has its own tests (cache.test.ts).
const NO_CACHE = {
  CACHE_TTL_LINE_INFO_SECONDS: "0",
  CACHE_TTL_OPTIONS_SECONDS: "0",
  CACHE_TTL_PROMOTIONS_SECONDS: "0",
  CACHE_TTL_SERVICES_SECONDS: "0",
  CACHE_TTL_CREDIT_SECONDS: "0",
};
// Generous enough for a loaded machine, short enough to keep the file quick.
const TIMING = {
  ...NO_CACHE,
  BACKEND_TIMEOUT_MS: "2000",
  BACKEND_ATTEMPT_TIMEOUT_MS: "600",
  BACKEND_RETRIES: "2",
};

let dataDir: string;
let backend: FaultyBackend;
let alice: TestClient;
let bot: string;

beforeAll(async () => {
  bot = `buddy_channel@${testEnv().componentDomain}`;
  dataDir = mkdtempSync(join(tmpdir(), "telco-faults-"));
  backend = await FaultyBackend.start(
    join(dataDir, "demo.sqlite"),
    createLogger("silent"),
  );
  alice = await TestClient.connect("alice", "alice-pass", "faults");
});

afterAll(async () => {
  await alice?.stop();
  await backend?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function ask(action: string, payload: object, id?: string) {
  const reply = await alice.request(telcoRequest(bot, action, payload, id));
  return readReply(reply).payload;
}

const credit = () => ask("cmd_credit", { msisdn: LINE });

function linesSaying(component: RunningComponent, text: string) {
  return component.logLines.filter((line) => String(line.msg).includes(text));
}

describe("a telco backend that misbehaves", () => {
  let component: RunningComponent;

  beforeAll(async () => {
    component = await startComponent({
      ...backend.env,
      ...TIMING,
      // Out of the way here: the breaker has its own tests below.
      BACKEND_BREAKER_MIN_CALLS: "10000",
    });
    expect((await ask("cmd_login", FRANCESCO)).status).toBe(200);
  });

  afterEach(() => backend.heal());
  afterAll(() => component?.stop());

  it("answers 500 naming the time-out when the backend is too slow, then answers again", async () => {
    backend.inject("credit", { kind: "slow", ms: 3000 });

    expect(await credit()).toMatchObject({
      error: true,
      status: 500,
      reason: "Internal server error: backend request goes to timeout",
    });
    expect(linesSaying(component, "request failed")).toContainEqual(
      expect.objectContaining({ code: "BACKEND_TIMEOUT", status: 500 }),
    );

    backend.heal();
    expect((await credit()).status).toBe(200);
  });

  it("retries a read that got a 503 and answers from the next attempt", async () => {
    const before = backend.requestsOf("credit").length;
    backend.inject("credit", { kind: "status", status: 503 }, 1);

    expect(await credit()).toMatchObject({ status: 200, error: false });
    expect(backend.requestsOf("credit").length - before).toBe(2);
    expect(
      linesSaying(component, "telco backend call failed, retrying"),
    ).toContainEqual(expect.objectContaining({ operation: "credit" }));
  });

  it("answers 503 once every retry got a 5xx", async () => {
    const before = backend.requestsOf("credit").length;
    backend.inject("credit", { kind: "status", status: 500 });

    expect(await credit()).toMatchObject({
      status: 503,
      reason: "Service unavailable: telco backend unreachable",
    });
    expect(backend.requestsOf("credit").length - before).toBe(3);
    expect(linesSaying(component, "request failed")).toContainEqual(
      expect.objectContaining({ code: "BACKEND_UNAVAILABLE" }),
    );
  });

  it("retries after the connection is reset", async () => {
    backend.inject("credit", { kind: "reset" }, 1);
    expect(await credit()).toMatchObject({ status: 200 });
  });

  it("answers 502 to a reply that is not JSON, and says which operation broke the contract", async () => {
    const before = backend.requestsOf("credit").length;
    backend.inject("credit", { kind: "malformed-json" });

    expect(await credit()).toMatchObject({
      status: 502,
      reason: "Bad gateway: telco backend sent an invalid response",
    });
    expect(backend.requestsOf("credit").length - before).toBe(1);
    expect(
      linesSaying(component, "backend reply breaks the contract"),
    ).toContainEqual(
      expect.objectContaining({
        operation: "credit",
        why: expect.stringMatching(/not valid JSON/),
      }),
    );
  });

  it("answers 502 to a reply of the wrong shape, naming the missing field in the log", async () => {
    backend.inject("lineInfo", { kind: "wrong-shape" });

    const reply = await ask("cmd_line_info", { msisdn: LINE });
    expect(reply).toMatchObject({ status: 502 });
    expect(
      linesSaying(component, "backend reply breaks the contract"),
    ).toContainEqual(
      expect.objectContaining({
        operation: "lineInfo",
        why: expect.stringMatching(/must have required property 'description'/),
      }),
    );
  });

  describe("recharges", () => {
    const order = {
      customerCode: "1294941",
      contractCode: "BX19HY",
      msisdn: "3407834889",
      msisdnToRecharge: LINE,
      amount: 5,
      label: "5 euro",
      value: "00005",
      paymentMethod: { type: "card", code: "4234829343294392" },
    };
    const creditNow = async () => Number((await credit()).creditAmount);

    async function rechargeThrough(
      fault: Parameters<FaultyBackend["inject"]>[1],
    ) {
      const before = await creditNow();
      const seenBefore = backend.requestsOf("recharge").length;
      backend.inject("recharge", fault, 1);

      const reply = await ask("cmd_recharge", order, uniqueId("recharge"));
      const sent = backend.requestsOf("recharge").slice(seenBefore);
      return { reply, sent, raised: (await creditNow()) - before };
    }

    it("charges once when the reply is lost and the component sends the order again", async () => {
      const { reply, sent, raised } = await rechargeThrough({
        kind: "reset-after-work",
      });

      expect(reply).toMatchObject({ status: 200, rechargedAmount: 5 });
      expect(raised).toBeCloseTo(5, 2);
      expect(sent).toHaveLength(2);
      expect(sent[0].idempotencyKey).toMatch(/^[0-9a-f]{64}$/);
      expect(sent[1].idempotencyKey).toBe(sent[0].idempotencyKey);
    });

    it("charges once when the reply comes after the attempt gave up", async () => {
      const { reply, sent, raised } = await rechargeThrough({
        kind: "slow",
        ms: 1000,
      });

      expect(reply).toMatchObject({ status: 200 });
      expect(raised).toBeCloseTo(5, 2);
      expect(sent).toHaveLength(2);
      expect(sent[1].idempotencyKey).toBe(sent[0].idempotencyKey);
    });

    it("keeps the backend token, passwords and MSISDNs out of the log, faults and all", () => {
      const log = component.logText();
      for (const secret of [backend.token, FRANCESCO.password, LINE])
        expect(log).not.toContain(secret);
    });
  });
});

describe("the circuit breaker", () => {
  let component: RunningComponent;

  beforeAll(async () => {
    component = await startComponent({
      ...backend.env,
      ...TIMING,
      BACKEND_RETRIES: "0",
      BACKEND_BREAKER_MIN_CALLS: "4",
      BACKEND_BREAKER_ERROR_PERCENT: "50",
      BACKEND_BREAKER_RESET_MS: "1500",
    });
    expect((await ask("cmd_login", FRANCESCO)).status).toBe(200);
  });

  afterAll(async () => {
    backend.heal();
    await component?.stop();
  });

  it("opens on a failing backend, answers 503 without calling it, and closes once it answers again", async () => {
    backend.inject("credit", { kind: "status", status: 502 });
    for (let i = 0; i < 10 && !opened(); i += 1)
      expect((await credit()).status).toBe(503);
    expect(opened()).toBe(true);

    const calledBefore = backend.requestsOf("credit").length;
    expect(await credit()).toMatchObject({ status: 503 });
    expect(backend.requestsOf("credit")).toHaveLength(calledBefore);

    backend.heal();
    await waitFor(() => linesSaying(component, "circuit half-open").length > 0);
    expect((await credit()).status).toBe(200);
    expect(linesSaying(component, "circuit closed")).toHaveLength(1);
    expect((await credit()).status).toBe(200);
  });

  function opened(): boolean {
    return linesSaying(component, "circuit open").length > 0;
  }
});

describe("a telco backend that cannot be reached or refuses the component", () => {
  it("answers 503 when nothing listens at BACKEND_URL", async () => {
    const port = await freePort();
    const component = await startComponent({
      BACKEND: "http",
      BACKEND_URL: `http://127.0.0.1:${port}`,
      ...TIMING,
    });

    try {
      expect(await ask("cmd_login", FRANCESCO)).toMatchObject({
        status: 503,
        reason: "Service unavailable: telco backend unreachable",
      });
    } finally {
      await component.stop();
    }
  });

  it("answers 502 when the backend refuses the component's token, and says so in the log", async () => {
    const component = await startComponent({
      ...backend.env,
      BACKEND_TOKEN: "not-the-token",
    });

    try {
      expect(await ask("cmd_login", FRANCESCO)).toMatchObject({
        status: 502,
        reason:
          "Bad gateway: telco backend refused the component's credentials",
      });
      expect(linesSaying(component, "request failed")).toContainEqual(
        expect.objectContaining({ code: "BACKEND_AUTH_REFUSED" }),
      );
    } finally {
      await component.stop();
    }
  });
});

async function waitFor(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((done) => setTimeout(done, 50));
  }
}
