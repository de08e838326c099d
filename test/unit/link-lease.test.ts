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

function watch(lease: LinkLease) {
  const controller = new AbortController();
  let released = false;
  const done = lease
    .untilReleased(controller.signal)
    .then(() => (released = !controller.signal.aborted));
  return { isReleased: () => released, abort: () => controller.abort(), done };
}

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe("LinkLease", () => {
  it("tells a standby when the holder stops", async () => {
    const store = new MemoryStore();
    const active = new LinkLease(store, KEY, FAST);
    const standby = watch(new LinkLease(store, KEY, FAST));

    active.hold();
    await wait(30);
    expect(standby.isReleased()).toBe(false);

    await active.release();
    await standby.done;
    expect(standby.isReleased()).toBe(true);
  });

  it("tells a standby when a dead holder's lease lapses", async () => {
    const store = new MemoryStore();
    await store.set(KEY, "an instance that died", "PX", 50);
    const standby = watch(new LinkLease(store, KEY, FAST));

    await standby.done;
    expect(standby.isReleased()).toBe(true);
  });

  it("says nothing about a lease it never saw held", async () => {
    const standby = watch(new LinkLease(new MemoryStore(), KEY, FAST));

    await wait(50);
    standby.abort();
    await standby.done;
    expect(standby.isReleased()).toBe(false);
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
