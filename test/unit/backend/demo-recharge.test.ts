// The demo backend's recharges: credit, history, idempotency, ownership and
// persistence across a restart.
import Database from "better-sqlite3";

import { DemoBackend, openDemoBackend } from "../../../component/backend/demo";
import { NOW, fixedClock, rechargeOrder, tempDatabase } from "./demo-fixtures";

const WHOLE_2026 = {
  start: new Date("2026-01-01T00:00:00Z"),
  end: new Date("2026-12-31T23:59:59Z"),
};

describe("demo backend recharges", () => {
  let backend: DemoBackend;

  beforeEach(() => {
    backend = openDemoBackend({ path: ":memory:", clock: fixedClock });
  });

  afterEach(async () => {
    await backend.close();
  });

  it("raises the credit and shows the recharge first in the history", async () => {
    const receipt = await backend.recharge(rechargeOrder(), "key-1");

    expect(receipt).toEqual({
      transactionID: expect.stringMatching(/^[a-z0-9]{16}$/),
      rechargedAmount: 30,
      value: "00030",
      label: "30 euro",
    });
    await expect(backend.credit("3407834889")).resolves.toEqual({
      creditAmount: "34.50",
    });
    const history = await backend.lastRecharges(
      ["3404589485", "3407834889"],
      WHOLE_2026,
    );
    expect(history[0]).toEqual({
      type: "ok",
      msisdn: "3407834889",
      amount: "30",
      amountBonus: "",
      rechargingDate: NOW.toISOString(),
    });
    expect(history.map((record) => record.rechargingDate)).toEqual(
      [...history.map((r) => r.rechargingDate)].sort().reverse(),
    );
  });

  it("returns the first receipt and charges once for a retry with the same key", async () => {
    const first = await backend.recharge(rechargeOrder(), "key-1");
    const retry = await backend.recharge(rechargeOrder(), "key-1");

    expect(retry).toEqual(first);
    await expect(backend.credit("3407834889")).resolves.toEqual({
      creditAmount: "34.50",
    });
  });

  it("refuses another order under a used key, without charging", async () => {
    await backend.recharge(rechargeOrder(), "key-1");

    await expect(
      backend.recharge(rechargeOrder({ amount: 50 }), "key-1"),
    ).rejects.toMatchObject({ code: "IDEMPOTENCY_CONFLICT", status: 409 });
    await expect(backend.credit("3407834889")).resolves.toEqual({
      creditAmount: "34.50",
    });
  });

  it("refuses a card that is not the customer's", async () => {
    const giuliasCard = { payment: { code: "6312774590123381" } };

    await expect(
      backend.recharge(rechargeOrder(giuliasCard), "key-1"),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      reason: "Forbidden: paymentMethod does not belong to your account",
    });
    await expect(backend.credit("3407834889")).resolves.toEqual({
      creditAmount: "4.50",
    });
  });

  it("names a stored card by its number, spaces ignored", async () => {
    const byNumber = { payment: { cardNumber: "4595348332484239" } };

    await expect(
      backend.recharge(rechargeOrder(byNumber), "key-1"),
    ).resolves.toMatchObject({ rechargedAmount: 30 });
  });

  it("tops up customer 2's line from customer 1's account", async () => {
    await backend.recharge(
      rechargeOrder({ msisdnToRecharge: "3209876543", amount: 10 }),
      "key-1",
    );

    await expect(backend.credit("3209876543")).resolves.toEqual({
      creditAmount: "17.20",
    });
    await expect(backend.credit("3407834889")).resolves.toEqual({
      creditAmount: "4.50",
    });
  });

  it("refuses a number that is no line of the operator, and a paying line outside the contract", async () => {
    await expect(
      backend.recharge(
        rechargeOrder({ msisdnToRecharge: "3999999999" }),
        "key-1",
      ),
    ).rejects.toMatchObject({
      code: "INVALID_PAYLOAD",
      reason: "Bad request: msisdnToRecharge is not a line of this operator",
    });
    await expect(
      backend.recharge(rechargeOrder({ payingMsisdn: "3209876543" }), "key-2"),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      backend.recharge(rechargeOrder({ contractCode: "CQ44RT" }), "key-3"),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps only the range's recharges, bounds included", async () => {
    const range = {
      start: new Date("2026-01-15T09:30:00Z"),
      end: new Date("2026-03-20T11:42:00Z"),
    };

    const history = await backend.lastRecharges(
      ["3404589485", "3407834889"],
      range,
    );

    expect(history.map((record) => record.amount)).toEqual(["20", "5", "10"]);
    expect(history[0].amountBonus).toBe("5");
  });

  it("does not mix another customer's recharges into the history", async () => {
    const history = await backend.lastRecharges(["3209876543"], WHOLE_2026);

    expect(history.map((record) => record.msisdn)).toEqual(["3209876543"]);
  });
});

describe("demo backend on a file", () => {
  let file: ReturnType<typeof tempDatabase>;

  beforeEach(() => {
    file = tempDatabase();
  });

  afterEach(() => {
    file.remove();
  });

  it("creates the file's folder and journals in WAL mode", async () => {
    await openDemoBackend({ path: file.path }).close();

    const db = new Database(file.path, { readonly: true });
    const mode = db.pragma("journal_mode", { simple: true });
    db.close();
    expect(mode).toBe("wal");
  });

  it("keeps a recharge across a restart, without seeding again", async () => {
    const first = openDemoBackend({ path: file.path, clock: fixedClock });
    await first.recharge(rechargeOrder(), "key-1");
    await first.close();

    const reopened = openDemoBackend({ path: file.path });
    await expect(reopened.credit("3407834889")).resolves.toEqual({
      creditAmount: "34.50",
    });
    await expect(
      reopened.recharge(rechargeOrder({ amount: 5 }), "key-1"),
    ).rejects.toMatchObject({ code: "IDEMPOTENCY_CONFLICT" });
    await reopened.close();
  });

  it("saves one automatic recharge per line, replaced by the next", async () => {
    const backend = openDemoBackend({ path: file.path, clock: fixedClock });
    const order = {
      customerCode: "1294941",
      contractCode: "BX19HY",
      msisdn: "3404589485",
      value: "00030",
    };
    await backend.autoRecharge({
      ...order,
      label: "al rinnovo dell’offerta",
      payment: { code: "4234829343294392" },
    });
    await backend.autoRecharge({
      ...order,
      label: "ogni mese",
      payment: { cardNumber: "4595 3483 3248 4239" },
    });
    await expect(
      backend.autoRecharge({
        ...order,
        label: "x",
        payment: { code: "6312774590123381" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await backend.close();

    const db = new Database(file.path, { readonly: true });
    const rows = db
      .prepare("SELECT msisdn, payment_code, label FROM auto_recharges")
      .all();
    db.close();
    expect(rows).toEqual([
      {
        msisdn: "3404589485",
        payment_code: "5595348332484239",
        label: "ogni mese",
      },
    ]);
  });
});
