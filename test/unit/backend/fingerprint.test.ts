// Order fingerprints: what an idempotency key is bound to.
import {
  canonicalJson,
  fingerprint,
} from "../../../component/backend/demo/fingerprint";

describe("order fingerprint", () => {
  it("ignores key order at every depth", () => {
    const one = { a: 1, b: { c: [1, 2], d: "x" } };
    const other = { b: { d: "x", c: [1, 2] }, a: 1 };

    expect(canonicalJson(one)).toBe('{"a":1,"b":{"c":[1,2],"d":"x"}}');
    expect(fingerprint(other)).toBe(fingerprint(one));
  });

  it("differs when any value differs, array order included", () => {
    expect(fingerprint({ amount: 30 })).not.toBe(fingerprint({ amount: 31 }));
    expect(fingerprint({ list: [1, 2] })).not.toBe(
      fingerprint({ list: [2, 1] }),
    );
  });

  it("is a SHA-256 in hex", () => {
    expect(fingerprint({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
