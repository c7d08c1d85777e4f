import { Redis } from 'ioredis';
import { MemoryProcessedEvents } from '../../../adapters/payments/event-log/memory-processed-events';
import { RedisProcessedEvents } from '../../../adapters/payments/event-log/redis-processed-events';
import type { ProcessedEvents } from '../../../domain/payments/event-log';
import { testRedisUrl, uniqueKeyPrefix } from '../../support/redis-store';

/** One contract for both: an event id is claimed once, stays handled, and a failed attempt lets the retry through. */
function contract(name: string, make: () => { events: ProcessedEvents; lapse: (ms: number) => Promise<void>; close: () => Promise<void> }): void {
  describe(`processed events (${name})`, () => {
    let it_: ReturnType<typeof make>;
    beforeEach(() => {
      it_ = make();
    });
    afterEach(async () => {
      await it_.close();
    });

    it('claims an id once, even for callers racing', async () => {
      const claims = await Promise.all([1, 2, 3, 4].map(() => it_.events.claim('evt_race')));
      expect(claims.filter(Boolean)).toHaveLength(1);
      await it_.events.done('evt_race');
      expect(await it_.events.claim('evt_race')).toBe(false);
      expect(await it_.events.claim('evt_other')).toBe(true);
    });

    it('lets the retry through when the first attempt failed', async () => {
      expect(await it_.events.claim('evt_fail')).toBe(true);
      await it_.events.release('evt_fail');
      expect(await it_.events.claim('evt_fail')).toBe(true);
    });

    it('lets a claim lapse when its holder died mid-way, but keeps handled ids much longer', async () => {
      expect(await it_.events.claim('evt_dead')).toBe(true);
      expect(await it_.events.claim('evt_kept')).toBe(true);
      await it_.events.done('evt_kept');
      await it_.lapse(150);
      expect(await it_.events.claim('evt_dead')).toBe(true);
      expect(await it_.events.claim('evt_kept')).toBe(false);
    });
  });
}

contract('memory', () => {
  let now = 0;
  return { events: new MemoryProcessedEvents(() => now, 100, 60_000), lapse: async (ms) => void (now += ms), close: async () => undefined };
});

contract('redis', () => {
  const redis = new Redis(testRedisUrl());
  const prefix = uniqueKeyPrefix('events');
  const events = new RedisProcessedEvents(redis, prefix, 100, 60_000);
  return {
    events,
    // Redis expires keys on its own clock: wait for the claim's TTL by polling its key, not by a fixed sleep.
    lapse: async () => {
      while ((await redis.exists(`${prefix}{stripe}:event:evt_dead`)) === 1) await new Promise((r) => setTimeout(r, 20));
    },
    close: async () => {
      const keys = await redis.keys(`${prefix}*`);
      expect(keys.every((k) => k.startsWith(`${prefix}{stripe}:event:`))).toBe(true);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  };
});
