import { Sealer } from "../../component/privacy/sealing";

describe("Sealer", () => {
  const sealer = new Sealer("component secret", "line cache");

  it("opens what it sealed", () => {
    expect(sealer.open(sealer.seal('{"PUK":"12345678"}'))).toBe(
      '{"PUK":"12345678"}',
    );
  });

  it("hides the plain text and never seals the same text twice alike", () => {
    const first = sealer.seal("3211234567");

    expect(first).not.toContain("3211234567");
    expect(Buffer.from(first, "base64").toString("latin1")).not.toContain(
      "3211234567",
    );
    expect(sealer.seal("3211234567")).not.toBe(first);
  });

  it("refuses what another secret or purpose sealed, or a tampered value", () => {
    const sealed = sealer.seal("credit");
    const tampered = Buffer.from(sealed, "base64");
    tampered[tampered.length - 1] ^= 1;

    expect(
      new Sealer("other secret", "line cache").open(sealed),
    ).toBeUndefined();
    expect(
      new Sealer("component secret", "other use").open(sealed),
    ).toBeUndefined();
    expect(sealer.open(tampered.toString("base64"))).toBeUndefined();
    expect(sealer.open("short")).toBeUndefined();
  });
});
