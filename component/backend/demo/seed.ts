// Fills an empty demo database with DEMO_CUSTOMERS and DEMO_LINES. It runs on
// first open only, so what changed since (credit, recharges) survives a restart.
import type { Database } from "better-sqlite3";

import { toCents } from "./money";
import { hashPassword } from "./passwords";
import { DEMO_CUSTOMERS, type SeedCustomer } from "./seed-data";
import { DEMO_LINES, type SeedLine } from "./seed-lines";

/** Seeds when no customer exists yet; returns whether it did. */
export function seedIfEmpty(db: Database): boolean {
  const seed = db.transaction(() => {
    const count = db
      .prepare("SELECT COUNT(*) FROM customers")
      .pluck()
      .get() as number;
    if (count > 0) return false;

    for (const customer of DEMO_CUSTOMERS) insertCustomer(db, customer);
    return true;
  });
  // IMMEDIATE takes the write lock before counting, so two processes opening
  // the same new file cannot both seed it.
  return seed.immediate();
}

function insertCustomer(db: Database, customer: SeedCustomer): void {
  const code = customer.profile.customerCode;
  db.prepare(
    "INSERT INTO customers (code, username, password_hash, profile_json) VALUES (?, ?, ?, ?)",
  ).run(
    code,
    customer.username,
    hashPassword(customer.password),
    JSON.stringify(customer.profile),
  );

  insertContracts(db, customer);
  insertCards(db, customer);
  insertRecharges(db, customer);
}

function insertContracts(db: Database, customer: SeedCustomer): void {
  const insert = db.prepare(
    "INSERT INTO contracts (code, customer_code, expiry_date, position) VALUES (?, ?, ?, ?)",
  );
  customer.contracts.forEach((contract, position) => {
    insert.run(
      contract.id,
      customer.profile.customerCode,
      contract.expiryDate,
      position,
    );
    contract.lines.forEach((msisdn, linePosition) =>
      insertLine(db, contract.id, linePosition, findLine(msisdn)),
    );
  });
}

function insertCards(db: Database, customer: SeedCustomer): void {
  const insert = db.prepare(
    "INSERT INTO cards (code, customer_code, position, card_number, owner, expiry_date) VALUES (?, ?, ?, ?, ?, ?)",
  );
  customer.cards.forEach((card, position) => {
    insert.run(
      card.code,
      customer.profile.customerCode,
      position,
      card.cardNumber,
      card.owner,
      card.expiryDate,
    );
  });
}

function insertRecharges(db: Database, customer: SeedCustomer): void {
  // Seeded recharges predate the component: no idempotency key, no receipt.
  const insert = db.prepare(
    `INSERT INTO recharges (msisdn, payer_msisdn, amount_cents, amount_bonus, recharging_date)
     VALUES (?, ?, ?, ?, ?)`,
  );
  for (const {
    msisdn,
    amount,
    amountBonus,
    rechargingDate,
  } of customer.recharges) {
    insert.run(msisdn, msisdn, toCents(amount), amountBonus, rechargingDate);
  }
}

function findLine(msisdn: string): SeedLine {
  const line = DEMO_LINES.find((candidate) => candidate.info.msisdn === msisdn);
  if (!line)
    throw new Error(
      `demo seed: line ${msisdn} of a contract is missing from DEMO_LINES`,
    );
  return line;
}

function insertLine(
  db: Database,
  contractCode: string,
  position: number,
  line: SeedLine,
): void {
  db.prepare(
    `INSERT INTO lines (msisdn, contract_code, position, description, payment_type, activation_date,
       expiration_sim_date, product_id, sim_type, puk, credit_cents)
     VALUES (@msisdn, @contractCode, @position, @description, @paymentType, @activationDate,
       @expirationSimDate, @productId, @simType, @PUK, @creditCents)`,
  ).run({
    ...line.info,
    contractCode,
    position,
    creditCents: toCents(line.credit),
  });

  insertOffers(db, line);
}

function insertOffers(db: Database, line: SeedLine): void {
  const insert = db.prepare(
    `INSERT INTO offers (msisdn, kind, position, title, description, state, activation_date, bundle_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const kinds = {
    option: line.options,
    promotion: line.promotions,
    service: line.services,
  };
  for (const [kind, offers] of Object.entries(kinds)) {
    offers.forEach(
      ({ title, description, state, activationDate, bundle }, position) => {
        insert.run(
          line.info.msisdn,
          kind,
          position,
          title,
          description,
          state,
          activationDate,
          JSON.stringify(bundle),
        );
      },
    );
  }
}
