import { maskCardNumber } from "../../component/privacy/card";
import {
  hashMsisdn,
  looksLikeMsisdn,
  pseudonym,
} from "../../component/privacy/msisdn";
import { safeThread } from "../../component/protocol/reply";

describe("hashMsisdn", () => {
  it("gives the spec's own result for 3211234567", () => {
    expect(hashMsisdn("3211234567")).toBe(
      "M2Y2ZTYzNGY1OWE2YWZhOTg0Y2NlMTQxNmI5ZDk0M2E3ZmM5NDY4NjBhMWE1ZWVkMzY2MTk1MmYxYzg3ZDJjZg==",
    );
  });
});

describe("safeThread", () => {
  it("hashes a thread that is a clear MSISDN", () => {
    expect(safeThread("3211234567")).toBe(hashMsisdn("3211234567"));
  });

  it("leaves an already hashed or ordinary thread as it is", () => {
    const hashed = hashMsisdn("3211234567");
    expect(safeThread(hashed)).toBe(hashed);
    expect(safeThread("conversation-42")).toBe("conversation-42");
  });
});

describe("looksLikeMsisdn", () => {
  it("knows numbers with or without a plus sign", () => {
    expect(looksLikeMsisdn("+393404589485")).toBe(true);
    expect(looksLikeMsisdn("12345")).toBe(false);
  });
});

describe("pseudonym", () => {
  it("is stable and does not contain the input", () => {
    expect(pseudonym("3404589485")).toBe(pseudonym("3404589485"));
    expect(pseudonym("3404589485")).not.toContain("3404589485");
  });
});

describe("maskCardNumber", () => {
  it("keeps the last four digits and the grouping", () => {
    expect(maskCardNumber("4958 3483 3248 4239")).toBe("**** **** **** 4239");
    expect(maskCardNumber("4958348332484239")).toBe("************4239");
  });
});
