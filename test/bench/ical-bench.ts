/**
 * `npm run bench:ical`: the cost of importing a 5,000-event feed, against node-ical's bare
 * parse of the same text in the same run, and what an import does to a concurrent store
 * operation (a guest's search on the memory store) compared with the same operation idle.
 * Prints ONE JSON object on stdout; progress goes to stderr. Loopback only, bounded loops.
 *
 * - Import: the real path. A local HTTP server sends the feed; the fetcher downloads it with
 *   its size cap, the worker thread checks, parses and expands it, the store replaces the
 *   feed's blocks and the records are updated. Bare parse: `sync.parseICS` on this thread.
 *   Both are medians of ROUNDS runs after warm-ups, interleaved so drift hits both alike.
 *   The bare parse is also timed in a worker at the import worker's (lower) priority: on a
 *   busy machine that priority, not the import's own work, slows the import.
 * - Latency: searches run back to back, each measured from the moment it was asked for to
 *   its answer, so time the event loop spends blocked by the import counts against it. Idle
 *   windows and import windows alternate. The feed server is a separate process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { sync } from 'node-ical';
import { createHttpFeedFetcher } from '../../adapters/calendar/http/http-feed-fetcher';
import { createIcsFeedParser } from '../../adapters/calendar/ical/ics-feed-parser';
import { IcsParsePool } from '../../adapters/calendar/ical/parse-pool';
import { MemorySyncRecords } from '../../adapters/calendar/records/memory-sync-records';
import { createMemoryStore } from '../../adapters/store/memory';
import { Catalog } from '../../domain/catalog/catalog';
import { DEFAULT_FEED_SYNC_SETTINGS, importFeed, type FeedSyncDeps } from '../../domain/usecases/import-feed';
import { searchStay } from '../../domain/usecases/search-stay';
import { FakeClock } from '../fakes/clock';
import { sequentialIds } from '../fakes/ids';
import { testProperty } from '../fakes/property';
import { bigFeed } from '../fixtures/ical/big-feed';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 2_000);
const IMPORTS_UNDER_LOAD = Number(process.env.BENCH_IMPORTS_UNDER_LOAD ?? 8);
const WORKER_NICE = Number(process.env.BENCH_WORKER_NICE ?? 10);

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/**
 * The feed server runs in its own process, as a platform's would: its work must not be
 * counted against our event loop. It serves the file given, on a free loopback port.
 */
const SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const bodies = new Map(fs.readdirSync(process.argv[1]).map((f) => ['/' + f, fs.readFileSync(path.join(process.argv[1], f))]));
const server = http.createServer((req, res) => {
  const body = bodies.get(req.url);
  if (!body) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
process.on('disconnect', () => process.exit(0));
`;

async function serve(files: Record<string, Buffer>): Promise<{ base: string; stop(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'majordome-ical-bench-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  const child = spawn(process.execPath, ['-e', SERVER, dir], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout?.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () => {
      if (child.pid !== undefined) child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TODAY = '2026-11-22';

/**
 * node-ical's bare parse in a worker thread at the import worker's priority: the same
 * scheduling as the import, so that on a busy machine the two ratios tell overhead from
 * priority. Reports the parse time measured inside the worker.
 */
const BARE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const ical = require(workerData.nodeIcal);
if (workerData.nice > 0) {
  try {
    const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
    require('node:os').setPriority(tid, workerData.nice);
  } catch {}
}
parentPort.on('message', (text) => {
  const started = performance.now();
  ical.sync.parseICS(text);
  parentPort.postMessage(performance.now() - started);
});
`;

function bareWorker(nice: number): { parse(text: string): Promise<number>; close(): Promise<number> } {
  const worker = new Worker(BARE_WORKER, { eval: true, workerData: { nodeIcal: require.resolve('node-ical'), nice } });
  return {
    parse: (text) =>
      new Promise((resolve) => {
        worker.once('message', (ms: number) => resolve(ms));
        worker.postMessage(text);
      }),
    close: () => worker.terminate(),
  };
}

async function main(): Promise<void> {
  // A feed with its history (ten years, a fifth of it in the two-year window), as channel
  // managers send them; and the worst case, every event inside the window.
  const texts = { history: bigFeed(EVENTS), window: bigFeed(EVENTS, { from: TODAY, days: 700 }) };
  const bodies = { history: Buffer.from(texts.history, 'utf8'), window: Buffer.from(texts.window, 'utf8') };
  const server = await serve({ 'history.ics': bodies.history, 'window.ics': bodies.window });

  const property = testProperty({
    units: [
      { id: 'd1', typeId: 'double', name: 'Room 1' },
      { id: 'd2', typeId: 'double', name: 'Room 2' },
      {
        id: 's1',
        typeId: 'suite',
        name: 'Suite',
        feeds: [
          { id: 'history', label: 'Channel manager', url: `${server.base}/history.ics` },
          { id: 'window', label: 'Channel manager', url: `${server.base}/window.ics` },
        ],
      },
    ],
  });
  const unit = property.units.find((u) => u.id === 's1');
  if (!unit) throw new Error('bench property has no suite');
  const store = createMemoryStore();
  const clock = new FakeClock(Date.parse(`${TODAY}T09:00:00Z`));
  const parser = createIcsFeedParser({ pool: new IcsParsePool({ workerNice: WORKER_NICE }) });
  const deps: FeedSyncDeps = {
    store,
    clock,
    fetcher: createHttpFeedFetcher({ attempts: 1 }),
    parser,
    records: new MemorySyncRecords(),
    notifier: { notify: async () => undefined },
    settings: DEFAULT_FEED_SYNC_SETTINGS,
  };
  const useCases = { catalog: new Catalog([property]), store, clock, ids: sequentialIds('bench') };
  const target = (feedId: keyof typeof texts) => {
    const feed = unit.feeds.find((f) => f.id === feedId);
    if (!feed) throw new Error(`no feed ${feedId}`);
    return { property, unit, feed };
  };

  const importOnce = async (feedId: keyof typeof texts): Promise<number> => {
    const started = performance.now();
    const outcome = await importFeed(deps, target(feedId));
    if (outcome.kind !== 'imported') throw new Error(`import did not import: ${JSON.stringify(outcome)}`);
    return performance.now() - started;
  };
  const bareOnce = (feedId: keyof typeof texts): number => {
    const started = performance.now();
    sync.parseICS(texts[feedId]);
    return performance.now() - started;
  };

  log(`feeds: ${EVENTS} events each, ${bodies.history.length} and ${bodies.window.length} bytes; warming up`);
  const coldStarted = performance.now();
  await parser.pool.warm();
  const workerStartMs = performance.now() - coldStarted;
  for (let i = 0; i < 3; i++) {
    for (const f of ['history', 'window'] as const) {
      bareOnce(f);
      await importOnce(f);
    }
  }

  const bareInWorker = bareWorker(WORKER_NICE);
  for (const f of ['history', 'window'] as const) await bareInWorker.parse(texts[f]);
  const runs = {
    history: { bare: [] as number[], bareWorker: [] as number[], imports: [] as number[] },
    window: { bare: [] as number[], bareWorker: [] as number[], imports: [] as number[] },
  };
  for (let i = 0; i < ROUNDS; i++) {
    log(`round ${i + 1}/${ROUNDS}`);
    for (const f of ['history', 'window'] as const) {
      runs[f].bare.push(bareOnce(f));
      runs[f].bareWorker.push(await bareInWorker.parse(texts[f]));
      runs[f].imports.push(await importOnce(f));
    }
  }
  await bareInWorker.close();

  // One guest search: three nights over every unit, priced per rate plan.
  const search = () => searchStay(useCases, { propertyId: property.id, stay: { checkIn: '2027-03-10', checkOut: '2027-03-13' }, party: { adults: 2, children: 0 }, channel: 'direct' });
  const measure = async (until: () => boolean): Promise<number[]> => {
    const samples: number[] = [];
    while (!until()) {
      const asked = performance.now();
      // Ask on the next turn of the loop, as a request arriving now would be served.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await search();
      samples.push(performance.now() - asked);
    }
    return samples;
  };
  for (let i = 0; i < 200; i++) await search();

  // Idle and loaded windows alternate, so that load from outside the bench drifting over
  // time weighs on both alike; each idle window lasts as long as the import before it.
  const idle: number[] = [];
  const during: number[] = [];
  let lastImportMs = median(runs.window.imports);
  for (let i = 0; i < IMPORTS_UNDER_LOAD; i++) {
    log(`latency: idle window ${i + 1}/${IMPORTS_UNDER_LOAD}`);
    const idleUntil = performance.now() + Math.max(lastImportMs, IDLE_MS / IMPORTS_UNDER_LOAD);
    idle.push(...(await measure(() => performance.now() >= idleUntil)));
    log(`latency: during import ${i + 1}/${IMPORTS_UNDER_LOAD}`);
    let importing = true;
    const running = importOnce('window').then((ms) => {
      lastImportMs = ms;
      importing = false;
    });
    during.push(...(await measure(() => !importing)));
    await running;
  }

  await parser.close();
  server.stop();

  const summary = (f: keyof typeof texts) => {
    const importMs = median(runs[f].imports);
    const bareMs = median(runs[f].bare);
    const bareWorkerMs = median(runs[f].bareWorker);
    return {
      events: EVENTS,
      bytes: bodies[f].length,
      medianMs: round(importMs, 1),
      bareNodeIcalParseMedianMs: round(bareMs, 1),
      ratio: round(importMs / bareMs),
      goal: 1.5,
      met: importMs / bareMs <= 1.5,
      bareParseInWorkerAtSamePriorityMedianMs: round(bareWorkerMs, 1),
      ratioToBareInWorker: round(importMs / bareWorkerMs),
      runsMs: runs[f].imports.map((x) => round(x, 1)),
      bareRunsMs: runs[f].bare.map((x) => round(x, 1)),
    };
  };
  const idleP99 = percentile(idle, 99);
  const duringP99 = percentile(during, 99);
  const result = {
    import: {
      note: 'fetched from a local server process, checked, parsed and expanded in the worker, stored; median of rounds',
      feedWithHistory: { ...summary('history'), spread: 'ten years from 2022, a fifth in the 730-night window' },
      allEventsInWindow: { ...summary('window'), spread: 'every event within the 730-night window' },
      rounds: ROUNDS,
      workerStartMs: round(workerStartMs, 1),
    },
    concurrentSearch: {
      operation: 'searchStay on the memory store (3 nights, 3 units, 2 rate plans), asked back to back; idle and import windows alternate; imports of the all-in-window feed',
      idleP99Ms: round(idleP99, 3),
      duringImportP99Ms: round(duringP99, 3),
      ratio: round(duringP99 / idleP99),
      goal: 2,
      met: duringP99 / idleP99 <= 2,
      idleSamples: idle.length,
      duringSamples: during.length,
      idleP50Ms: round(percentile(idle, 50), 3),
      duringP50Ms: round(percentile(during, 50), 3),
      duringMaxMs: round(Math.max(...during), 3),
    },
    workerNice: WORKER_NICE,
    loadAverage: loadavg().map((x) => round(x)),
    cpus: cpus().length,
    node: process.version,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
