// Shared fixtures of the demo backend tests: a temp folder, a fixed clock and
// the spec's recharge order from FRANCESCO ROMANO's account.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { RechargeOrder } from "../../../component/backend/telco-backend";

export const FRANCESCO = {
  username: "3304578577",
  password: "mycoolpassword",
  customerCode: "1294941",
};
export const GIULIA = {
  username: "3209876543",
  password: "secondpassword",
  customerCode: "2207731",
};

export const NOW = new Date("2026-12-03T10:00:00.000Z");
export const fixedClock = () => NOW;

/** The spec's cmd_recharge example, paid with Mario Rossi's stored card. */
export function rechargeOrder(
  overrides: Partial<RechargeOrder> = {},
): RechargeOrder {
  return {
    customerCode: "1294941",
    contractCode: "BX19HY",
    payingMsisdn: "3407834889",
    msisdnToRecharge: "3407834889",
    amount: 30,
    label: "30 euro",
    value: "00030",
    payment: { code: "4234829343294392", cardNumber: "4958 3483 3248 4239" },
    ...overrides,
  };
}

/** A fresh folder per test; `path` is nested to show the folder gets created. */
export function tempDatabase(): { path: string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), "demo-backend-"));
  return {
    path: join(folder, "data", "demo.sqlite"),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
