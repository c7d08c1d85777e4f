/**
 * `npm run bench:store`: hold throughput of the memory and Redis stores, against the ceiling
 * of a trivial Lua script (`return 1`, same defineCommand/EVALSHA path, same connection).
 * Starts its own private redis-server on a free port and stops it by pid. Prints ONE JSON
 * object on stdout; progress goes to stderr.
 *
 * Every hold is a 3-night stay on a distinct (unit, dates), so every one succeeds; requests
 * are built before the clock starts. Each figure is the median of ROUNDS timed runs after a
 * warm-up. Within a run the Redis hold and trivial measurements (REDIS_OPS each) are cut
 * into SLICES alternating slices, each rate being ops over the summed time of its slices:
 * on a shared machine, bursts of someone else's load then hit both sides of the ratio alike.
 * Around each slice (outside the clock) INFO commandstats gives the server's own time per
 * EVALSHA, so the JSON also says how many µs of Redis each hold and each trivial call cost.
 */
import { cpus, loadavg } from 'node:os';
import { createMemoryStore } from '../../adapters/store/memory';
import { createRedisStore } from '../../adapters/store/redis';
import { defineScripts } from '../../adapters/store/redis/scripts';
import { addDays } from '../../domain/calendar/nights';
import type { HoldRequest, Store } from '../../domain/ports';
import { startRedisServer, type RedisServerHandle } from '../support/redis-server';

const REDIS_OPS = Number(process.env.BENCH_REDIS_OPS ?? 20_000);
const MEMORY_OPS = Number(process.env.BENCH_MEMORY_OPS ?? 40_000);
const WARMUP_OPS = 2_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SLICES = 10;
const CONCURRENCY = [1, 50] as const;
const UNITS = 100;
const NOW = Date.UTC(2027, 0, 1);

type Level = `c${(typeof CONCURRENCY)[number]}`;
const level = (c: number) => `c${c}` as Level;

const log = (msg: string) => process.stderr.write(`${msg}\n`);

/** Seconds for calls `op(from)` … `op(to - 1)`, with `concurrency` callers each awaiting its previous call. */
async function timeOps(from: number, to: number, concurrency: number, op: (i: number) => Promise<void>): Promise<number> {
  let next = from;
  const caller = async () => {
    while (next < to) await op(next++);
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, caller));
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Calls and µs spent in EVALSHA so far, by the server's own count (INFO commandstats). */
async function evalshaStats(redis: { info(section: string): Promise<string> }): Promise<{ calls: number; usec: number }> {
  const m = /cmdstat_evalsha:calls=(\d+),usec=(\d+)/.exec(await redis.info('commandstats'));
  return { calls: Number(m?.[1] ?? 0), usec: Number(m?.[2] ?? 0) };
}

async function opsPerSecond(total: number, concurrency: number, op: (i: number) => Promise<void>): Promise<number> {
  return Math.round(total / (await timeOps(0, total, concurrency, op)));
}

let runSeq = 0;
/** Distinct 3-night stays: unit i % UNITS, dates advancing every UNITS holds; a fresh property per run. */
function holdRequests(count: number): HoldRequest[] {
  const propertyId = `bench-${process.pid}-${runSeq++}`;
  return Array.from({ length: count }, (_, i) => {
    const first = addDays('2027-01-01', 3 * Math.floor(i / UNITS));
    return {
      propertyId,
      holdId: `h${i}`,
      requestId: `r${i}`,
      candidateUnitIds: [`u${i % UNITS}`],
      nights: [first, addDays(first, 1), addDays(first, 2)],
      now: NOW,
      expiresAt: NOW + 20 * 60_000,
    };
  });
}

/** A hold op over fresh requests; throws at the end if any claim failed. */
function holdOp(store: Store, count: number): { op: (i: number) => Promise<void>; check: () => void } {
  const requests = holdRequests(count);
  let failed = 0;
  return {
    op: async (i) => {
      const r = await store.hold(requests[i] as HoldRequest);
      if (!r.ok) failed++;
    },
    check: () => {
      if (failed > 0) throw new Error(`${failed} of ${count} benchmark holds failed on ${store.kind}: the workload must only make claims that succeed`);
    },
  };
}

