import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIcsFeedParser } from '../../../adapters/calendar/ical/ics-feed-parser';
import { parseIcsFeed } from '../../../adapters/calendar/ical/parse-ics';
import { IcsParsePool } from '../../../adapters/calendar/ical/parse-pool';
import { DEFAULT_NIGHT_RULES } from '../../../domain/calendar/event-nights';
import { bigFeed } from '../../fixtures/ical/big-feed';

const ROOT = join(__dirname, '..', '..', '..');
const options = { timeZone: 'Europe/Paris', range: { from: '2026-11-22', to: '2028-11-21' }, rules: DEFAULT_NIGHT_RULES };
const text = bigFeed(2_000);
const bytes = () => new TextEncoder().encode(text);

describe('the parse worker pool', () => {
  jest.setTimeout(120_000);
  let pool: IcsParsePool;
  beforeEach(() => {
    pool = new IcsParsePool({ size: 1 });
  });
  afterEach(async () => {
    await pool.close();
  });

  it('runs from the TypeScript sources and gives what the same parse gives on this thread', async () => {
    const inThread = parseIcsFeed(text, options);
    expect(inThread.ok && inThread.blocks.length).toBeGreaterThan(100);
    expect(await pool.parse(bytes(), options)).toEqual(inThread);
  });

  it('leaves the caller’s buffer usable, Node Buffers included', async () => {
    const body = Buffer.from(text);
    const small = Buffer.from('pool neighbour');
    await pool.parse(body, options);
    expect(body.byteLength).toBe(Buffer.byteLength(text));
    expect(body.subarray(0, 15).toString()).toBe('BEGIN:VCALENDAR');
    expect(small.toString()).toBe('pool neighbour');
  });

  it('queues parses beyond its size and answers each one', async () => {
    const calendar = (night: string) => `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:${night}\r\nDTSTART;VALUE=DATE:${night.replace(/-/g, '')}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    const nights = ['2027-01-05', '2027-02-06', '2027-03-07', '2027-04-08'];
    const results = await Promise.all(nights.map((n) => pool.parse(new TextEncoder().encode(calendar(n)), options)));
    expect(results.map((r) => r.ok && r.blocks.map((b) => b.night))).toEqual(nights.map((n) => [n]));
  });

  it('abandons a parse that takes too long, replaces its worker, and goes on', async () => {
    const slow = new IcsParsePool({ size: 1, jobTimeoutMs: 1 });
    try {
      const r = await slow.parse(bytes(), options);
      expect(r).toEqual({ ok: false, problem: { code: 'unsupported', message: expect.stringContaining('to read') } });
    } finally {
      await slow.close();
    }
    expect((await pool.parse(bytes(), options)).ok).toBe(true);
  });

  it('answers pending parses when closed', async () => {
    const pending = pool.parse(bytes(), options);
    await pool.close();
    expect((await pending).ok).toBe(false);
    expect(await pool.parse(bytes(), options)).toEqual({ ok: false, problem: { code: 'unsupported', message: 'the calendar reader is shut down' } });
  });

  it('parses small bodies on the calling thread and big ones in the worker', async () => {
    const parser = createIcsFeedParser({ pool, inlineBelowBytes: 10_000 });
    const spy = jest.spyOn(pool, 'parse');
    await parser.parse({ body: new TextEncoder().encode('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'), timeZone: 'UTC', range: options.range, rules: options.rules });
    expect(spy).not.toHaveBeenCalled();
    await parser.parse({ body: bytes(), timeZone: 'UTC', range: options.range, rules: options.rules });
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('the compiled build', () => {
  jest.setTimeout(240_000);
  const out = join(ROOT, 'test-artifacts', `ical-dist-${process.pid}`);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('runs the nights tool with its worker from dist/, as `npm start` runs the bot', () => {
    mkdirSync(out, { recursive: true });
    // Only the tool and the worker (loaded by path at run time, so no import reaches it).
    const config = join(out, 'tsconfig.json');
    writeFileSync(
      config,
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.build.json'),
        compilerOptions: { rootDir: ROOT, outDir: join(out, 'dist'), noEmitOnError: false, sourceMap: false },
        include: [],
        files: [join(ROOT, 'adapters/calendar/cli/ical-nights.ts'), join(ROOT, 'adapters/calendar/ical/parse-worker.ts')],
      }),
    );
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config], { cwd: ROOT, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(existsSync(join(out, 'dist', 'adapters', 'calendar', 'ical', 'parse-worker.js'))).toBe(true);
    const feed = join(out, 'big.ics');
    writeFileSync(feed, text);
    const run = spawnSync(process.execPath, [join(out, 'dist', 'adapters', 'calendar', 'cli', 'ical-nights.js'), feed, '--tz', options.timeZone, '--from', options.range.from, '--to', options.range.to], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect([run.status, run.stderr]).toEqual([0, '']);
    const inThread = parseIcsFeed(text, options);
    if (!inThread.ok) throw new Error(inThread.problem.message);
    expect(JSON.parse(run.stdout)).toEqual(inThread.blocks.map((b) => b.night));
    expect(text.length).toBeGreaterThan(32 * 1024);
  });
});
