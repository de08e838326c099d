// What recharges share: reading the spec's paymentMethod object, and the
// idempotency key that makes a resent request charge once.
import { createHash, randomUUID } from "node:crypto";

import type { PaymentReference } from "../backend/telco-backend";

export interface PaymentMethodPayload {
  type: string;
  code?: string;
  cardInfo?: {
    cardNumber: string;
    owner: string;
    expiryDate: string;
    securityCode: string;
  };
}

/**
 * The stored method the order names, by its code or its card number. The
 * security code is not passed on: the demo backend keeps none to compare
 * with, and a real one receives it only through its payment gateway.
 */
export function paymentReference(
  method: PaymentMethodPayload,
): PaymentReference {
  return {
    code: method.code,
    cardNumber: method.cardInfo?.cardNumber.replace(/\s/g, ""),
  };
}

/** `value` arrives as "00030" (the spec's leading zeros) or as a plain integer. */
export function canonicalValue(value: string | number): string {
  return String(value);
}

/**
 * The same sender and stanza id give the same key, so a resent request is
 * recognised. Without an id there is nothing to recognise: every request is new.
 */
export function idempotencyKey(sender: string, stanzaId: string): string {
  const basis = stanzaId ? `${sender}\n${stanzaId}` : randomUUID();
  return createHash("sha256").update(basis, "utf8").digest("hex");
}
