// Ownership checks of the demo backend. The component authorizes every
// request before calling the backend; these are the safety net behind it.
import type { Database } from "better-sqlite3";

import { TelcoError } from "../../errors";
import type { PaymentReference } from "../telco-backend";

export function assertCustomer(db: Database, customerCode: string): void {
  const found = db
    .prepare("SELECT 1 FROM customers WHERE code = ?")
    .get(customerCode);
  if (!found) throw new TelcoError("FORBIDDEN", "customerCode");
}

export function assertContractOf(
  db: Database,
  customerCode: string,
  contractCode: string,
): void {
  assertCustomer(db, customerCode);

  const found = db
    .prepare("SELECT 1 FROM contracts WHERE code = ? AND customer_code = ?")
    .get(contractCode, customerCode);
  if (!found) throw new TelcoError("FORBIDDEN", "contractCode");
}

export function assertLineOf(
  db: Database,
  contractCode: string,
  msisdn: string,
): void {
  const found = db
    .prepare("SELECT 1 FROM lines WHERE msisdn = ? AND contract_code = ?")
    .get(msisdn, contractCode);
  if (!found) throw new TelcoError("FORBIDDEN", "msisdn");
}

export function lineExists(db: Database, msisdn: string): boolean {
  return (
    db.prepare("SELECT 1 FROM lines WHERE msisdn = ?").get(msisdn) !== undefined
  );
}

export function assertLine(db: Database, msisdn: string): void {
  if (!lineExists(db, msisdn)) throw new TelcoError("FORBIDDEN", "msisdn");
}

/** An order's payer: the customer, one of its contracts and a line of it. */
export interface Payer {
  customerCode: string;
  contractCode: string;
  msisdn: string;
}

/** Checks that the payer owns its line and card; returns the card's code. */
export function authorizeOrder(
  db: Database,
  payer: Payer,
  payment: PaymentReference,
): string {
  assertContractOf(db, payer.customerCode, payer.contractCode);
  assertLineOf(db, payer.contractCode, payer.msisdn);
  return paymentCodeOf(db, payer.customerCode, payment);
}

/**
 * The code of the customer's stored card that `payment` names, by code or
 * card number (spaces ignored); both must name the same card when both given.
 */
export function paymentCodeOf(
  db: Database,
  customerCode: string,
  payment: PaymentReference,
): string {
  const code = compact(payment.code);
  const cardNumber = compact(payment.cardNumber);
  if (code === null && cardNumber === null) {
    throw new TelcoError(
      "INVALID_PAYLOAD",
      "paymentMethod needs a code or a cardNumber",
    );
  }

  const found = db
    .prepare(
      `SELECT code FROM cards WHERE customer_code = @customerCode
         AND (@code IS NULL OR code = @code)
         AND (@cardNumber IS NULL OR replace(card_number, ' ', '') = @cardNumber)`,
    )
    .pluck()
    .get({ customerCode, code, cardNumber }) as string | undefined;
  if (found === undefined) throw new TelcoError("FORBIDDEN", "paymentMethod");
  return found;
}

function compact(reference: string | undefined): string | null {
  const stripped = reference?.replace(/\s+/g, "") ?? "";
  return stripped === "" ? null : stripped;
}
