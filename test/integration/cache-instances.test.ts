// What the line cache guarantees between component instances, shown with two
// caches on separate connections to one real Redis, as two processes have.
import { LineCacheStore } from "../../component/cache/line-cache-store";
import { SECTIONS } from "../../component/cache/sections";
import type { CachePolicy } from "../../component/cache/cache-policy";
import { SubResultCache } from "../../component/cache/sub-result-cache";
import { createLogger } from "../../component/logger";
import { Metrics } from "../../component/metrics";
import { Sealer } from "../../component/privacy/sealing";
import {
  createRedis,
  type RedisConnection,
} from "../../component/session/redis-client";
import { testEnv } from "../support/env";

const POLICY: CachePolicy = {
  ttlMs: Object.fromEntries(
    SECTIONS.map((s) => [s, 60_000]),
  ) as CachePolicy["ttlMs"],
  staleMaxMs: 60_000,
  leaseMs: 5000,
};

interface Instance {
  cache: SubResultCache;
}

const connections: RedisConnection[] = [];
const log = createLogger("silent");
let line = 0;

/** A cache on its own connection, as another process would have. */
async function instance(secret = "shared secret"): Promise<Instance> {
  const redis = createRedis(testEnv().redisUrl, log);
  connections.push(redis);
  await redis.connect();

  const store = new LineCacheStore(redis, new Sealer(secret, "line cache"));
  return { cache: new SubResultCache(store, POLICY, new Metrics(), log) };
}

/** A slow backend query that counts its calls. */
function slowCredit(ms: number, amount = "10.00") {
  const counter = { calls: 0 };
  const load = async () => {
    counter.calls += 1;
    await new Promise((done) => setTimeout(done, ms));
    return { creditAmount: amount };
  };
  return { counter, load };
}

/** A line no other test touched, so each test starts cold. */
const freshLine = () => `39${process.pid}${(line += 1)}`.slice(0, 12);

afterAll(() => connections.forEach((redis) => redis.disconnect()));

it("loads once for concurrent askers on two instances", async () => {
  const [a, b] = await Promise.all([instance(), instance()]);
  const msisdn = freshLine();
  const { counter, load } = slowCredit(200);

  const values = await Promise.all([
    ...Array.from({ length: 5 }, () => a.cache.read(msisdn, "credit", load)),
    ...Array.from({ length: 5 }, () => b.cache.read(msisdn, "credit", load)),
  ]);

  expect(counter.calls).toBe(1);
  expect(new Set(values.map((v) => JSON.stringify(v))).size).toBe(1);
});

it("lets an invalidation on one instance reach the other", async () => {
  const [a, b] = await Promise.all([instance(), instance()]);
  const msisdn = freshLine();
  const { counter, load } = slowCredit(1);

  await a.cache.read(msisdn, "credit", load);
  await b.cache.invalidate(msisdn);
  await a.cache.read(msisdn, "credit", load);

  expect(counter.calls).toBe(2);
});

it("does not store a value whose load an invalidation overtook", async () => {
  const [a, b] = await Promise.all([instance(), instance()]);
  const msisdn = freshLine();
  const old = slowCredit(300, "10.00");
  const renewed = slowCredit(1, "15.00");

  const slowRead = a.cache.read(msisdn, "credit", old.load);
  await new Promise((done) => setTimeout(done, 100));
  await b.cache.invalidate(msisdn);
  await slowRead;

  expect(await b.cache.read(msisdn, "credit", renewed.load)).toEqual({
    creditAmount: "15.00",
  });
  expect(renewed.counter.calls).toBe(1);
});

it("loads itself when the instance holding the lease fails", async () => {
  const [a, b] = await Promise.all([instance(), instance()]);
  const msisdn = freshLine();
  const failing = async () => {
    await new Promise((done) => setTimeout(done, 100));
    throw new Error("backend down");
  };
  const { counter, load } = slowCredit(1);

  const first = a.cache.read(msisdn, "credit", failing);
  await new Promise((done) => setTimeout(done, 20));
  const second = b.cache.read(msisdn, "credit", load);

  await expect(first).rejects.toThrow("backend down");
  expect(await second).toEqual({ creditAmount: "10.00" });
  expect(counter.calls).toBe(1);
});

it("treats an entry sealed with another secret as absent", async () => {
  const [a, b] = await Promise.all([
    instance("old secret"),
    instance("new secret"),
  ]);
  const msisdn = freshLine();
  const { counter, load } = slowCredit(1);

  await a.cache.read(msisdn, "credit", load);
  await b.cache.read(msisdn, "credit", load);

  expect(counter.calls).toBe(2);
});
