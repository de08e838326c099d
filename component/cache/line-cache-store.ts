// The Redis side of the line cache: one entry per line and section, a
// generation counter per line, and short leases that let one instance load
// while the others wait. Values are sealed; keys carry only pseudonyms.
import { LRUCache } from "lru-cache";

import type { Sealer } from "../privacy/sealing";
import type { RedisConnection } from "../session/redis-client";
import { lineCacheKeys } from "../session/redis-keys";
import { SECTIONS, type Section } from "./sections";

/** What a line's cache holds for one section, as last written. */
export interface CacheEntry {
  /** The line's generation when the value was loaded. */
  generation: string;
  fetchedAt: number;
  value: unknown;
}

export interface Snapshot {
  generation: string;
  entry?: CacheEntry;
}

// Writes only if no invalidation happened since the value was loaded, so a
// slow load that started before a recharge cannot put the old credit back.
// Frees the writer's lease in the same step.
const WRITE_IF_CURRENT = `
local written = 0
if (redis.call('GET', KEYS[1]) or '0') == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
  written = 1
end
if redis.call('GET', KEYS[3]) == ARGV[4] then redis.call('DEL', KEYS[3]) end
return written`;

const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0`;

// A new generation makes every entry and lease of the line obsolete; they are
// deleted too, so no entry outlives the counter that vouches for it.
const INVALIDATE = `
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
for i = 2, #KEYS do redis.call('DEL', KEYS[i]) end
return 0`;

/** The snapshot's value if it belongs to the current generation and is young enough. */
export function freshValue(snapshot: Snapshot, maxAgeMs: number): unknown {
  const entry = snapshot.entry;
  if (!entry || entry.generation !== snapshot.generation) return undefined;
  if (Date.now() - entry.fetchedAt >= maxAgeMs) return undefined;
  return entry.value;
}

interface StoredEntry {
  generation: string;
  fetchedAt: number;
  sealed: string;
}

interface PendingRead {
  section: Section;
  resolve: (snapshot: Snapshot) => void;
  reject: (err: unknown) => void;
}

export class LineCacheStore {
  /** Reads asked for in this tick, by line: a dashboard's five become one MGET. */
  private readonly pendingReads = new Map<string, PendingRead[]>();
  /**
   * Entries opened lately, by their stored text: a warm entry is read many
   * times between writes, and opening it (decrypt, parse) is the dear part.
   */
  private readonly opened = new LRUCache<string, CacheEntry>({ max: 10_000 });

  constructor(
    private readonly redis: RedisConnection,
    private readonly sealer: Sealer,
  ) {}

  read(msisdn: string, section: Section): Promise<Snapshot> {
    return new Promise((resolve, reject) => {
      const pending = this.pendingReads.get(msisdn);
      if (pending) {
        pending.push({ section, resolve, reject });
        return;
      }

      this.pendingReads.set(msisdn, [{ section, resolve, reject }]);
      process.nextTick(() => void this.readTogether(msisdn));
    });
  }

  private async readTogether(msisdn: string): Promise<void> {
    const reads = this.pendingReads.get(msisdn) ?? [];
    this.pendingReads.delete(msisdn);
    const keys = lineCacheKeys(msisdn);

    try {
      const [generation, ...stored] = await this.redis.mget(
        keys.generation,
        ...reads.map((read) => keys.entry(read.section)),
      );
      reads.forEach((read, index) =>
        read.resolve({
          generation: generation ?? "0",
          entry: this.unpack(stored[index]),
        }),
      );
    } catch (err) {
      for (const read of reads) read.reject(err);
    }
  }

  async write(
    msisdn: string,
    section: Section,
    entry: CacheEntry,
    lifetimeMs: number,
    leaseToken: string,
  ): Promise<boolean> {
    const keys = lineCacheKeys(msisdn);
    const stored: StoredEntry = {
      generation: entry.generation,
      fetchedAt: entry.fetchedAt,
      sealed: this.sealer.seal(JSON.stringify(entry.value)),
    };

    const written = await this.redis.eval(
      WRITE_IF_CURRENT,
      3,
      keys.generation,
      keys.entry(section),
      keys.lease(section),
      entry.generation,
      JSON.stringify(stored),
      Math.max(1, Math.round(lifetimeMs)),
      leaseToken,
    );
    return written === 1;
  }

  async takeLease(
    msisdn: string,
    section: Section,
    token: string,
    leaseMs: number,
  ): Promise<boolean> {
    const key = lineCacheKeys(msisdn).lease(section);
    return (await this.redis.set(key, token, "PX", leaseMs, "NX")) === "OK";
  }

  async leaseHeld(msisdn: string, section: Section): Promise<boolean> {
    return (await this.redis.exists(lineCacheKeys(msisdn).lease(section))) > 0;
  }

  async releaseLease(
    msisdn: string,
    section: Section,
    token: string,
  ): Promise<void> {
    const key = lineCacheKeys(msisdn).lease(section);
    await this.redis.eval(RELEASE_LEASE, 1, key, token);
  }

  /** Makes everything cached for the line obsolete, here and on every instance. */
  async invalidate(
    msisdn: string,
    generationLifetimeMs: number,
  ): Promise<void> {
    const keys = lineCacheKeys(msisdn);
    const doomed = SECTIONS.flatMap((s) => [keys.entry(s), keys.lease(s)]);

    await this.redis.eval(
      INVALIDATE,
      1 + doomed.length,
      keys.generation,
      ...doomed,
      Math.max(1, Math.round(generationLifetimeMs)),
    );
  }

  /** An entry another key sealed (a rotated secret) or garbled reads as none. */
  private unpack(stored: string | null): CacheEntry | undefined {
    if (!stored) return undefined;

    const known = this.opened.get(stored);
    if (known) return known;

    const entry = this.open(stored);
    if (entry) this.opened.set(stored, entry);
    return entry;
  }

  private open(stored: string): CacheEntry | undefined {
    try {
      const parsed = JSON.parse(stored) as StoredEntry;
      const plain = this.sealer.open(parsed.sealed);
      if (plain === undefined) return undefined;
      return {
        generation: parsed.generation,
        fetchedAt: parsed.fetchedAt,
        value: JSON.parse(plain),
      };
    } catch {
      return undefined;
    }
  }
}
