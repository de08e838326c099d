// ejabberd accepts several connections for one component domain and spreads
// the stanzas over them: three instances active at once, real processes on
// one demo database, and any of them answers any request (docs/scaling.md).
import jid from "@xmpp/jid";

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

const INSTANCES = ["a", "b", "c"];

let fleet: Fleet;
let alice: TestClient;

beforeAll(async () => {
  fleet = new Fleet();
  // A slow backend keeps requests in flight when an instance dies.
  for (const name of INSTANCES)
    fleet.start(name, { DEMO_BACKEND_DELAY_MS: "150" });
  await Promise.all(
    fleet.instances.map((i) => i.waitForLog(/component online/)),
  );

  alice = await TestClient.connect("alice", "alice-pass", "scale");
}, 60_000);

afterAll(async () => {
  await alice?.stop();
  await fleet?.close();
});

describe("several active instances on ejabberd", () => {
  it("spreads requests over every instance, each answering with the session another opened", async () => {
    const login = loginRequest();
    expect(readReply(await alice.request(login)).payload.status).toBe(200);
    const [loggedInBy] = await fleet.answeredByEventually(
      String(login.attrs.id),
    );

    const queries = Array.from({ length: 30 }, creditRequest);
    const replies = await Promise.all(queries.map((q) => alice.request(q)));
    const answerers = await Promise.all(
      queries.map((q) => fleet.answeredByEventually(String(q.attrs.id))),
    );

    const split: Record<string, number> = report(
      "ejabberd split of 30 queries over 3 instances",
      { a: 0, b: 0, c: 0, ...countBy(answerers.flat()) },
    );
    expect(replies.map((r) => readReply(r).payload.status)).toEqual(
      queries.map(() => 200),
    );
    for (const name of INSTANCES) expect(split[name]).toBeGreaterThan(0);
    expect(answerers.flat()).toContain(
      INSTANCES.find((name) => name !== loggedInBy),
    );
  });

  it("applies a recharge once when the same request is retried against another instance", async () => {
    const ledger = new Ledger(fleet.dbPath);
    const before = ledger.creditCents();
    const request = rechargeRequest();
    const id = String(request.attrs.id);

    const first = readReply(await alice.request(request));
    const retries = [];
    for (let i = 0; i < 20 && (await answerers(id)) < 2; i += 1)
      retries.push(readReply(await alice.request(request)));

    expect(first.payload.status).toBe(200);
    expect(await answerers(id)).toBeGreaterThanOrEqual(2);
    for (const retry of retries) expect(retry.payload).toEqual(first.payload);
    expect(ledger.creditCents() - before).toBe(100);
    expect(ledger.chargesFor(bareJid(alice), [id])).toBe(1);
  });

  it("answers every resent request and charges none twice when an instance is killed under load", async () => {
    const figures = await killUnderLoad({
      fleet,
      client: alice,
      victim: fleet.instances[1],
    });
    report("ejabberd, one of 3 instances killed under load", figures);

    expect(figures.lost).toBe(0);
    expect(figures.failed).toBe(0);
    expect(figures.applied).toBe(figures.recharges);
    expect(figures.doubled).toBe(0);
    expect(figures.inconsistent).toBe(0);
  }, 120_000);
});

async function answerers(id: string): Promise<number> {
  return new Set(await fleet.answeredByEventually(id)).size;
}

function bareJid(client: TestClient): string {
  return jid(client.jid).bare().toString();
}

function countBy(names: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}
