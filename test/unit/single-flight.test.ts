import { SingleFlight } from "../../component/cache/single-flight";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe("SingleFlight", () => {
  it("runs the work once for concurrent callers of one key", async () => {
    const flights = new SingleFlight();
    const gate = deferred<string>();
    let runs = 0;
    let shared = 0;
    const work = () => {
      runs += 1;
      return gate.promise;
    };

    const calls = [1, 2, 3].map(() =>
      flights.run("k", work, () => (shared += 1)),
    );
    gate.resolve("value");

    expect(await Promise.all(calls)).toEqual(["value", "value", "value"]);
    expect(runs).toBe(1);
    expect(shared).toBe(2);
  });

  it("runs again once the flight has settled, even after a failure", async () => {
    const flights = new SingleFlight();

    await expect(
      flights.run("k", () => Promise.reject(new Error("down"))),
    ).rejects.toThrow("down");
    expect(await flights.run("k", () => Promise.resolve(2))).toBe(2);
  });

  it("starts afresh for later callers after forget, leaving joiners theirs", async () => {
    const flights = new SingleFlight();
    const old = deferred<string>();
    const first = flights.run("line:credit", () => old.promise);

    flights.forget("line:");
    const second = flights.run("line:credit", () => Promise.resolve("new"));
    old.resolve("old");

    expect(await first).toBe("old");
    expect(await second).toBe("new");
  });
});
