// `npm run bench`: the telco component against an echo component through the
// same private Prosody, side by side in one run, then a cold dashboard over a
// slow backend. Prints a table and writes it as JSON to bench/results/.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import type { Element } from "@xmpp/xml";
import Redis from "ioredis";

import { readReply, telcoRequest, uniqueId } from "../test/support/stanzas";
import { startProsody, startRedis } from "../test/support/servers";
import { LoadClient, percentile, type Measurement } from "./load";
import {
  report,
  TARGETS,
  type Cells,
  type ColdResult,
  type Target,
} from "./report";

const ROOT = resolve(__dirname, "..", "..", "..");
const RESULTS = join(ROOT, "bench", "results");
const IN_FLIGHT = [1, 16, 128];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const DELAY_MS = Number(process.env.BENCH_BACKEND_DELAY_MS ?? 20);
const COLD_SAMPLES = 60;
const LINE = "3404589485";
const DOMAIN = "telco.localhost";
const BOT = `buddy_channel@${DOMAIN}`;

interface Servers {
  prosody: Awaited<ReturnType<typeof startProsody>>;
  redis: Awaited<ReturnType<typeof startRedis>>;
  secret: string;
  dataDir: string;
}

async function main(): Promise<void> {
  const servers = await startServers();
  const client = await LoadClient.connect({
    service: `xmpp://127.0.0.1:${servers.prosody.c2sPort}`,
    domain: "localhost",
    username: "bench",
    password: "bench-pass",
  });

  try {
    const cells: Cells = {
      credit: { telco: [], echo: [] },
      dashboard: { telco: [], echo: [] },
    };
    for (let round = 1; round <= ROUNDS; round += 1) {
      log(`round ${round} of ${ROUNDS}: telco component`);
      await withProcess(telcoProcess(servers), client, async () => {
        await login(client);
        for (const target of TARGETS)
          cells[target].telco.push(await measureAll(client, target));
      });

      for (const target of TARGETS) {
        const bytes = cells[target].telco[round - 1][0].replyBytes;
        log(
          `round ${round} of ${ROUNDS}: echo component, ${bytes}-byte replies`,
        );
        cells[target].echo.push(
          await withProcess(echoProcess(servers, bytes), client, () =>
            measureAll(client, "echo"),
          ),
        );
      }
    }

    log(`cold dashboard, backend delay ${DELAY_MS} ms per sub-query`);
    const cold = await withProcess(telcoProcess(servers), client, async () => {
      await login(client);
      return coldDashboard(client, servers.redis.url);
    });

    report(cells, cold, {
      rounds: ROUNDS,
      secondsPerCell: SECONDS,
      inFlight: IN_FLIGHT,
      backendDelayMs: DELAY_MS,
      resultsDir: RESULTS,
    });
  } finally {
    await client.stop();
    await servers.prosody.stop();
    await servers.redis.stop();
    rmSync(servers.dataDir, { recursive: true, force: true });
  }
}

async function startServers(): Promise<Servers> {
  const secret = randomBytes(12).toString("hex");
  const redis = await startRedis();
  const prosody = await startProsody({
    componentDomain: DOMAIN,
    componentSecret: secret,
  });
  prosody.register("bench", "bench-pass");
  const dataDir = mkdtempSync(join(tmpdir(), "telco-bench-"));
  return { prosody, redis, secret, dataDir };
}

function componentEnv(servers: Servers): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XMPP_SERVICE: `xmpp://127.0.0.1:${servers.prosody.componentPort}`,
    COMPONENT_DOMAIN: DOMAIN,
    COMPONENT_SECRET: servers.secret,
  };
}

/** Its replies are padded to `replyBytes`, the size of a telco reply. */
function echoProcess(servers: Servers, replyBytes: number): ChildProcess {
  const script = join(ROOT, "dist", "bench", "bench", "echo-component.js");
  return spawn(process.execPath, [script], {
    env: { ...componentEnv(servers), ECHO_STANZA_BYTES: String(replyBytes) },
    stdio: "inherit",
  });
}

/** Warm runs never reach the backend, so one delayed backend serves both. */
function telcoProcess(servers: Servers): ChildProcess {
  const script = join(ROOT, "dist", "component", "main.js");
  const env = {
    ...componentEnv(servers),
    REDIS_URL: servers.redis.url,
    DEMO_DB_PATH: join(servers.dataDir, "demo.sqlite"),
    DEMO_BACKEND_DELAY_MS: String(DELAY_MS),
    CACHE_TTL_CREDIT_SECONDS: "3600",
    LOG_LEVEL: "warn",
  };
  // e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "")
    .split(" ")
    .filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, script], {
    env,
    stdio: "inherit",
  });
}

/** Runs `work` while the process answers; stops the process afterwards. */
async function withProcess<T>(
  child: ChildProcess,
  client: LoadClient,
  work: () => Promise<T>,
): Promise<T> {
  try {
    await untilAnswering(client);
    return await work();
  } finally {
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await exited;
  }
}

/** Until a component is online, Prosody bounces messages with an error. */
async function untilAnswering(client: LoadClient): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const reply = await client
      .ask(telcoRequest(BOT, "cmd_credit", { msisdn: LINE }), 2000)
      .catch(() => undefined);
    if (reply && reply.attrs.type !== "error") return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error("the component did not come online within 20 s");
}

async function login(client: LoadClient): Promise<void> {
  const payload = { username: "3304578577", password: "mycoolpassword" };
  expectSuccess(await client.ask(telcoRequest(BOT, "cmd_login", payload)));
}

function expectSuccess(reply: Element): void {
  const status =
    reply.attrs.type === "error"
      ? "error stanza"
      : readReply(reply).payload.status;
  if (status !== 200) throw new Error(`a benchmark request failed: ${status}`);
}

async function measureAll(
  client: LoadClient,
  target: Target | "echo",
): Promise<Measurement[]> {
  const request = () =>
    target === "echo"
      ? telcoRequest(BOT, "cmd_credit", { msisdn: LINE })
      : telcoRequest(BOT, `cmd_${target}`, { msisdn: LINE });
  const check = target === "echo" ? () => undefined : expectSuccess;

  const results: Measurement[] = [];
  for (const inFlight of IN_FLIGHT) {
    await client.measure(request, check, inFlight, 500); // warm-up
    results.push(
      await client.measure(request, check, inFlight, SECONDS * 1000),
    );
  }
  return results;
}

/** One request at a time, each after the line's cache entries are deleted. */
async function coldDashboard(
  client: LoadClient,
  redisUrl: string,
): Promise<ColdResult> {
  const redis = new Redis(redisUrl);
  const latencies: number[] = [];

  for (let i = 0; i < COLD_SAMPLES; i += 1) {
    const keys = await redis.keys("telco:cache:*");
    if (keys.length > 0) await redis.del(...keys);

    const started = performance.now();
    expectSuccess(
      await client.ask(
        telcoRequest(BOT, "cmd_dashboard", { msisdn: LINE }, uniqueId("cold")),
      ),
    );
    latencies.push(performance.now() - started);
  }
  redis.disconnect();

  latencies.sort((a, b) => a - b);
  const p50Ms = percentile(latencies, 0.5);
  return {
    samples: COLD_SAMPLES,
    delayMs: DELAY_MS,
    p50Ms,
    p99Ms: percentile(latencies, 0.99),
    p50OverDelay: p50Ms / DELAY_MS,
  };
}

function log(message: string): void {
  console.log(`bench: ${message}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
