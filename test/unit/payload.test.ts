import {
  quoteLeadingZeroNumbers,
  readPayload,
} from "../../component/protocol/payload";
import { TelcoError } from "../../component/errors";

function failureOf(run: () => unknown): TelcoError {
  try {
    run();
  } catch (err) {
    if (err instanceof TelcoError) return err;
    throw err;
  }
  throw new Error("expected a TelcoError");
}

describe("readPayload", () => {
  it("reads an empty or blank payload as an empty object", () => {
    expect(readPayload("")).toEqual({});
    expect(readPayload("\n   \n")).toEqual({});
  });

  it("keeps the digits of a leading-zero number as a string", () => {
    expect(readPayload('{"value": 00030, "amount": 30}')).toEqual({
      value: "00030",
      amount: 30,
    });
  });

  it("leaves numbers inside strings and ordinary numbers alone", () => {
    expect(
      readPayload(
        '{"a": "00030", "b": 0, "c": -0.5, "d": 1e3, "e": "say \\"007\\""}',
      ),
    ).toEqual({
      a: "00030",
      b: 0,
      c: -0.5,
      d: 1000,
      e: 'say "007"',
    });
  });

  it("trims spaces around keys, at every depth", () => {
    expect(
      readPayload('{"msisdn ": "1", "paymentMethod": {" code": "2"}}'),
    ).toEqual({
      msisdn: "1",
      paymentMethod: { code: "2" },
    });
  });

  it("refuses a key that appears twice once trimmed", () => {
    const err = failureOf(() => readPayload('{"msisdn": "1", "msisdn ": "2"}'));
    expect(err).toMatchObject({
      status: 400,
      reason: expect.stringContaining("msisdn appears twice"),
    });
  });

  it("answers broken JSON with 400 and a position, never quoting the input", () => {
    const err = failureOf(() =>
      readPayload('{\n  "password": "hunter2",\n  oops\n}'),
    );

    expect(err.status).toBe(400);
    expect(err.code).toBe("BAD_JSON");
    expect(err.reason).not.toContain("hunter2");
  });

  it("refuses JSON that is not an object", () => {
    expect(failureOf(() => readPayload("[1, 2]")).reason).toContain(
      "must be a JSON object",
    );
    expect(failureOf(() => readPayload("42")).code).toBe("INVALID_PAYLOAD");
  });
});

describe("quoteLeadingZeroNumbers", () => {
  it("quotes negative leading-zero integers too", () => {
    expect(quoteLeadingZeroNumbers("[-007, 0.5]")).toBe('["-007", 0.5]');
  });
});
