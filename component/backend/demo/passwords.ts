// Password hashing for the demo backend: scrypt with a random salt, stored as
// `scrypt$N$r$p$salt$hash` (base64 parts) so the cost can be raised later
// without invalidating the hashes already stored.
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from "node:crypto";

/**
 * Node's default scrypt cost. OWASP asks for N=2^17 in production; this store
 * holds demo accounts only, and a lower cost keeps each test's seeding fast.
 */
const COST = { N: 16384, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Refuse stored parameters beyond this, so a bad row cannot eat the memory. */
const MAX_N = 2 ** 20;

interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

interface StoredHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

let dummyHash: string | undefined;

/** Hashes synchronously: only used to seed the database at first start. */
export function hashPassword(password: string): string {
  const salt = randomBytes(SALT_BYTES);
  const key = scryptSync(password, salt, KEY_BYTES, withMaxmem(COST));
  const { N, r, p } = COST;
  return [
    "scrypt",
    N,
    r,
    p,
    salt.toString("base64"),
    key.toString("base64"),
  ].join("$");
}

/** True when `password` matches `stored`; false for a malformed hash. */
export async function verifyPassword(
  password: string,
  stored: string,
): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;

  const key = await scryptAsync(
    password,
    parsed.salt,
    parsed.key.length,
    parsed.cost,
  );
  return timingSafeEqual(key, parsed.key);
}

/**
 * A hash of a random password, checked when the username is unknown so that
 * an unknown user costs as much time as a wrong password.
 */
export function unknownUserHash(): string {
  dummyHash ??= hashPassword(randomBytes(SALT_BYTES).toString("hex"));
  return dummyHash;
}

function parseHash(stored: string): StoredHash | null {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key || rest.length > 0) return null;

  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (!isSaneCost(cost)) return null;

  const parsed = {
    cost,
    salt: Buffer.from(salt, "base64"),
    key: Buffer.from(key, "base64"),
  };
  return parsed.salt.length > 0 && parsed.key.length > 0 ? parsed : null;
}

function isSaneCost({ N, r, p }: ScryptCost): boolean {
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  return (
    powerOfTwo &&
    N <= MAX_N &&
    Number.isInteger(r) &&
    r > 0 &&
    r <= 32 &&
    Number.isInteger(p) &&
    p > 0 &&
    p <= 16
  );
}

function scryptAsync(
  password: string,
  salt: Buffer,
  bytes: number,
  cost: ScryptCost,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, bytes, withMaxmem(cost), (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** scrypt needs about 128 * N * r bytes; leave it room above Node's default. */
function withMaxmem(cost: ScryptCost) {
  return { ...cost, maxmem: 256 * cost.N * cost.r };
}
