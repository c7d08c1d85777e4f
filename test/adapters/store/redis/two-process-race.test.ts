import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { addDays } from '../../../../domain/calendar/nights';
import { freshPropertyId } from '../../../contract/fixtures';
import { makeTestRedisStore, testRedisUrl } from '../../../support/redis-store';
import type { RaceReport, RaceTarget } from './race-child';

const ROOT = join(__dirname, '..', '..', '..', '..');

interface Racer {
  child: ChildProcess;
  ready: Promise<void>;
  result: Promise<RaceReport>;
}

function startRacer(args: string[]): Racer {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'race-child.ts'), ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout! });
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const result = new Promise<RaceReport>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') markReady();
      else resolve(JSON.parse(line) as RaceReport);
    });
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`racer exited with ${code}: ${stderr}`));
    });
  });
  // A racer that dies before `ready` must fail the test, not hang it.
  const readyOrDead = Promise.race([ready, result.then(() => undefined)]);
  return { child, ready: readyOrDead, result };
}

describe('two processes racing on one Redis', () => {
  it('give each night set to exactly one hold, and no night two owners', async () => {
    const store = makeTestRedisStore('race');
    const racers: Racer[] = [];
    try {
      const p = freshPropertyId();
      const units = ['u1', 'u2', 'u3', 'u4'];
      // 40 disjoint 3-night sets over 4 units.
      const targets: RaceTarget[] = Array.from({ length: 40 }, (_, set) => ({
        set,
        unitId: units[set % units.length] as string,
        nights: [0, 1, 2].map((d) => addDays('2027-06-01', Math.floor(set / units.length) * 3 + d)),
      }));
      const attempts = 25;
      for (const tag of ['A', 'B']) {
        racers.push(startRacer([testRedisUrl(), store.keyPrefix, p, tag, String(attempts), JSON.stringify(targets)]));
      }
      await Promise.all(racers.map((r) => r.ready));
      for (const r of racers) r.child.stdin?.write('go\n');
      const [a, b] = await Promise.all(racers.map((r) => r.result));
      if (!a || !b) throw new Error('a racer sent no report');
      // They really raced: each was still waiting for answers after the other had started.
      expect(a.startedAt).toBeLessThanOrEqual(b.finishedAt);
      expect(b.startedAt).toBeLessThanOrEqual(a.finishedAt);
      const all = [...a.outcomes, ...b.outcomes];
      expect(all).toHaveLength(2 * attempts * targets.length);
      expect(all.filter((o) => !o.ok && o.code !== 'sold_out')).toEqual([]);
      const winners = all.filter((o) => o.ok);
      for (const target of targets) expect(winners.filter((w) => w.set === target.set)).toHaveLength(1);

      const allNights = [...new Set(targets.flatMap((t) => t.nights))].sort();
      const read = await store.readUnitNights(p, units, allNights, 1_800_000_000_000);
      for (const target of targets) {
        const winner = winners.find((w) => w.set === target.set)?.holdId;
        const states = read[target.unitId] ?? [];
        for (const night of target.nights) {
          const owner = states[allNights.indexOf(night)]?.owner;
          expect(owner?.kind === 'hold' ? owner.holdId : null).toBe(winner);
        }
      }
      const base = `${store.keyPrefix}{p:${p}}:`;
      expect(await store.redis.hlen(`${base}hx`)).toBe(targets.length);
    } finally {
      for (const r of racers) if (r.child.exitCode === null) r.child.kill();
      await store.close();
    }
  }, 60_000);
});
