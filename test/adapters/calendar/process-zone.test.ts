import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BROKEN, EXPECTED, RANGE, ZONE } from './expected-nights';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'ical');
const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], tz: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, TZ: tz } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A few at a time: each child loads TypeScript, and the machine may have two cores. */
async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

const TOOL = join(ROOT, 'adapters', 'calendar', 'cli', 'ical-nights.ts');
const toolArgs = (name: string) => [TOOL, join(FIXTURES, name), '--tz', ZONE, '--from', RANGE.from, '--to', RANGE.to];

describe('results never depend on the process time zone', () => {
  jest.setTimeout(180_000);

  it('the nights tool prints the same nights under UTC, Los Angeles and Kiritimati', async () => {
    const names = Object.keys(EXPECTED);
    const jobs = ZONES.flatMap((tz) => names.map((name) => ({ tz, name })));
    const runs = await inBatches(jobs, 4, async ({ tz, name }) => ({ tz, name, result: await run(toolArgs(name), tz) }));
    for (const { tz, name, result } of runs) {
      expect([tz, name, result.code, result.stderr.replace(/^npm warn.*\n/gm, '')]).toEqual([tz, name, 0, '']);
      expect([tz, name, JSON.parse(result.stdout)]).toEqual([tz, name, EXPECTED[name]]);
    }
  });

  it('the nights tool refuses broken feeds with a clear message and a non-zero exit, in every zone', async () => {
    const jobs = ZONES.flatMap((tz) => ['html.ics', 'truncated.ics', 'bad-date.ics'].map((name) => ({ tz, name })));
    const runs = await inBatches(jobs, 4, async ({ tz, name }) => ({ tz, name, result: await run(toolArgs(name), tz) }));
    for (const { tz, name, result } of runs) {
      expect([tz, name, result.code, result.stdout]).toEqual([tz, name, 1, '']);
      expect(result.stderr).toContain(`cannot be trusted (${BROKEN[name]})`);
    }
  });

  it.each(['memory', 'redis'])('the importer blocks the same nights in the %s store under UTC, Los Angeles and Kiritimati', async (kind) => {
    const runs = await Promise.all(ZONES.map((tz) => run([join(__dirname, 'import-child.ts'), kind], tz)));
    const expected = { ...EXPECTED, ...BROKEN };
    runs.forEach((r, i) => {
      expect([ZONES[i], r.code, r.stderr.replace(/^npm warn.*\n/gm, '')]).toEqual([ZONES[i], 0, '']);
      expect([ZONES[i], JSON.parse(r.stdout)]).toEqual([ZONES[i], expected]);
    });
  });
});
