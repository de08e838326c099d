import { LinkLease, type LeaseStore } from "../../component/xmpp/link-lease";

const FAST = { ttlMs: 200, renewMs: 20, pollMs: 5 };
const KEY = "telco:link-holder:{telco.localhost}";

/** Redis as far as a lease uses it: values with an expiry, and one script. */
class MemoryStore implements LeaseStore {
  private readonly values = new Map<string, { value: string; until: number }>();

  async set(key: string, value: string, _mode: "PX", ms: number) {
    this.values.set(key, { value, until: Date.now() + ms });
    return "OK";
  }

  async get(key: string): Promise<string | null> {
    const entry = this.values.get(key);
    return entry && entry.until > Date.now() ? entry.value : null;
  }

  /** The only script a lease runs: delete if the value is the caller's. */
  async eval(_script: string, _keys: number, ...args: Array<string | number>) {
    const [key, holder] = args.map(String);
    if ((await this.get(key)) !== holder) return 0;
    this.values.delete(key);
    return 1;
  }
}

/** A standby's watch: counts the releases it was told about. */
function watch(lease: LinkLease) {
  const controller = new AbortController();
  const seen = { releases: 0 };
  void lease.watch(controller.signal, () => (seen.releases += 1));
  return { seen, stop: () => controller.abort() };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await wait(5);
}

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe("LinkLease", () => {
  it("tells a standby when the holder stops", async () => {
    const store = new MemoryStore();
    const active = new LinkLease(store, KEY, FAST);
    const standby = watch(new LinkLease(store, KEY, FAST));

    active.hold();
    await wait(30);
    expect(standby.seen.releases).toBe(0);

    await active.release();
    await until(() => standby.seen.releases > 0);
    standby.stop();
    expect(standby.seen.releases).toBe(1);
  });

  it("tells a standby when a dead holder's lease lapses", async () => {
    const store = new MemoryStore();
    await store.set(KEY, "an instance that died", "PX", 50);
    const standby = watch(new LinkLease(store, KEY, FAST));

    await until(() => standby.seen.releases > 0);
    standby.stop();
    expect(standby.seen.releases).toBe(1);
  });

  it("tells again for each holder in turn", async () => {
    const store = new MemoryStore();
    const standby = watch(new LinkLease(store, KEY, FAST));

    for (const turn of [1, 2]) {
      const holder = new LinkLease(store, KEY, FAST);
      holder.hold();
      await wait(20);
      await holder.release();
      await until(() => standby.seen.releases >= turn);
      expect(standby.seen.releases).toBe(turn);
    }
    standby.stop();
  });

  it("says nothing about a lease it never saw held", async () => {
    const standby = watch(new LinkLease(new MemoryStore(), KEY, FAST));

    await wait(50);
    standby.stop();
    expect(standby.seen.releases).toBe(0);
  });

  it("leaves the lease alone when another holder took it over", async () => {
    const store = new MemoryStore();
    const first = new LinkLease(store, KEY, FAST);
    const second = new LinkLease(store, KEY, FAST);

    first.hold();
    await wait(5);
    second.hold();
    await wait(5);
    await first.release();

    expect(await store.get(KEY)).not.toBeNull();
    await second.release();
    expect(await store.get(KEY)).toBeNull();
  });
});
