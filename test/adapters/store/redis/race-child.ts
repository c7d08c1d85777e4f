/**
 * One racer of the two-process test: connects, says `ready`, waits for `go` on stdin, fires
 * its holds in waves, prints a RaceReport as one JSON line. Run with `node --import tsx`.
 */
import { createInterface } from 'node:readline';
import { createRedisStore } from '../../../../adapters/store/redis';
import type { Night } from '../../../../domain/calendar/nights';

export interface RaceTarget {
  set: number;
  unitId: string;
  nights: Night[];
}
export interface RaceOutcome {
  set: number;
  holdId: string;
  ok: boolean;
  code: string | null;
}
export interface RaceReport {
  /** Epoch ms when this racer sent its first hold and received its last answer. */
  startedAt: number;
  finishedAt: number;
  outcomes: RaceOutcome[];
}

/** Fisher–Yates with a seeded LCG: each racer walks the sets in its own order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function main(): Promise<void> {
  const [url, keyPrefix, propertyId, tag, attemptsArg, targetsJson] = process.argv.slice(2);
  if (!url || !keyPrefix || !propertyId || !tag || !attemptsArg || !targetsJson) throw new Error('usage: race-child url prefix property tag attempts targets');
  const targets = JSON.parse(targetsJson) as RaceTarget[];
  const attempts = Number(attemptsArg);
  const store = createRedisStore({ url, keyPrefix });
  await store.redis.ping();
  const now = 1_800_000_000_000;
  // Load the script before the start signal, so both racers start on EVALSHA.
  await store.hold({ propertyId: `${propertyId}-warm`, holdId: 'w', requestId: 'w', candidateUnitIds: ['w'], nights: ['2000-01-01'], now, expiresAt: now + 1 });

  const lines = createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.once('line', () => resolve()));
  process.stdout.write('ready\n');
  await go;
  lines.close();

  // Waves of one attempt per set, each racer in its own order: many round trips keep both
  // racers in flight together, so their claims really interleave on the server.
  const startedAt = Date.now();
  const outcomes: RaceOutcome[] = [];
  for (let i = 0; i < attempts; i++) {
    const wave = shuffled(targets, tag.charCodeAt(0) * 1000 + i).map((target) => {
      const holdId = `${tag}-${target.set}-${i}`;
      return store
        .hold({ propertyId, holdId, requestId: holdId, candidateUnitIds: [target.unitId], nights: target.nights, now, expiresAt: now + 600_000 })
        .then((r): RaceOutcome => ({ set: target.set, holdId, ok: r.ok, code: r.ok ? null : r.code }));
    });
    outcomes.push(...(await Promise.all(wave)));
  }
  const report: RaceReport = { startedAt, finishedAt: Date.now(), outcomes };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  await store.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
