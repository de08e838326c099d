// Opens the demo SQLite database: creates its folder, applies the schema, and
// seeds it the first time.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

import Database from "better-sqlite3";

import { applySchema } from "./schema";
import { seedIfEmpty } from "./seed";

export const IN_MEMORY = ":memory:";
// Several component instances may share one file (docs/scaling.md): a write
// waits this long for another process's transaction instead of failing.
const BUSY_TIMEOUT_MS = 5000;

export function openDatabase(path: string): Database.Database {
  const inMemory = path === IN_MEMORY || path === "";
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });

  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    prepare(db, inMemory);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

function prepare(db: Database.Database, inMemory: boolean): void {
  db.pragma("foreign_keys = ON");
  // WAL lets reads go on while a recharge writes.
  if (!inMemory) db.pragma("journal_mode = WAL");

  applySchema(db);
  seedIfEmpty(db);
}
