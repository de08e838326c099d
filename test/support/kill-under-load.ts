// One scenario for every topology: a client keeps requests flowing (queries
// and recharges), one instance is killed with SIGKILL half-way, and every
// request not answered in time is resent unchanged. Afterwards: how many were
// lost, how many recharges were charged twice, and who answered what.
import jid from "@xmpp/jid";

import type { ComponentProcess } from "./component-process";
import { Load, type Outcome } from "./load";
import {
  creditRequest,
  Ledger,
  RECHARGE_EUROS,
  rechargeRequest,
  type Fleet,
} from "./scale";
import type { TestClient } from "./test-client";

export interface KillFigures {
  requests: number;
  recharges: number;
  resent: number;
  /** Requests never answered, however often resent. */
  lost: number;
  /** Requests answered with an error status. */
  failed: number;
  /** Recharges the backend recorded (one per request id at most). */
  applied: number;
  /** Charges beyond the recorded recharges, from the credit the line gained. */
  doubled: number;
  /** Recharge ids answered with different receipts. */
  inconsistent: number;
  answeredTwice: number;
  /** Requests each instance answered until the victim died, and after. */
  splitBeforeKill: Record<string, number>;
  splitAfterKill: Record<string, number>;
}

const LATE_REPLY_GRACE_MS = 1500;

export async function killUnderLoad(options: {
  fleet: Fleet;
  client: TestClient;
  victim: ComponentProcess;
  requests?: number;
  killAfterAnswers?: number;
}): Promise<KillFigures> {
  const { fleet, client, victim } = options;
  const ledger = new Ledger(fleet.dbPath);
  const before = ledger.creditCents();
  const splitAtStart = fleet.split();
  const requests = Array.from({ length: options.requests ?? 120 }, (_, i) =>
    i % 3 === 0 ? rechargeRequest() : creditRequest(),
  );
  const load = new Load(client, {
    concurrency: 12,
    timeoutMs: 3000,
    maxAttempts: 6,
  });

  let finished = false;
  const running = load.run(requests).finally(() => (finished = true));
  const threshold = options.killAfterAnswers ?? 30;
  await until(() => finished || load.answered >= threshold);
  await victim.kill();
  const splitBeforeKill = subtract(fleet.split(), splitAtStart);
  const outcomes = await running;
  await new Promise((done) => setTimeout(done, LATE_REPLY_GRACE_MS));

  const recharges = outcomes.filter((o) => o.action === "cmd_recharge");
  const sender = jid(client.jid).bare().toString();
  const charged = (ledger.creditCents() - before) / (100 * RECHARGE_EUROS);
  const applied = ledger.chargesFor(
    sender,
    recharges.map((o) => o.id),
  );

  return {
    requests: outcomes.length,
    recharges: recharges.length,
    resent: outcomes.filter((o) => o.attempts > 1).length,
    lost: outcomes.filter((o) => !o.reply).length,
    failed: outcomes.filter((o) => o.reply && o.reply.payload.status !== 200)
      .length,
    applied,
    doubled: charged - applied,
    inconsistent: recharges.filter((o) => !sameReceipts(o, load)).length,
    answeredTwice: outcomes.filter((o) => load.extraReplies(o.id).length > 0)
      .length,
    splitBeforeKill,
    splitAfterKill: subtract(
      subtract(fleet.split(), splitAtStart),
      splitBeforeKill,
    ),
  };
}

/** Every answer to one recharge carries the same transaction. */
function sameReceipts(outcome: Outcome, load: Load): boolean {
  const first = outcome.reply?.payload.transactionID;
  return load
    .extraReplies(outcome.id)
    .every((reply) => reply.payload.transactionID === first);
}

function subtract(
  after: Record<string, number>,
  before: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after).map(([name, n]) => [name, n - (before[name] ?? 0)]),
  );
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((done) => setTimeout(done, 20));
}
