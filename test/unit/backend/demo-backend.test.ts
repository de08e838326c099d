// The demo backend's login and reads: the spec's shapes, and no way from one
// customer's ids into another's data.
import Database from "better-sqlite3";

import {
  DEMO_CUSTOMERS,
  DEMO_LINES,
  DemoBackend,
  openDemoBackend,
} from "../../../component/backend/demo";
import { FRANCESCO, GIULIA, tempDatabase } from "./demo-fixtures";

describe("demo backend", () => {
  let backend: DemoBackend;

  beforeEach(() => {
    backend = openDemoBackend({ path: ":memory:" });
  });

  afterEach(async () => {
    await backend.close();
  });

  it("logs in with the spec's credentials and returns the contracts and lines", async () => {
    const account = await backend.login(FRANCESCO.username, FRANCESCO.password);

    expect(account).toEqual({
      customerCode: "1294941",
      contracts: [
        {
          id: "BX19HY",
          expiryDate: "31/12/2027",
          lines: ["3404589485", "3407834889", "3304578577"],
        },
      ],
    });
  });

  it("answers null alike for a wrong password and for an unknown user", async () => {
    await expect(
      backend.login(FRANCESCO.username, "wrongpassword"),
    ).resolves.toBeNull();
    await expect(
      backend.login("3999999999", FRANCESCO.password),
    ).resolves.toBeNull();
    await expect(
      backend.login(FRANCESCO.username, GIULIA.password),
    ).resolves.toBeNull();
  });

  it("returns the customer profile with its contracts", async () => {
    const profile = await backend.customer(GIULIA.customerCode);

    expect(profile).toMatchObject({
      customerCode: "2207731",
      name: "GIULIA",
      surname: "ESPOSITO",
    });
    expect(profile.contracts).toEqual([
      { id: "CQ44RT", expiryDate: "30/06/2028", lines: ["3209876543"] },
    ]);
  });

  it("returns line info, offers and credit in the spec's shapes", async () => {
    await expect(backend.lineInfo("3404589485")).resolves.toMatchObject({
      msisdn: "3404589485",
      simType: "5G",
    });
    await expect(backend.credit("3404589485")).resolves.toEqual({
      creditAmount: "10.00",
    });
    await expect(backend.activePromotions("3304578577")).resolves.toEqual([]);

    const options = await backend.activeOptions("3304578577");
    expect(options.map((option) => option.title)).toEqual([
      "Business Call",
      "Estero 500",
    ]);
    expect(options[0].bundle[0]).toEqual({
      type: "minutes",
      consumed: 845,
      total: 2000,
    });
  });

  it("lists the stored cards without any security code", async () => {
    const cards = await backend.paymentMethods(
      FRANCESCO.customerCode,
      "BX19HY",
    );

    expect(cards.map((card) => card.cardNumber)).toEqual([
      "4958 3483 3248 4239",
      "4595 3483 3248 4239",
    ]);
    expect(JSON.stringify(cards)).not.toMatch(/security/i);
  });

  it("refuses to reach customer 2's data through customer 1's ids", async () => {
    await expect(
      backend.paymentMethods(FRANCESCO.customerCode, "CQ44RT"),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      reason: "Forbidden: contractCode does not belong to your account",
    });
    await expect(backend.customer("0000000")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(backend.credit("3999999999")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(backend.activeServices("3999999999")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("counts calls per method", async () => {
    await backend.credit("3404589485");
    await backend.credit("3407834889");
    await backend.lineInfo("3404589485");

    expect(backend.calls).toEqual({ credit: 2, lineInfo: 1 });
  });

  it("waits delayMs before answering", async () => {
    const slow = openDemoBackend({ path: ":memory:", delayMs: 60 });
    const started = performance.now();

    await slow.credit("3404589485");

    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    await slow.close();
  });

  it("answers BACKEND_UNAVAILABLE once closed", async () => {
    await backend.close();

    await expect(backend.credit("3404589485")).rejects.toMatchObject({
      code: "BACKEND_UNAVAILABLE",
    });
  });
});

describe("demo seed", () => {
  it("never shows more consumed than a bundle's total", () => {
    const offers = DEMO_LINES.flatMap((line) => [
      ...line.options,
      ...line.promotions,
      ...line.services,
    ]);

    for (const { consumed, total } of offers.flatMap((offer) => offer.bundle)) {
      expect(consumed).toBeLessThanOrEqual(total);
    }
  });

  it("stores passwords as scrypt hashes, never in clear", async () => {
    const file = tempDatabase();
    await openDemoBackend({ path: file.path }).close();

    const db = new Database(file.path, { readonly: true });
    const hashes = db
      .prepare("SELECT password_hash FROM customers")
      .pluck()
      .all() as string[];
    db.close();
    file.remove();

    expect(hashes).toHaveLength(DEMO_CUSTOMERS.length);
    for (const [index, hash] of hashes.entries()) {
      expect(hash).toMatch(/^scrypt\$/);
      expect(hash).not.toContain(DEMO_CUSTOMERS[index].password);
    }
  });
});
