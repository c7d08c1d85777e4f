import { Redis } from 'ioredis';
import { MemorySyncRecords } from '../../../adapters/calendar/records/memory-sync-records';
import { RedisSyncRecords } from '../../../adapters/calendar/records/redis-sync-records';
import { EMPTY_FEED_STATUS, type CalendarSyncRecords, type DoubleBooking } from '../../../domain/calendar/sync-ports';
import { keySlot } from '../../support/redis-cluster';
import { testRedisUrl, uniqueKeyPrefix } from '../../support/redis-store';

const db = (bookingId: string, uid: string, nights: string[], at = '2026-12-01T09:00:00.000Z'): DoubleBooking => ({
  at,
  propertyId: 'p1',
  unitId: 'u1',
  feedId: 'f1',
  feedLabel: 'Airbnb',
  uid,
  eventKind: 'reservation',
  bookingId,
  reference: `R-${bookingId}`,
  nights,
  likelyEcho: false,
});

let redis: Redis;
let prefix: string;
beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await redis.quit();
});

const kinds: [string, () => CalendarSyncRecords][] = [
  ['memory', () => new MemorySyncRecords(3)],
  [
    'Redis',
    () => {
      prefix = uniqueKeyPrefix('ical-records');
      return new RedisSyncRecords(redis, prefix, 3);
    },
  ],
];

describe.each(kinds)('%s sync records', (kind, make) => {
  let records: CalendarSyncRecords;
  beforeEach(() => {
    records = make();
  });

  it('keeps a feed status per property, unit and feed', async () => {
    expect(await records.getFeedStatus('p1', 'u1', 'f1')).toBeNull();
    const status = { ...EMPTY_FEED_STATUS, etag: '"v1"', consecutiveFailures: 2, lastProblem: { code: 'http_error' as const, message: 'HTTP 503', status: 503 } };
    await records.saveFeedStatus('p1', 'u1', 'f1', status);
    expect(await records.getFeedStatus('p1', 'u1', 'f1')).toEqual(status);
    expect(await records.getFeedStatus('p1', 'u1', 'f2')).toBeNull();
  });

  it('returns only double bookings not open before, keeps the first sighting, and logs each new one', async () => {
    expect(await records.syncDoubleBookings('p1', 'u1', 'f1', [db('b1', 'x@airbnb', ['2027-03-11'])])).toEqual([db('b1', 'x@airbnb', ['2027-03-11'])]);
    const again = await records.syncDoubleBookings('p1', 'u1', 'f1', [db('b1', 'x@airbnb', ['2027-03-11', '2027-03-12'], '2026-12-01T09:10:00.000Z'), db('b2', 'y@airbnb', ['2027-04-01'])]);
    expect(again.map((d) => d.bookingId)).toEqual(['b2']);
    // A different feed has its own open set.
    expect(await records.syncDoubleBookings('p1', 'u1', 'f2', [db('b1', 'x@airbnb', ['2027-03-11'])])).toHaveLength(1);
    expect((await records.listDoubleBookings('p1')).map((d) => d.bookingId)).toEqual(['b1', 'b2', 'b1']);

    // Resolved, then back: new again.
    expect(await records.syncDoubleBookings('p1', 'u1', 'f1', [])).toEqual([]);
    expect(await records.syncDoubleBookings('p1', 'u1', 'f1', [db('b1', 'x@airbnb', ['2027-03-11'])])).toHaveLength(1);
  });

  it('caps the log, newest first', async () => {
    for (const id of ['a', 'b', 'c', 'd']) {
      await records.syncDoubleBookings('p1', 'u1', 'f1', [db(id, `${id}@x`, ['2027-01-01'])]);
      await records.syncDoubleBookings('p1', 'u1', 'f1', []);
    }
    expect((await records.listDoubleBookings('p1')).map((d) => d.bookingId)).toEqual(['d', 'c', 'b']);
    expect(await records.listDoubleBookings('p1', 1)).toHaveLength(1);
  });

  if (kind === 'Redis') {
    it('keeps every key of a property in the slot of its hash tag', async () => {
      await records.saveFeedStatus('p1', 'u1', 'f1', EMPTY_FEED_STATUS);
      await records.syncDoubleBookings('p1', 'u1', 'f1', [db('b1', 'x@airbnb', ['2027-03-11'])]);
      const keys = await redis.keys(`${prefix}*`);
      expect(keys.length).toBe(3);
      expect(new Set(keys.map(keySlot))).toEqual(new Set([keySlot('{p:p1}')]));
    });
  }
});
