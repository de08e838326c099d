// A recharge in the demo database (spec: "Recharge"). It runs in one IMMEDIATE
// transaction, so the idempotency check, the credit and the record cannot be
// split by a concurrent request.
import { randomInt } from "node:crypto";

import type { Database } from "better-sqlite3";

import { TelcoError } from "../../errors";
import type { RechargeOrder, RechargeReceipt } from "../telco-backend";
import { fingerprint } from "./fingerprint";
import { toCents } from "./money";
import { authorizeOrder, lineExists } from "./ownership";

const TRANSACTION_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const TRANSACTION_ID_LENGTH = 16;

interface StoredReceipt {
  fingerprint: string;
  transactionID: string;
  amountCents: number;
  value: string;
  label: string;
}

interface NewRecharge extends StoredReceipt {
  paymentCode: string;
  idempotencyKey: string;
  rechargingDate: string;
}

/** Charges once per idempotency key; a retry of the same order gets the first receipt. */
export function rechargeLine(
  db: Database,
  order: RechargeOrder,
  idempotencyKey: string,
  now: Date,
): RechargeReceipt {
  const charge = db.transaction(() => {
    const orderFingerprint = fingerprint(order);
    const previous = storedReceipt(db, idempotencyKey);
    if (previous) return replay(previous, orderFingerprint);

    const { paymentCode, amountCents } = checkOrder(db, order);
    const stored = newReceipt(order, orderFingerprint, amountCents);
    const rechargingDate = now.toISOString();
    applyRecharge(db, order, {
      ...stored,
      paymentCode,
      idempotencyKey,
      rechargingDate,
    });
    return toReceipt(stored);
  });
  return charge.immediate();
}

function storedReceipt(
  db: Database,
  idempotencyKey: string,
): StoredReceipt | undefined {
  return db
    .prepare<[string], StoredReceipt>(
      `SELECT fingerprint, transaction_id AS transactionID, amount_cents AS amountCents, value, label
       FROM recharges WHERE idempotency_key = ?`,
    )
    .get(idempotencyKey);
}

function replay(
  previous: StoredReceipt,
  orderFingerprint: string,
): RechargeReceipt {
  if (previous.fingerprint !== orderFingerprint)
    throw new TelcoError("IDEMPOTENCY_CONFLICT");
  return toReceipt(previous);
}

/** The payer owns its line and card, the amount is sane, the target exists. */
function checkOrder(
  db: Database,
  order: RechargeOrder,
): { paymentCode: string; amountCents: number } {
  const { customerCode, contractCode, payingMsisdn } = order;
  const paymentCode = authorizeOrder(
    db,
    { customerCode, contractCode, msisdn: payingMsisdn },
    order.payment,
  );
  const amountCents = toCents(order.amount);
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw new TelcoError(
      "INVALID_PAYLOAD",
      "amount must be a positive number of euros",
    );
  }

  // Topping up another customer's line is allowed; an unknown number is not.
  if (!lineExists(db, order.msisdnToRecharge)) {
    throw new TelcoError(
      "INVALID_PAYLOAD",
      "msisdnToRecharge is not a line of this operator",
    );
  }
  return { paymentCode, amountCents };
}

function applyRecharge(
  db: Database,
  order: RechargeOrder,
  recharge: NewRecharge,
): void {
  db.prepare(
    "UPDATE lines SET credit_cents = credit_cents + ? WHERE msisdn = ?",
  ).run(recharge.amountCents, order.msisdnToRecharge);
  db.prepare(
    `INSERT INTO recharges (msisdn, payer_msisdn, payment_code, amount_cents, recharging_date,
       idempotency_key, fingerprint, transaction_id, value, label)
     VALUES (@msisdn, @payer, @paymentCode, @amountCents, @rechargingDate,
       @idempotencyKey, @fingerprint, @transactionID, @value, @label)`,
  ).run({
    ...recharge,
    msisdn: order.msisdnToRecharge,
    payer: order.payingMsisdn,
  });
}

/** The receipt echoes the order's value and label (spec: "Recharge" response). */
function newReceipt(
  order: RechargeOrder,
  orderFingerprint: string,
  amountCents: number,
): StoredReceipt {
  const { value, label } = order;
  return {
    fingerprint: orderFingerprint,
    transactionID: newTransactionId(),
    amountCents,
    value,
    label,
  };
}

function toReceipt({
  transactionID,
  amountCents,
  value,
  label,
}: StoredReceipt): RechargeReceipt {
  return { transactionID, rechargedAmount: amountCents / 100, value, label };
}

/** 16 lowercase letters and digits, like the spec's "k323ejd2nxo3ic3n". */
function newTransactionId(): string {
  const pick = () =>
    TRANSACTION_ID_ALPHABET[randomInt(TRANSACTION_ID_ALPHABET.length)];
  return Array.from({ length: TRANSACTION_ID_LENGTH }, pick).join("");
}
