// What the scale-out tests share: component instances on one demo database,
// the demo customer's requests, the database read back to count charges, and
// the figures a run reports (request split, take-over time, lost, doubled).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import Database from "better-sqlite3";
import type { Element } from "@xmpp/xml";

import { idempotencyKey } from "../../component/commands/payment";
import { ComponentProcess } from "./component-process";
import { testEnv } from "./env";
import { telcoRequest, uniqueId } from "./stanzas";

export const CUSTOMER = { username: "3304578577", password: "mycoolpassword" };
export const TOPPED_UP_LINE = "3404589485";
export const RECHARGE_EUROS = 1;

/** Instances that share one demo database, as they would share a backend. */
export class Fleet {
  readonly dataDir = mkdtempSync(join(tmpdir(), "telco-scale-"));
  readonly instances: ComponentProcess[] = [];

  get dbPath(): string {
    return join(this.dataDir, "demo.sqlite");
  }

  start(name: string, env: Record<string, string> = {}): ComponentProcess {
    const instance = new ComponentProcess(name, {
      DEMO_DB_PATH: this.dbPath,
      ...env,
    });
    this.instances.push(instance);
    return instance;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.instances.splice(0).map((i) => i.stop()));
  }

  async close(): Promise<void> {
    await this.stopAll();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Which instance answered each stanza id, from their logs. */
  answeredBy(id: string): string[] {
    return this.instances
      .filter((instance) => instance.answeredIds().includes(id))
      .map((instance) => instance.name);
  }

  /** Waits for the instances' log lines: a reply may arrive before them. */
  async answeredByEventually(id: string, timeoutMs = 5000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.answeredBy(id).length === 0 && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 50));
    return this.answeredBy(id);
  }

  /** How many requests each instance answered, by name. */
  split(): Record<string, number> {
    return Object.fromEntries(
      this.instances.map((i) => [i.name, i.answeredIds().length]),
    );
  }
}

export function bot(): string {
  return `buddy_channel@${testEnv().componentDomain}`;
}

export function loginRequest(): Element {
  return telcoRequest(bot(), "cmd_login", CUSTOMER, uniqueId("login"));
}

export function creditRequest(): Element {
  return telcoRequest(
    bot(),
    "cmd_credit",
    { msisdn: TOPPED_UP_LINE },
    uniqueId("credit"),
  );
}

export function rechargeRequest(id = uniqueId("recharge")): Element {
  const order = {
    customerCode: "1294941",
    contractCode: "BX19HY",
    msisdn: "3407834889",
    msisdnToRecharge: TOPPED_UP_LINE,
    amount: RECHARGE_EUROS,
    label: `${RECHARGE_EUROS} euro`,
    value: "00001",
    paymentMethod: { type: "card", code: "4234829343294392" },
  };
  return telcoRequest(bot(), "cmd_recharge", order, id);
}

/** What the backend holds: the line's credit and the recharges made. */
export class Ledger {
  constructor(private readonly dbPath: string) {}

  creditCents(): number {
    return this.read((db) =>
      db
        .prepare("SELECT credit_cents FROM lines WHERE msisdn = ?")
        .pluck()
        .get(TOPPED_UP_LINE),
    ) as number;
  }

  /** How many recharges the backend applied for these request ids. */
  chargesFor(sender: string, ids: string[]): number {
    const keys = ids.map((id) => idempotencyKey(sender, id));
    return this.read((db) => {
      const count = db
        .prepare("SELECT COUNT(*) FROM recharges WHERE idempotency_key = ?")
        .pluck();
      return keys.reduce((sum, key) => sum + (count.get(key) as number), 0);
    });
  }

  private read<T>(query: (db: Database.Database) => T): T {
    const db = new Database(this.dbPath, { readonly: true });
    try {
      return query(db);
    } finally {
      db.close();
    }
  }
}

/** Prints a measured figure for the run's report, and returns it. */
export function report<T>(label: string, figure: T): T {
  process.stdout.write(`scale figure: ${label}: ${JSON.stringify(figure)}\n`);
  return figure;
}
