import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { BULL_PREFIX, queueNameOf, startRecurringJobs } from '../../adapters/timers/bullmq-recurring-jobs';
import { startFeedScheduler } from '../../bot/jobs/feed-scheduler';
import { feedKey, type FeedRef } from '../../bot/jobs/feed-targets';
import { createLogger } from '../../bot/logger';
import { testRedisUrl } from '../support/redis-store';

const waitFor = async (check: () => boolean, ms = 25_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('feed refreshes on BullMQ, when Redis is configured', () => {
  jest.setTimeout(60_000);
  const log = createLogger('silent');
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('names the queue after the key prefix, without the colons BullMQ refuses', () => {
    expect(queueNameOf('majordome:', 'ical-feeds')).toBe('majordome-ical-feeds');
    expect(queueNameOf('mjt:x:1:', 'ical-feeds')).toBe('mjtx1-ical-feeds');
  });

  it('runs every feed on its job scheduler, keeps keys under {bull}, and drops schedulers of removed feeds', async () => {
    const queueName = `t${randomUUID().slice(0, 8)}-ical-feeds`;
    const a: FeedRef = { propertyId: 'p1', unitId: 'u1', feedId: 'airbnb' };
    const b: FeedRef = { propertyId: 'p1', unitId: 'u1', feedId: 'booking-com' };
    const runs: string[] = [];
    const run = async (key: string) => void runs.push(key);

    const first = await startRecurringJobs([{ key: feedKey(a), everyMs: 300 }, { key: feedKey(b), everyMs: 60_000 }], run, { connection: { url: testRedisUrl(), maxRetriesPerRequest: null }, queueName, idPrefix: 'feed.', log });
    try {
      await waitFor(() => runs.filter((k) => k === feedKey(a)).length >= 2 && runs.includes(feedKey(b)));
      const ids = (await first.queue.getJobSchedulers(0, -1)).map((s) => s.key).sort();
      expect(ids).toEqual([`feed.${feedKey(a)}`, `feed.${feedKey(b)}`]);
      for (const id of ids) expect(id).not.toContain(':');
    } finally {
      await first.stop();
    }
    const keys = await redis.keys(`*${queueName}*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.startsWith(`${BULL_PREFIX}:${queueName}:`)).toBe(true);

    // A restart with feed b removed from the catalogue: its scheduler goes.
    const second = await startRecurringJobs([{ key: feedKey(a), everyMs: 300 }], run, { connection: { url: testRedisUrl(), maxRetriesPerRequest: null }, queueName, idPrefix: 'feed.', log });
    try {
      expect((await second.queue.getJobSchedulers(0, -1)).map((s) => s.key)).toEqual([`feed.${feedKey(a)}`]);
    } finally {
      await second.queue.obliterate({ force: true });
      await second.stop();
    }
  });

  it('survives a job whose import throws: the error is logged and the next refresh runs', async () => {
    const queueName = `t${randomUUID().slice(0, 8)}-ical-feeds`;
    let calls = 0;
    const queue = await startRecurringJobs(
      [{ key: 'p1.u1.flaky', everyMs: 200 }],
      async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
      { connection: { url: testRedisUrl(), maxRetriesPerRequest: null }, queueName, idPrefix: 'feed.', log },
    );
    try {
      await waitFor(() => calls >= 2);
    } finally {
      await queue.queue.obliterate({ force: true });
      await queue.stop();
    }
  });
});

describe('feed refreshes in process, without Redis', () => {
  it('runs each feed every period, never twice at once, within the concurrency limit', async () => {
    const running = new Set<string>();
    let peak = 0;
    const runs: Record<string, number> = {};
    const overlaps: string[] = [];
    const scheduler = startFeedScheduler(
      ['a', 'b', 'c', 'd'].map((key) => ({ key, everyMs: 30 })),
      async (key) => {
        if (running.has(key)) overlaps.push(key);
        running.add(key);
        peak = Math.max(peak, running.size);
        runs[key] = (runs[key] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, 40));
        running.delete(key);
      },
      { firstDelayMs: () => 0, maxConcurrent: 2 },
    );
    await waitFor(() => Object.values(runs).length === 4 && Object.values(runs).every((n) => n >= 3));
    await scheduler.stop();
    const after = JSON.stringify(runs);
    await new Promise((r) => setTimeout(r, 150));
    expect(JSON.stringify(runs)).toBe(after);
    expect(overlaps).toEqual([]);
    expect(peak).toBeLessThanOrEqual(2);
  });

  it('keeps going after a run that throws', async () => {
    let calls = 0;
    const scheduler = startFeedScheduler([{ key: 'x', everyMs: 10 }], async () => {
      calls++;
      throw new Error('feed down');
    }, { firstDelayMs: () => 0 });
    await waitFor(() => calls >= 3);
    await scheduler.stop();
  });
});
