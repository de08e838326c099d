import { readFileSync } from "node:fs";
import { join } from "node:path";

import { errorDefinitions, TelcoError } from "../../component/errors";

const doc = readFileSync(
  join(__dirname, "..", "..", "docs", "errors.md"),
  "utf8",
);

function documentedCodes(): Map<string, number> {
  const rows = doc.split("\n").filter((line) => line.startsWith("| `"));
  return new Map(
    rows.map((row) => {
      const [, code, status] = row.split("|").map((cell) => cell.trim());
      return [code.replace(/`/g, ""), Number(status)];
    }),
  );
}

describe("the error registry", () => {
  it("is documented in docs/errors.md, code for code and status for status", () => {
    const registry = new Map(
      Object.entries(errorDefinitions).map(([code, { status }]) => [
        code,
        status,
      ]),
    );
    expect(documentedCodes()).toEqual(registry);
  });

  it("fills the reason template with the arguments given", () => {
    const err = new TelcoError("PAYLOAD_TOO_LARGE", 70000, 65536);
    expect(err).toMatchObject({
      status: 413,
      reason: "Payload too large: 70000 bytes, the limit is 65536",
    });
  });

  it("keeps the low-level cause for the log only", () => {
    const cause = new Error("ECONNREFUSED 127.0.0.1:6379");
    const err = TelcoError.because(cause, "STORE_UNAVAILABLE");

    expect(err.cause).toBe(cause);
    expect(err.reason).not.toContain("6379");
  });
});
