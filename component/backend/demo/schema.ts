// The demo backend's SQLite tables. Every statement is idempotent, so the
// schema is applied on each open, to a new or an existing database.
import type { Database } from "better-sqlite3";

// The customer profile is stored as JSON: it is always read whole and never
// searched by field. Money is stored in cents to keep sums exact.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS customers (
  code TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  profile_json TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS contracts (
  code TEXT PRIMARY KEY,
  customer_code TEXT NOT NULL REFERENCES customers (code),
  expiry_date TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS lines (
  msisdn TEXT PRIMARY KEY,
  contract_code TEXT NOT NULL REFERENCES contracts (code),
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  payment_type TEXT NOT NULL,
  activation_date TEXT NOT NULL,
  expiration_sim_date TEXT NOT NULL,
  product_id TEXT NOT NULL,
  sim_type TEXT NOT NULL,
  puk TEXT NOT NULL,
  credit_cents INTEGER NOT NULL CHECK (credit_cents >= 0)
);

CREATE TABLE IF NOT EXISTS offers (
  id INTEGER PRIMARY KEY,
  msisdn TEXT NOT NULL REFERENCES lines (msisdn),
  kind TEXT NOT NULL CHECK (kind IN ('option', 'promotion', 'service')),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  state TEXT NOT NULL,
  activation_date TEXT NOT NULL,
  bundle_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS offers_by_line ON offers (msisdn, kind, position);

-- No security code column: PCI DSS forbids keeping it after authorization.
CREATE TABLE IF NOT EXISTS cards (
  code TEXT PRIMARY KEY,
  customer_code TEXT NOT NULL REFERENCES customers (code),
  position INTEGER NOT NULL,
  card_number TEXT NOT NULL,
  owner TEXT NOT NULL,
  expiry_date TEXT NOT NULL
);

-- recharging_date holds Date.toISOString() text, whose order is time order.
CREATE TABLE IF NOT EXISTS recharges (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL DEFAULT 'ok',
  msisdn TEXT NOT NULL REFERENCES lines (msisdn),
  payer_msisdn TEXT NOT NULL REFERENCES lines (msisdn),
  payment_code TEXT REFERENCES cards (code),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  amount_bonus TEXT NOT NULL DEFAULT '',
  recharging_date TEXT NOT NULL,
  idempotency_key TEXT UNIQUE,
  fingerprint TEXT,
  transaction_id TEXT UNIQUE,
  value TEXT,
  label TEXT
);
CREATE INDEX IF NOT EXISTS recharges_by_line ON recharges (msisdn, recharging_date);

CREATE TABLE IF NOT EXISTS auto_recharges (
  msisdn TEXT PRIMARY KEY REFERENCES lines (msisdn),
  payment_code TEXT NOT NULL REFERENCES cards (code),
  label TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;

export function applySchema(db: Database): void {
  db.exec(SCHEMA);
}
