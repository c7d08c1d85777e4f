/**
 * Run by process-zone.test.ts under several TZ values: imports every fixture with the real
 * importer (through the worker thread) into a memory or Redis store, and prints what the
 * store then says is blocked in 2027, per fixture. Usage: import-child.ts memory|redis
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createIcsFeedParser } from '../../../adapters/calendar/ical/ics-feed-parser';
import { MemorySyncRecords } from '../../../adapters/calendar/records/memory-sync-records';
import { createMemoryStore } from '../../../adapters/store/memory';
import { createRedisStore } from '../../../adapters/store/redis';
import { problem } from '../../../domain/calendar/feed-problem';
import type { FeedFetcher } from '../../../domain/calendar/sync-ports';
import type { Store } from '../../../domain/ports';
import { DEFAULT_FEED_SYNC_SETTINGS, importFeed } from '../../../domain/usecases/import-feed';
import { FakeClock } from '../../fakes/clock';
import { testProperty } from '../../fakes/property';
import { BROKEN, EXPECTED, RANGE } from './expected-nights';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'ical');

/** Feed URLs here are fixture paths: the fetcher reads the file. */
const fileFetcher: FeedFetcher = {
  async fetch(req) {
    try {
      return { kind: 'fetched', body: await readFile(new URL(req.url)), etag: null, lastModified: null };
    } catch {
      return { kind: 'failed', problem: problem('network', 'unreadable') };
    }
  },
};

async function main(): Promise<void> {
  const kind = process.argv[2];
  const names = [...Object.keys(EXPECTED), ...Object.keys(BROKEN)];
  const feeds = names.map((name) => ({ id: basename(name, '.ics').replace(/[^a-z0-9-]/g, '-'), label: name, url: `https://fixtures.example/${name}` }));
  const property = testProperty({ units: [{ id: 'd1', typeId: 'double', name: 'Room 1' }, { id: 's1', typeId: 'suite', name: 'Suite', feeds }] });
  let store: Store;
  if (kind === 'redis') {
    const url = process.env.MAJORDOME_TEST_REDIS_URL;
    if (!url) throw new Error('MAJORDOME_TEST_REDIS_URL is not set');
    store = createRedisStore({ url, keyPrefix: `mjt:zone:${process.pid}:${process.env.TZ?.replace(/[^A-Za-z]/g, '') ?? 'x'}:` });
  } else store = createMemoryStore();

  // Every body goes through the worker thread, started from the TypeScript sources.
  const parser = createIcsFeedParser({ inlineBelowBytes: 0 });
  const clock = new FakeClock(Date.parse('2026-12-01T09:00:00Z'));
  const deps = {
    store,
    clock,
    fetcher: { fetch: (req: { url: string }) => fileFetcher.fetch({ url: `file://${join(FIXTURES, req.url.split('/').pop() ?? '')}`, etag: null, lastModified: null }) },
    parser,
    records: new MemorySyncRecords(),
    notifier: { notify: async () => undefined },
    settings: DEFAULT_FEED_SYNC_SETTINGS,
  };
  const nights: string[] = [];
  for (let t = Date.parse(`${RANGE.from}T00:00:00Z`); t < Date.parse(`${RANGE.to}T00:00:00Z`); t += 86_400_000) nights.push(new Date(t).toISOString().slice(0, 10));

  const unit = property.units.find((u) => u.id === 's1');
  if (!unit) throw new Error('no unit');
  const out: Record<string, string[] | string> = {};
  for (const feed of unit.feeds) {
    const outcome = await importFeed(deps, { property, unit, feed });
    if (outcome.kind === 'failed') {
      out[feed.label] = outcome.problem.code;
      continue;
    }
    const states = (await store.readUnitNights(property.id, [unit.id], nights, clock.now().getTime()))[unit.id] ?? [];
    out[feed.label] = nights.filter((_, i) => states[i]?.blocks.some((b) => b.feedId === feed.id));
  }
  await parser.close();
  await store.close();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
