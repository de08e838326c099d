// The demo backend's password hashing: scrypt, random salt, constant-time check.
import {
  hashPassword,
  unknownUserHash,
  verifyPassword,
} from "../../../component/backend/demo/passwords";

describe("demo backend passwords", () => {
  it("stores a hash in the scrypt$N$r$p$salt$hash format, not the password", () => {
    const stored = hashPassword("mycoolpassword");

    expect(stored).toMatch(
      /^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/,
    );
    expect(stored).not.toContain("mycoolpassword");
  });

  it("salts each hash, so the same password hashes differently", () => {
    expect(hashPassword("same")).not.toBe(hashPassword("same"));
  });

  it("accepts the right password and refuses a wrong one", async () => {
    const stored = hashPassword("mycoolpassword");

    await expect(verifyPassword("mycoolpassword", stored)).resolves.toBe(true);
    await expect(verifyPassword("mycoolpassword ", stored)).resolves.toBe(
      false,
    );
    await expect(verifyPassword("", stored)).resolves.toBe(false);
  });

  it("refuses rather than throws on a malformed or absurd stored hash", async () => {
    const [, , , , salt, key] = hashPassword("x").split("$");

    for (const stored of [
      "",
      "plain",
      `bcrypt$16384$8$1$${salt}$${key}`,
      `scrypt$1000$8$1$${salt}$${key}`,
    ]) {
      await expect(verifyPassword("x", stored)).resolves.toBe(false);
    }
    await expect(
      verifyPassword("x", `scrypt$${2 ** 24}$8$1$${salt}$${key}`),
    ).resolves.toBe(false);
  });

  it("keeps one dummy hash for unknown users that matches no ordinary password", async () => {
    expect(unknownUserHash()).toBe(unknownUserHash());
    await expect(
      verifyPassword("mycoolpassword", unknownUserHash()),
    ).resolves.toBe(false);
  });
});
