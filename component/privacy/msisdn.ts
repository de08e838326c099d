// MSISDN hashing and masking (spec: "Security Considerations / MSISDN Hashing").
import { createHash } from "node:crypto";

const MSISDN_PATTERN = /^\+?[0-9]{6,15}$/;

/**
 * The spec's hash: SHA-256 as lowercase hex, then that hex text in base64.
 * Given 3211234567 it yields "M2Y2ZTYz...ZjJjZg==".
 */
export function hashMsisdn(msisdn: string): string {
  const hex = createHash("sha256").update(msisdn, "utf8").digest("hex");
  return Buffer.from(hex, "utf8").toString("base64");
}

export function looksLikeMsisdn(text: string): boolean {
  return MSISDN_PATTERN.test(text.trim());
}

/**
 * A short, stable pseudonym for logs and Redis keys: the same input always
 * gives the same token, and the token cannot be read back as a number.
 */
export function pseudonym(value: string): string {
  return createHash("sha256")
    .update(value, "utf8")
    .digest("base64url")
    .slice(0, 22);
}
