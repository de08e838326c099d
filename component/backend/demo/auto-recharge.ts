// The automatic recharge setting of a line (spec: "Auto Recharge"). Saving it
// twice leaves one setting, so a retried request needs no idempotency key.
import type { Database } from "better-sqlite3";

import type { AutoRechargeOrder } from "../telco-backend";
import { authorizeOrder } from "./ownership";

/** Sets, or replaces, the line's automatic recharge. */
export function saveAutoRecharge(
  db: Database,
  order: AutoRechargeOrder,
  now: Date,
): void {
  const save = db.transaction(() => {
    const paymentCode = authorizeOrder(db, order, order.payment);

    db.prepare(
      `INSERT INTO auto_recharges (msisdn, payment_code, label, value, updated_at)
       VALUES (@msisdn, @paymentCode, @label, @value, @updatedAt)
       ON CONFLICT (msisdn) DO UPDATE SET payment_code = excluded.payment_code,
         label = excluded.label, value = excluded.value, updated_at = excluded.updated_at`,
    ).run({
      msisdn: order.msisdn,
      paymentCode,
      label: order.label,
      value: order.value,
      updatedAt: now.toISOString(),
    });
  });
  save.immediate();
}
