import {
  errorDefinitions,
  TelcoError,
  type ErrorCode,
} from "../../component/errors";
import { errorCodeOf, errorText } from "../../component/text/error-text";
import {
  formatBundles,
  formatEuro,
  formatInstant,
} from "../../component/text/format";
import { describeReply } from "../../component/text/reply-text";

const OK = { error: false, reason: "", status: 200 };

describe("formatEuro", () => {
  it("writes euros the Italian or the English way", () => {
    expect(formatEuro("10.00", "it")).toBe("10,00 EUR");
    expect(formatEuro("12345.5", "it")).toBe("12.345,50 EUR");
    expect(formatEuro(10, "en")).toBe("10.00 EUR");
  });

  it("leaves what is not a number as it is", () => {
    expect(formatEuro("n/a", "it")).toBe("n/a");
  });
});

describe("formatInstant", () => {
  it("shows an instant as a full date and time in the operator's time zone", () => {
    expect(formatInstant("2026-03-20T11:42:00.000Z", "it")).toBe(
      "20/03/2026, 12:42",
    );
    expect(formatInstant("not a date", "it")).toBe("not a date");
  });
});

describe("formatBundles", () => {
  it("shows what was used of each allowance with its unit", () => {
    const bundles = [
      { type: "minutes", consumed: 100, total: 200 },
      { type: "mega", consumed: 5500, total: 10000 },
    ];
    expect(formatBundles(bundles, "it")).toBe("100/200 minuti, 5500/10000 MB");
    expect(formatBundles(bundles, "en")).toBe("100/200 minutes, 5500/10000 MB");
  });
});

describe("describeReply", () => {
  it("says the credit as the issue's example does", () => {
    expect(
      describeReply("cmd_credit", { ...OK, creditAmount: "10.00" }, "it"),
    ).toBe("Credito residuo: 10,00 EUR");
    expect(
      describeReply("cmd_credit", { ...OK, creditAmount: "10.00" }, "en"),
    ).toBe("Remaining credit: 10.00 EUR");
  });

  it("lists the lines of a login and the offers of a line", () => {
    expect(
      describeReply(
        "cmd_login",
        { ...OK, lines: ["3404589485", "3407834889"] },
        "it",
      ),
    ).toBe("Accesso eseguito. Le tue linee: 3404589485, 3407834889.");
    const offer = {
      title: "Giga 50",
      bundle: [{ type: "mega", consumed: 1, total: 2 }],
    };
    expect(
      describeReply("cmd_active_options", { ...OK, items: [offer] }, "en"),
    ).toBe("Options: Giga 50 (1/2 MB)");
    expect(
      describeReply("cmd_active_services", { ...OK, items: [] }, "it"),
    ).toBe("Nessun servizio attivo.");
  });

  it("describes a partial dashboard with what it has, then what failed", () => {
    const partial = {
      error: true,
      reason: "Internal server error: missing activePromotions",
      status: 500,
      credit: { creditAmount: "4.50" },
    };
    expect(describeReply("cmd_dashboard", partial, "it").split("\n")).toEqual([
      "Credito residuo: 4,50 EUR",
      "Errore 500: servizio momentaneamente non disponibile.",
    ]);
  });

  it("says a failure in the customer's words, keeping the field a bad request names", () => {
    const failure = (err: TelcoError) => ({
      error: true,
      reason: err.reason,
      status: err.status,
    });

    expect(
      describeReply(
        "cmd_credit",
        failure(new TelcoError("NOT_LOGGED_IN")),
        "it",
      ),
    ).toBe("Devi prima accedere.");
    expect(
      describeReply(
        "cmd_credit",
        failure(new TelcoError("INVALID_PAYLOAD", "field msisdn is required")),
        "en",
      ),
    ).toBe("Bad request: field msisdn is required");
  });
});

describe("errorCodeOf", () => {
  it.each(Object.keys(errorDefinitions) as ErrorCode[])(
    "recognises the reason of %s",
    (code) => {
      const placeholders = errorDefinitions[code].reason.split("%s").length - 1;
      const reason = new TelcoError(code, ...Array(placeholders).fill("x"))
        .reason;
      const found = errorCodeOf(reason);
      // Two codes may share a template; then either is a faithful reading.
      expect(errorDefinitions[found!].reason).toBe(
        errorDefinitions[code].reason,
      );
    },
  );

  it("falls back to the status for a reason no template made", () => {
    expect(
      errorText({ status: 502, reason: "Bad gateway: something new" }, "en"),
    ).toBe("Error 502: the service is unavailable at the moment.");
  });
});
