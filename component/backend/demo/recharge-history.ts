// The recharge history of a customer's lines (spec: "Last Recharges").
import type { Database } from "better-sqlite3";

import { TelcoError } from "../../errors";
import type { DateRange, RechargeRecord } from "../telco-backend";
import { formatAmount } from "./money";
import { assertLine } from "./ownership";

/** The most records one answer carries. */
export const MAX_RECHARGE_RECORDS = 50;

type RecordRow = Omit<RechargeRecord, "amount"> & { amountCents: number };

/** Recharges of these lines (as the recharged line) in the range, bounds included, newest first. */
export function findRecharges(
  db: Database,
  msisdns: string[],
  range: DateRange,
): RechargeRecord[] {
  for (const msisdn of msisdns) assertLine(db, msisdn);
  const start = isoOf(range.start, "startDate");
  const end = isoOf(range.end, "endDate");

  // Dates are stored as toISOString() text, so BETWEEN on text compares times.
  const rows = db
    .prepare<[string, string, string, number], RecordRow>(
      `SELECT type, msisdn, amount_cents AS amountCents, amount_bonus AS amountBonus,
         recharging_date AS rechargingDate
       FROM recharges
       WHERE msisdn IN (SELECT value FROM json_each(?)) AND recharging_date BETWEEN ? AND ?
       ORDER BY recharging_date DESC, id DESC LIMIT ?`,
    )
    .all(JSON.stringify(msisdns), start, end, MAX_RECHARGE_RECORDS);
  return rows.map(({ amountCents, ...row }) => ({
    ...row,
    amount: formatAmount(amountCents),
  }));
}

function isoOf(date: Date, field: string): string {
  if (Number.isNaN(date.getTime()))
    throw new TelcoError("INVALID_PAYLOAD", `${field} is not a valid date`);
  return date.toISOString();
}
