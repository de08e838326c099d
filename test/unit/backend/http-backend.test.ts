// HttpBackend against the reference server on loopback: every method answers
// what the demo backend behind it answers, the token travels, mutual TLS
// works, and a closed backend answers 503.
import { readFileSync } from "node:fs";
import { join } from "node:path";

import {
  openDemoBackend,
  type DemoBackend,
} from "../../../component/backend/demo";
import type { HttpBackendConfig } from "../../../component/backend/http/config";
import { HttpBackend } from "../../../component/backend/http/http-backend";
import { referenceHandler } from "../../../component/backend/reference-server/server";
import { createLogger } from "../../../component/logger";
import {
  listenOnLoopback,
  type LoopbackServer,
} from "../../support/http-server";

const TOKEN = "unit-test-token";
const TLS_DIR = join(__dirname, "..", "..", "fixtures", "tls");
const tlsFile = (name: string) => readFileSync(join(TLS_DIR, name), "utf8");
const silent = createLogger("silent");

function configFor(
  url: string,
  overrides: Partial<HttpBackendConfig> = {},
): HttpBackendConfig {
  return {
    url,
    authHeader: "Authorization",
    token: TOKEN,
    tls: {},
    attemptTimeoutMs: 1000,
    retries: 0,
    connections: 4,
    breaker: { errorPercent: 50, minCalls: 100, resetMs: 1000 },
    ...overrides,
  };
}

function httpBackend(url: string, overrides: Partial<HttpBackendConfig> = {}) {
  return new HttpBackend({
    config: configFor(url, overrides),
    budgetMs: 3000,
    log: silent,
  });
}

describe("HttpBackend against the reference server", () => {
  let demo: DemoBackend;
  let server: LoopbackServer;
  let backend: HttpBackend;

  beforeAll(async () => {
    demo = openDemoBackend({ path: ":memory:" });
    server = await listenOnLoopback(
      referenceHandler({ backend: demo, log: silent, token: TOKEN }),
    );
    backend = httpBackend(`${server.url}/`);
  });

  afterAll(async () => {
    await backend.close();
    await server.close();
    await demo.close();
  });

  it("answers every read as the demo backend does", async () => {
    const line = "3404589485";
    const range = {
      start: new Date("2020-01-01"),
      end: new Date("2030-01-01"),
    };

    expect(await backend.login("3304578577", "mycoolpassword")).toEqual(
      await demo.login("3304578577", "mycoolpassword"),
    );
    expect(await backend.customer("1294941")).toEqual(
      await demo.customer("1294941"),
    );
    expect(await backend.lineInfo(line)).toEqual(await demo.lineInfo(line));
    expect(await backend.activeOptions(line)).toEqual(
      await demo.activeOptions(line),
    );
    expect(await backend.activePromotions(line)).toEqual(
      await demo.activePromotions(line),
    );
    expect(await backend.activeServices(line)).toEqual(
      await demo.activeServices(line),
    );
    expect(await backend.credit(line)).toEqual(await demo.credit(line));
    expect(await backend.paymentMethods("1294941", "BX19HY")).toEqual(
      await demo.paymentMethods("1294941", "BX19HY"),
    );
    expect(await backend.lastRecharges([line], range)).toEqual(
      await demo.lastRecharges([line], range),
    );
  });

  it("resolves a login with wrong credentials to null", async () => {
    expect(await backend.login("3304578577", "wrong")).toBeNull();
  });

  it("sends the idempotency key, so that the demo backend replays the same receipt", async () => {
    const order = {
      customerCode: "1294941",
      contractCode: "BX19HY",
      payingMsisdn: "3407834889",
      msisdnToRecharge: "3404589485",
      amount: 2.5,
      label: "2.50 euro",
      value: "00002",
      payment: { cardNumber: "4958348332484239" },
    };
    const key = "c".repeat(64);

    const receipt = await backend.recharge(order, key);
    expect(await demo.recharge(order, key)).toEqual(receipt);
    await expect(
      backend.recharge({ ...order, amount: 3 }, key),
    ).rejects.toMatchObject({
      code: "IDEMPOTENCY_CONFLICT",
    });
  });

  it("sets an automatic recharge", async () => {
    const order = {
      customerCode: "1294941",
      contractCode: "BX19HY",
      msisdn: "3407834889",
      label: "10 euro",
      value: "00010",
      payment: { code: "4234829343294392" },
    };
    await expect(backend.autoRecharge(order)).resolves.toBeUndefined();
  });

  it("passes the backend's refusal on as the protocol's 403", async () => {
    await expect(backend.credit("3000000001")).rejects.toMatchObject({
      code: "FORBIDDEN",
      status: 403,
    });
  });

  it("counts the calls of each method", () => {
    expect(backend.calls.credit).toBeGreaterThanOrEqual(2);
    expect(backend.calls.recharge).toBe(2);
  });

  it("is refused with 502 when its token is wrong", async () => {
    const intruder = httpBackend(server.url, { token: "wrong-token" });
    await expect(intruder.credit("3404589485")).rejects.toMatchObject({
      code: "BACKEND_AUTH_REFUSED",
    });
    await intruder.close();
  });

  it("sends the token in another header when told to", async () => {
    const keyed = await listenOnLoopback(
      referenceHandler({
        backend: demo,
        log: silent,
        token: TOKEN,
        authHeader: "X-Api-Key",
      }),
    );
    const client = httpBackend(keyed.url, { authHeader: "X-Api-Key" });

    await expect(client.credit("3404589485")).resolves.toHaveProperty(
      "creditAmount",
    );
    await client.close();
    await keyed.close();
  });

  it("answers 503 once closed", async () => {
    const closing = httpBackend(server.url);
    await closing.close();
    await expect(closing.credit("3404589485")).rejects.toMatchObject({
      code: "BACKEND_UNAVAILABLE",
      status: 503,
    });
  });
});

describe("HttpBackend over mutual TLS", () => {
  let demo: DemoBackend;
  let server: LoopbackServer;

  beforeAll(async () => {
    demo = openDemoBackend({ path: ":memory:" });
    server = await listenOnLoopback(
      referenceHandler({ backend: demo, log: silent }),
      {
        key: tlsFile("server.key"),
        cert: tlsFile("server.crt"),
        ca: tlsFile("ca.crt"),
        requestCert: true,
        rejectUnauthorized: true,
      },
    );
  });

  afterAll(async () => {
    await server.close();
    await demo.close();
  });

  it("is served when it presents its client certificate", async () => {
    const backend = httpBackend(server.url, {
      tls: {
        ca: tlsFile("ca.crt"),
        cert: tlsFile("client.crt"),
        key: tlsFile("client.key"),
      },
    });
    await expect(backend.credit("3404589485")).resolves.toHaveProperty(
      "creditAmount",
    );
    await backend.close();
  });

  it("is refused, as unreachable, without one", async () => {
    const backend = httpBackend(server.url, { tls: { ca: tlsFile("ca.crt") } });
    await expect(backend.credit("3404589485")).rejects.toMatchObject({
      code: "BACKEND_UNAVAILABLE",
    });
    await backend.close();
  });
});
