// The embedded demo backend: TelcoBackend on SQLite (a file or :memory:),
// seeded with DEMO_CUSTOMERS on first open, for demos, tests and benchmarks.
import { setTimeout as sleep } from "node:timers/promises";

import type { Database } from "better-sqlite3";

import { TelcoError } from "../../errors";
import type {
  AutoRechargeOrder,
  CustomerAccount,
  CustomerProfile,
  Credit,
  DateRange,
  LineInfo,
  Offer,
  RechargeOrder,
  RechargeReceipt,
  RechargeRecord,
  StoredCard,
  TelcoBackend,
} from "../telco-backend";
import { saveAutoRecharge } from "./auto-recharge";
import { openDatabase } from "./database";
import { unknownUserHash, verifyPassword } from "./passwords";
import * as reads from "./reads";
import { rechargeLine } from "./recharge";
import { findRecharges } from "./recharge-history";

export interface DemoBackendOptions {
  /** A file (its folder is created if missing), or ":memory:". */
  path: string;
  /** Milliseconds every method waits before answering, to play a slow backend. @default 0 */
  delayMs?: number;
  /** Stamps recharges; tests pass a fixed one. @default () => new Date() */
  clock?: () => Date;
}

export type DemoBackendMethod = Exclude<keyof TelcoBackend, "close">;

export class DemoBackend implements TelcoBackend {
  /** How many times each method was called, for tests that check the cache. */
  readonly calls: Partial<Record<DemoBackendMethod, number>> = {};
  private readonly delayMs: number;
  private readonly clock: () => Date;

  constructor(
    private readonly db: Database,
    options: Omit<DemoBackendOptions, "path"> = {},
  ) {
    this.delayMs = options.delayMs ?? 0;
    this.clock = options.clock ?? (() => new Date());
  }

  /** The password is checked even for an unknown user, so timing tells nothing. */
  login(username: string, password: string): Promise<CustomerAccount | null> {
    return this.answer("login", async () => {
      const row = reads.loginRow(this.db, username);
      const matches = await verifyPassword(
        password,
        row?.passwordHash ?? unknownUserHash(),
      );
      if (!row || !matches) return null;

      return {
        customerCode: row.customerCode,
        contracts: reads.contractsOf(this.db, row.customerCode),
      };
    });
  }

  findAccount(username: string): Promise<CustomerAccount | null> {
    return this.answer("findAccount", async () => {
      const row = reads.loginRow(this.db, username);
      if (!row) return null;

      return {
        customerCode: row.customerCode,
        contracts: reads.contractsOf(this.db, row.customerCode),
      };
    });
  }

  customer(customerCode: string): Promise<CustomerProfile> {
    return this.answer("customer", () =>
      reads.customerProfile(this.db, customerCode),
    );
  }

  lineInfo(msisdn: string): Promise<LineInfo> {
    return this.answer("lineInfo", () => reads.lineInfo(this.db, msisdn));
  }

  activeOptions(msisdn: string): Promise<Offer[]> {
    return this.answer("activeOptions", () =>
      reads.offers(this.db, msisdn, "option"),
    );
  }

  activePromotions(msisdn: string): Promise<Offer[]> {
    return this.answer("activePromotions", () =>
      reads.offers(this.db, msisdn, "promotion"),
    );
  }

  activeServices(msisdn: string): Promise<Offer[]> {
    return this.answer("activeServices", () =>
      reads.offers(this.db, msisdn, "service"),
    );
  }

  credit(msisdn: string): Promise<Credit> {
    return this.answer("credit", () => reads.credit(this.db, msisdn));
  }

  paymentMethods(
    customerCode: string,
    contractCode: string,
  ): Promise<StoredCard[]> {
    return this.answer("paymentMethods", () =>
      reads.paymentMethods(this.db, customerCode, contractCode),
    );
  }

  recharge(
    order: RechargeOrder,
    idempotencyKey: string,
  ): Promise<RechargeReceipt> {
    return this.answer("recharge", () =>
      rechargeLine(this.db, order, idempotencyKey, this.clock()),
    );
  }

  autoRecharge(order: AutoRechargeOrder): Promise<void> {
    return this.answer("autoRecharge", () =>
      saveAutoRecharge(this.db, order, this.clock()),
    );
  }

  lastRecharges(
    msisdns: string[],
    range: DateRange,
  ): Promise<RechargeRecord[]> {
    return this.answer("lastRecharges", () =>
      findRecharges(this.db, msisdns, range),
    );
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private async answer<T>(
    method: DemoBackendMethod,
    work: () => T | Promise<T>,
  ): Promise<T> {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    if (this.delayMs > 0) await sleep(this.delayMs);

    // A request that was waiting when the component shut down.
    if (!this.db.open) throw new TelcoError("BACKEND_UNAVAILABLE");
    return work();
  }
}

/** Opens the demo database, creating and seeding it if new. */
export function openDemoBackend(options: DemoBackendOptions): DemoBackend {
  const db = openDatabase(options.path);
  // Hashed now rather than at the first unknown user, whose login would be slower.
  unknownUserHash();
  return new DemoBackend(db, options);
}
