// The line cache seen from a customer's client: a real Prosody, a real Redis
// and the real component. Backend calls are read from the component's own
// metrics, the figures an admin sees.
import type { Element } from "@xmpp/xml";

import { SECTIONS } from "../../component/cache/sections";
import { testEnv } from "../support/env";
import { withFaults, type BackendMethod } from "../support/failing-methods";
import {
  startComponent,
  type RunningComponent,
} from "../support/running-component";
import { redisEntries } from "../support/redis";
import { startRedis } from "../support/servers";
import { readReply, telcoRequest } from "../support/stanzas";
import { TestClient } from "../support/test-client";

const LINE = "3404589485";
const OTHER_LINE = "3407834889";

let alice: TestClient;
let bot: string;
let component: RunningComponent | undefined;

beforeAll(async () => {
  bot = `buddy_channel@${testEnv().componentDomain}`;
  alice = await TestClient.connect("alice", "alice-pass", "cache");
});

afterAll(async () => {
  await component?.stop();
  await alice?.stop();
});

/** Each group starts its own component (on a Redis with no cached lines). */
async function restart(
  overrides: Record<string, string> = {},
  failing?: Set<BackendMethod>,
): Promise<RunningComponent> {
  await component?.stop();

  component = await startComponent(
    overrides,
    failing && { wrapBackend: (demo) => withFaults(demo, failing) },
  );
  await login();
  return component;
}

async function ask(action: string, payload: unknown) {
  const reply: Element = await alice.request(
    telcoRequest(bot, action, payload),
  );
  return readReply(reply).payload;
}

async function login(): Promise<void> {
  const reply = await ask("cmd_login", {
    username: "3304578577",
    password: "mycoolpassword",
  });
  expect(reply.status).toBe(200);
}

function backendCalls(method: string): Promise<number> {
  const { metrics } = component!.app;
  return metrics.count(metrics.backendCalls, { method });
}

function lookups(result: string, section?: string): Promise<number> {
  const { metrics } = component!.app;
  return metrics.count(metrics.cacheLookups, {
    result,
    ...(section && { section }),
  });
}

