// The fingerprint of an order: what an idempotency key is bound to, so that a
// retry is told apart from another order sent under the same key.
import { createHash } from "node:crypto";

/** SHA-256 (hex) of the order's canonical JSON. */
export function fingerprint(order: object): string {
  return createHash("sha256").update(canonicalJson(order)).digest("hex");
}

/** JSON with object keys sorted at every depth, so key order does not count. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) =>
    isPlainObject(nested) ? sortKeys(nested) : nested,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sortKeys(object: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(object).sort();
  return Object.fromEntries(keys.map((key) => [key, object[key]]));
}
