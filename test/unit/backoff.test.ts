import { Backoff } from "../../component/xmpp/backoff";

describe("Backoff", () => {
  it("doubles its ceiling up to the maximum, and starts again after reset", () => {
    const backoff = new Backoff({
      initialMs: 1000,
      maxMs: 8000,
      random: () => 1,
    });

    expect([1, 2, 3, 4, 5].map(() => backoff.next())).toEqual([
      1000, 2000, 4000, 8000, 8000,
    ]);
    backoff.reset();
    expect(backoff.next()).toBe(1000);
  });

  it("waits at least half the ceiling, whatever the jitter", () => {
    const backoff = new Backoff({
      initialMs: 1000,
      maxMs: 8000,
      random: () => 0,
    });
    expect(backoff.next()).toBe(500);
    expect(backoff.attempts).toBe(1);
  });
});
