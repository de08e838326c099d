import { capturingLogger } from "./fakes";

describe("log redaction", () => {
  it("censors secret fields passed by mistake, at any of the first three depths", () => {
    const { log, text } = capturingLogger();

    log.info(
      {
        password: "hunter2",
        order: {
          cardNumber: "4958 3483 3248 4239",
          payment: { securityCode: "484" },
        },
      },
      "x",
    );
    log.info({ line: { PUK: "12345678", msisdn: "3404589485" } }, "y");

    expect(text()).not.toMatch(/hunter2|4958|"484"|12345678|3404589485/);
    expect(text()).toContain("[redacted]");
  });
});
