// Prosody accepts one connection per component domain and refuses a second
// with `conflict`: a second instance stands by, quietly, and takes over when
// the active one dies or stops. Real processes on one demo database, so a
// death is a real SIGKILL; Prosody's own log is read too (docs/scaling.md).
import { readFileSync } from "node:fs";

import jid from "@xmpp/jid";

import { LEASE_TIMINGS } from "../../../component/xmpp/link-lease";
import type { ComponentProcess } from "../../support/component-process";
import { testEnv } from "../../support/env";
import { killUnderLoad } from "../../support/kill-under-load";
import {
  creditRequest,
  Fleet,
  Ledger,
  loginRequest,
  rechargeRequest,
  report,
} from "../../support/scale";
import { readReply } from "../../support/stanzas";
import { TestClient } from "../../support/test-client";

const STANDBY_WATCH_MS = 8000;
const STANDBY_SETTLE_MS = 1000;
const WARN = 40;

let fleet: Fleet;
let alice: TestClient;

beforeAll(async () => {
  fleet = new Fleet();
  alice = await TestClient.connect("alice", "alice-pass", "standby");
});

afterAll(async () => {
  await alice?.stop();
  await fleet?.close();
});

/** Prosody's own line for each refused second connection. */
function prosodyRefusals(): number {
  const log = readFileSync(testEnv().xmppLogFile, "utf8");
  return log.split("\n").filter((line) => /Second component/.test(line)).length;
}

/** Started, refused once, and past its first look at the lease. */
async function startStandby(name: string): Promise<ComponentProcess> {
  const standby = fleet.start(name);
  await standby.waitForLog(/standing by/);
  // At a random phase of its lease polls, so that take-over times are fair.
  const settle = STANDBY_SETTLE_MS + Math.random() * LEASE_TIMINGS.pollMs;
  await new Promise((done) => setTimeout(done, settle));
  return standby;
}

/** From the signal to the line that says the standby is online. */
async function takeOver(
  active: ComponentProcess,
  standby: ComponentProcess,
  how: "kill" | "stop",
): Promise<number> {
  const since = Date.now();
  await (how === "kill" ? active.kill() : active.stop());
  const online = await standby.waitForLog(/component online/);
  return Number(online.time) - since;
}

describe("a hot standby on Prosody", () => {
  let active: ComponentProcess;
  let standby: ComponentProcess;

  beforeAll(async () => {
    active = fleet.start("first");
    await active.waitForLog(/component online/);
  });

  it("stands by with one clear log line, without knocking on Prosody often", async () => {
    const refusedBefore = prosodyRefusals();
    standby = await startStandby("second");
    await new Promise((done) => setTimeout(done, STANDBY_WATCH_MS));

    const knocks = report(
      `Prosody refusals in ${STANDBY_WATCH_MS} ms of standby`,
      prosodyRefusals() - refusedBefore,
    );
    const refusals = standby.linesMatching(/standing by/);
    const waits = refusals.map((line) => Number(line.retryInMs));
    expect(refusals.filter((line) => line.level === WARN)).toHaveLength(1);
    expect(knocks).toBeGreaterThanOrEqual(2);
    expect(knocks).toBeLessThanOrEqual(4);
    // Backoff: each wait at least as long as the one before.
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
  }, 30_000);

  it("takes over when the active instance is killed, and answers from the session and recharge it left", async () => {
    const ledger = new Ledger(fleet.dbPath);
    const login = await alice.request(loginRequest());
    const recharge = rechargeRequest();
    const receipt = readReply(await alice.request(recharge));
    const credit = ledger.creditCents();

    const takeOverMs = report(
      "Prosody take-over after SIGKILL (ms)",
      await takeOver(active, standby, "kill"),
    );
    const query = readReply(await alice.request(creditRequest()));
    const retried = readReply(await alice.request(recharge));

    expect(readReply(login).payload.status).toBe(200);
    expect(receipt.payload.status).toBe(200);
    expect(query.payload.status).toBe(200);
    expect(retried.payload).toEqual(receipt.payload);
    expect(ledger.creditCents()).toBe(credit);
    expect(ledger.chargesFor(bareJid(alice), [String(recharge.attrs.id)])).toBe(
      1,
    );
    expect(takeOverMs).toBeLessThan(15_000);
  }, 60_000);

  it("takes over when the active instance stops cleanly", async () => {
    active = standby;
    standby = await startStandby("third");

    const takeOverMs = report(
      "Prosody take-over after SIGTERM (ms)",
      await takeOver(active, standby, "stop"),
    );
    const query = readReply(await alice.request(creditRequest()));

    expect(query.payload.status).toBe(200);
    expect(takeOverMs).toBeLessThan(15_000);
  }, 60_000);

  it("answers every resent request and charges none twice when the active instance is killed under load", async () => {
    active = standby;
    standby = await startStandby("fourth");

    const figures = report(
      "Prosody, active instance killed under load",
      await killUnderLoad({ fleet, client: alice, victim: active }),
    );

    expect(figures.lost).toBe(0);
    expect(figures.failed).toBe(0);
    expect(figures.applied).toBe(figures.recharges);
    expect(figures.doubled).toBe(0);
    expect(figures.inconsistent).toBe(0);
    expect(figures.splitAfterKill.fourth).toBeGreaterThan(0);
  }, 120_000);
});

function bareJid(client: TestClient): string {
  return jid(client.jid).bare().toString();
}
