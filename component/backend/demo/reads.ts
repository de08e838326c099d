// The demo backend's read queries, each returning one of the spec's shapes
// (spec: "Customer", "Line Info", "Active Options", "Credit", "Payment Methods").
import type { Database } from "better-sqlite3";

import { TelcoError } from "../../errors";
import type {
  ContractSummary,
  Credit,
  CustomerProfile,
  LineInfo,
  Offer,
  StoredCard,
} from "../telco-backend";
import { formatCredit } from "./money";
import { assertContractOf, assertCustomer, assertLine } from "./ownership";

export type OfferKind = "option" | "promotion" | "service";

export interface LoginRow {
  customerCode: string;
  passwordHash: string;
}

interface OfferRow extends Omit<Offer, "bundle"> {
  bundleJson: string;
}

export function loginRow(db: Database, username: string): LoginRow | undefined {
  return db
    .prepare<[string], LoginRow>(
      "SELECT code AS customerCode, password_hash AS passwordHash FROM customers WHERE username = ?",
    )
    .get(username);
}

export function contractsOf(
  db: Database,
  customerCode: string,
): ContractSummary[] {
  const contracts = db
    .prepare<[string], { id: string; expiryDate: string }>(
      "SELECT code AS id, expiry_date AS expiryDate FROM contracts WHERE customer_code = ? ORDER BY position",
    )
    .all(customerCode);
  const lines = db
    .prepare(
      "SELECT msisdn FROM lines WHERE contract_code = ? ORDER BY position",
    )
    .pluck();

  return contracts.map((contract) => ({
    ...contract,
    lines: lines.all(contract.id) as string[],
  }));
}

export function customerProfile(
  db: Database,
  customerCode: string,
): CustomerProfile {
  assertCustomer(db, customerCode);

  const json = db
    .prepare("SELECT profile_json FROM customers WHERE code = ?")
    .pluck()
    .get(customerCode) as string;
  const profile = JSON.parse(json) as Omit<CustomerProfile, "contracts">;
  return { ...profile, contracts: contractsOf(db, customerCode) };
}

export function lineInfo(db: Database, msisdn: string): LineInfo {
  const info = db
    .prepare<[string], LineInfo>(
      `SELECT description, msisdn, payment_type AS paymentType, activation_date AS activationDate,
         expiration_sim_date AS expirationSimDate, product_id AS productId, sim_type AS simType, puk AS PUK
       FROM lines WHERE msisdn = ?`,
    )
    .get(msisdn);
  if (!info) throw new TelcoError("FORBIDDEN", "msisdn");
  return info;
}

/** The line's offers of one kind; an empty list when it has none. */
export function offers(db: Database, msisdn: string, kind: OfferKind): Offer[] {
  assertLine(db, msisdn);

  const rows = db
    .prepare<[string, string], OfferRow>(
      `SELECT title, description, state, activation_date AS activationDate, bundle_json AS bundleJson
       FROM offers WHERE msisdn = ? AND kind = ? ORDER BY position`,
    )
    .all(msisdn, kind);
  return rows.map(({ bundleJson, ...offer }) => ({
    ...offer,
    bundle: JSON.parse(bundleJson),
  }));
}

export function creditCents(db: Database, msisdn: string): number {
  const cents = db
    .prepare("SELECT credit_cents FROM lines WHERE msisdn = ?")
    .pluck()
    .get(msisdn);
  if (cents === undefined) throw new TelcoError("FORBIDDEN", "msisdn");
  return cents as number;
}

export function credit(db: Database, msisdn: string): Credit {
  return { creditAmount: formatCredit(creditCents(db, msisdn)) };
}

export function paymentMethods(
  db: Database,
  customerCode: string,
  contractCode: string,
): StoredCard[] {
  assertContractOf(db, customerCode, contractCode);

  return db
    .prepare<[string], StoredCard>(
      `SELECT code, card_number AS cardNumber, owner, expiry_date AS expiryDate
       FROM cards WHERE customer_code = ? ORDER BY position`,
    )
    .all(customerCode);
}