async function callsPerSection(): Promise<Record<string, number>> {
  const entries = await Promise.all(
    SECTIONS.map(async (section) => [section, await backendCalls(section)]),
  );
  return Object.fromEntries(entries);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe("with the default freshness", () => {
  beforeAll(() => restart({ METRICS_PORT: "0" }));

  it("answers the single commands from what a dashboard cached", async () => {
    const dashboard = await ask("cmd_dashboard", { msisdn: LINE });
    const before = await callsPerSection();

    const credit = await ask("cmd_credit", { msisdn: LINE });
    const line = await ask("cmd_line_info", { msisdn: LINE });

    expect(dashboard.status).toBe(200);
    expect(credit.creditAmount).toBe(
      (dashboard.credit as { creditAmount: string }).creditAmount,
    );
    expect(line.PUK).toBe((dashboard.lineInfo as { PUK: string }).PUK);
    expect(await callsPerSection()).toEqual(before);
  });

  it("fills from a single command what the dashboard then reads", async () => {
    await ask("cmd_credit", { msisdn: OTHER_LINE });
    const creditCalls = await backendCalls("credit");
    const optionCalls = await backendCalls("activeOptions");

    const dashboard = await ask("cmd_dashboard", { msisdn: OTHER_LINE });

    expect(dashboard.status).toBe(200);
    expect(await backendCalls("credit")).toBe(creditCalls);
    expect(await backendCalls("activeOptions")).toBe(optionCalls + 1);
  });

  it("shows the new credit right after a recharge's success reply", async () => {
    const before = await ask("cmd_dashboard", { msisdn: LINE });
    const amountBefore = Number(
      (before.credit as { creditAmount: string }).creditAmount,
    );

    const recharge = await ask("cmd_recharge", {
      customerCode: "1294941",
      contractCode: "BX19HY",
      msisdn: OTHER_LINE,
      msisdnToRecharge: LINE,
      amount: 5,
      label: "5 euro",
      value: "00005",
      paymentMethod: { type: "card", code: "4234829343294392" },
    });
    const after = await ask("cmd_dashboard", { msisdn: LINE });

    expect(recharge.status).toBe(200);
    expect(
      Number((after.credit as { creditAmount: string }).creditAmount),
    ).toBeCloseTo(amountBefore + 5, 2);
  });

  it("clears the line's cache after an auto recharge is set", async () => {
    await ask("cmd_credit", { msisdn: LINE });
    const calls = await backendCalls("credit");

    const reply = await ask("cmd_auto_recharge", {
      customerCode: "1294941",
      contractCode: "BX19HY",
      msisdn: LINE,
      label: "10 euro",
      value: "00010",
      paymentMethod: { type: "card", code: "4234829343294392" },
    });
    await ask("cmd_credit", { msisdn: LINE });

    expect(reply.status).toBe(200);
    expect(await backendCalls("credit")).toBe(calls + 1);
  });

  it("counts requests, hits and misses where an admin can read them, at /metrics", async () => {
    const port = (component!.app.metricsServer!.address() as { port: number })
      .port;
    await ask("cmd_credit", { msisdn: LINE });
    await ask("cmd_made_up", { msisdn: LINE });

    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();

    expect(text).toMatch(
      /telco_cache_lookups_total\{section="credit",result="hit"\} [1-9]/,
    );
    expect(text).toMatch(
      /telco_cache_lookups_total\{section="credit",result="miss"\} [1-9]/,
    );
    expect(text).toMatch(
      /telco_backend_calls_total\{method="credit",outcome="ok"\} [1-9]/,
    );
    expect(text).toMatch(
      /telco_requests_total\{action="cmd_credit",status="200"\} [1-9]/,
    );
    expect(text).toMatch(
      /telco_request_duration_seconds_count\{action="cmd_dashboard"\} [1-9]/,
    );
    expect(text).toMatch(
      /telco_requests_total\{action="unknown",status="404"\} 1/,
    );
    expect(text).not.toContain("cmd_made_up");
  });

  it("keeps no MSISDN in clear in the cache's keys or values", async () => {
    await ask("cmd_dashboard", { msisdn: LINE });

    const entries = await redisEntries(testEnv().redisUrl, "telco:cache:*");
    const keys = entries.map(([key]) => key);
    const values = entries.map(([, value]) => value ?? "");

    expect(keys.length).toBeGreaterThanOrEqual(SECTIONS.length);
    expect(keys.join(" ")).not.toMatch(/\d{6,}/);
    expect(values.join(" ")).not.toContain(LINE);
  });
});

describe("with a one-second credit freshness", () => {
  beforeAll(() => restart({ CACHE_TTL_CREDIT_SECONDS: "1" }));

  it("loads the credit again once its time to live has passed", async () => {
    await ask("cmd_credit", { msisdn: LINE });
    await ask("cmd_credit", { msisdn: LINE });
    const calls = await backendCalls("credit");

    await sleep(1200);
    await ask("cmd_credit", { msisdn: LINE });

    expect(calls).toBe(1);
    expect(await backendCalls("credit")).toBe(2);
  });
});

describe("under concurrent requests for a cold line", () => {
  beforeAll(() => restart({ DEMO_BACKEND_DELAY_MS: "300" }));

  it("makes one backend call per section, however many dashboards ask", async () => {
    const replies = await Promise.all(
      Array.from({ length: 12 }, () => ask("cmd_dashboard", { msisdn: LINE })),
    );

    expect(replies.map((reply) => reply.status)).toEqual(Array(12).fill(200));
    expect(new Set(replies.map((reply) => JSON.stringify(reply))).size).toBe(1);
    expect(await callsPerSection()).toEqual(
      Object.fromEntries(SECTIONS.map((section) => [section, 1])),
    );
    expect(await lookups("shared", "credit")).toBe(11);
  });
});

describe("when a sub-query fails", () => {
  const failing = new Set<BackendMethod>();

  beforeAll(() =>
    restart(
      { CACHE_TTL_CREDIT_SECONDS: "1", CACHE_STALE_MAX_SECONDS: "60" },
      failing,
    ),
  );
  afterEach(() => failing.clear());

  it("answers with the recent stale copy, and counts it", async () => {
    const fresh = await ask("cmd_dashboard", { msisdn: LINE });
    await sleep(1200);

    failing.add("credit");
    const stale = await ask("cmd_dashboard", { msisdn: LINE });

    expect(stale.status).toBe(200);
    expect(stale.credit).toEqual(fresh.credit);
    expect(await lookups("stale", "credit")).toBe(1);
    expect(component!.logText()).toContain(
      "answering from an older cached copy",
    );
  });

  it("without a copy, still answers the other sections and names the missing one", async () => {
    failing.add("credit");

    const reply = await ask("cmd_dashboard", { msisdn: OTHER_LINE });

    expect(reply.status).toBe(503);
    expect(reply.error).toBe(true);
    expect(reply.reason).toMatch(/missing credit$/);
    expect(reply).not.toHaveProperty("credit");
    expect(reply.lineInfo).toMatchObject({ msisdn: OTHER_LINE });
  });
});

describe("across a Redis restart", () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;

  beforeAll(async () => {
    redis = await startRedis();
    await restart({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await component?.stop();
    component = undefined;
    await redis?.stop();
  });

  const bypassLines = () =>
    component!.logLines.filter((line) =>
      String(line.msg).startsWith("cache bypassed"),
    );

  it("keeps answering from the backend, says so once, and uses the cache again when Redis is back", async () => {
    expect((await ask("cmd_dashboard", { msisdn: LINE })).status).toBe(200);
    await redis.stop();

    for (let i = 0; i < 3; i += 1)
      expect((await ask("cmd_dashboard", { msisdn: LINE })).status).toBe(200);
    expect(await lookups("bypass", "credit")).toBe(3);
    expect(bypassLines()).toHaveLength(1);

    redis = await startRedis({ port: redis.port });
    await waitForRedis();
    await login(); // the restarted Redis lost the session
    expect((await ask("cmd_dashboard", { msisdn: LINE })).status).toBe(200);
    const calls = await backendCalls("credit");
    expect((await ask("cmd_dashboard", { msisdn: LINE })).status).toBe(200);

    expect(await backendCalls("credit")).toBe(calls);
    expect(bypassLines()).toHaveLength(1);
    expect(component!.logText()).toContain("cache back in use");
  });

  async function waitForRedis(): Promise<void> {
    for (let waited = 0; waited < 20_000; waited += 100) {
      if (component!.app.redis.status === "ready") return;
      await sleep(100);
    }
    throw new Error("the component did not reconnect to Redis within 20 s");
  }
});