async function holdRate(store: Store, count: number, concurrency: number): Promise<number> {
  const { op, check } = holdOp(store, count);
  const rate = await opsPerSecond(count, concurrency, op);
  check();
  return rate;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

async function benchMemory(): Promise<{ ops: number; hold: Record<Level, number>; samples: Record<Level, number[]> }> {
  const hold = {} as Record<Level, number>;
  const samples = {} as Record<Level, number[]>;
  for (const c of CONCURRENCY) {
    const runs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const store = createMemoryStore();
      await holdRate(store, WARMUP_OPS, c);
      runs.push(await holdRate(store, MEMORY_OPS, c));
      await store.close();
    }
    samples[level(c)] = runs;
    hold[level(c)] = median(runs);
    log(`memory  hold c=${c}: ${runs.join(', ')} /s`);
  }
  return { ops: MEMORY_OPS, hold, samples };
}

async function benchRedis(server: RedisServerHandle) {
  const store = createRedisStore({ url: server.url, keyPrefix: `bench:${process.pid}:` });
  try {
    // The trivial script goes through the same defineCommand path on the same connection.
    const trivialScript = defineScripts(store.redis).trivial;
    const base = `${store.keyPrefix}{p:trivial}:`;
    const trivialOp = async () => void (await trivialScript(base));
    const info = await store.redis.info('server');
    const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';

    const hold = {} as Record<Level, number>;
    const ceiling = {} as Record<Level, number>;
    const ratio = {} as Record<Level, number>;
    const samples = { hold: {} as Record<Level, number[]>, trivial: {} as Record<Level, number[]> };
    const serverUs = { hold: {} as Record<Level, number>, trivial: {} as Record<Level, number> };
    for (const c of CONCURRENCY) {
      await opsPerSecond(WARMUP_OPS, c, trivialOp);
      await holdRate(store, WARMUP_OPS, c);
      const h: number[] = [];
      const t: number[] = [];
      const server = { hold: { calls: 0, usec: 0 }, trivial: { calls: 0, usec: 0 } };
      /** Times one slice, and adds the server's EVALSHA calls and µs meanwhile to `into`. */
      const measured = async (into: { calls: number; usec: number }, run: () => Promise<number>): Promise<number> => {
        const before = await evalshaStats(store.redis);
        const seconds = await run();
        const after = await evalshaStats(store.redis);
        into.calls += after.calls - before.calls;
        into.usec += after.usec - before.usec;
        return seconds;
      };
      for (let round = 0; round < ROUNDS; round++) {
        const hold = holdOp(store, REDIS_OPS);
        let holdSeconds = 0;
        let trivialSeconds = 0;
        for (let slice = 0; slice < SLICES; slice++) {
          const from = (slice * REDIS_OPS) / SLICES;
          const to = ((slice + 1) * REDIS_OPS) / SLICES;
          trivialSeconds += await measured(server.trivial, () => timeOps(from, to, c, trivialOp));
          holdSeconds += await measured(server.hold, () => timeOps(from, to, c, hold.op));
        }
        hold.check();
        t.push(Math.round(REDIS_OPS / trivialSeconds));
        h.push(Math.round(REDIS_OPS / holdSeconds));
      }
      samples.hold[level(c)] = h;
      samples.trivial[level(c)] = t;
      hold[level(c)] = median(h);
      ceiling[level(c)] = median(t);
      // The median of each run's own ratio: its two rates were measured side by side.
      ratio[level(c)] = Math.round(median(h.map((x, i) => x / (t[i] ?? Number.NaN))) * 1000) / 1000;
      serverUs.hold[level(c)] = Math.round((server.hold.usec / server.hold.calls) * 100) / 100;
      serverUs.trivial[level(c)] = Math.round((server.trivial.usec / server.trivial.calls) * 100) / 100;
      log(
        `redis   hold c=${c}: ${h.join(', ')} /s; trivial: ${t.join(', ')} /s; ratio ${ratio[level(c)]}; ` +
          `server µs per call: hold ${serverUs.hold[level(c)]}, trivial ${serverUs.trivial[level(c)]}`,
      );
    }
    return { server: version, ops: REDIS_OPS, hold, trivialScript: ceiling, ratio, serverUsPerCall: serverUs, samples };
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const server = await startRedisServer();
  log(`private redis-server pid ${server.pid} at ${server.url}`);
  const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
  try {
    const redis = await benchRedis(server);
    const memory = await benchMemory();
    const result = {
      bench: 'store holds/s, 3-night stays, distinct unit+dates per op',
      slicesPerRedisRun: SLICES,
      node: process.version,
      // The ratio depends on the machine: on a small shared one, others' load weighs on it.
      machine: { cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg().map((x) => Math.round(x * 100) / 100) },
      warmupOps: WARMUP_OPS,
      rounds: ROUNDS,
      memory,
      redis,
      ratio: redis.ratio,
      goal: { metric: 'redis hold rate / trivial script rate at 50 callers', atLeast: 0.5, met: redis.ratio.c50 >= 0.5 },
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await server.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
