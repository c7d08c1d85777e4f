import type { Command } from 'ioredis';
import { addDays } from '../../../../domain/calendar/nights';
import { isFree } from '../../../../domain/ports';
import type { RedisStore } from '../../../../adapters/store/redis';
import { createRedisStore } from '../../../../adapters/store/redis';
import { booking, freshPropertyId, guest, holdRequest, MIN, T0 } from '../../../contract/fixtures';
import { keySlot } from '../../../support/redis-cluster';
import { makeTestRedisStore, testRedisUrl, uniqueKeyPrefix } from '../../../support/redis-store';

const N = ['2027-02-01', '2027-02-02', '2027-02-03'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function keysUnder(store: RedisStore, pattern = '*'): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await store.redis.scan(cursor, 'MATCH', `${store.keyPrefix}${pattern}`, 'COUNT', 1000);
    out.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return out.sort();
}

/** The property's keys without prefix and tag: `n:u1`, `hx`, … */
async function suffixes(store: RedisStore, propertyTag: string): Promise<string[]> {
  const base = `${store.keyPrefix}{p:${propertyTag}}:`;
  return (await keysUnder(store)).filter((k) => k.startsWith(base)).map((k) => k.slice(base.length));
}

describe('Redis store', () => {
  let store: RedisStore;
  let p: string;
  beforeEach(() => {
    store = makeTestRedisStore('redis-specific');
    p = freshPropertyId();
  });
  afterEach(async () => {
    await store.close();
  });

  describe('key layout', () => {
    it('puts every key of a property under its hash tag {p:<id>}, so in one Cluster slot', async () => {
      const other = freshPropertyId();
      await store.hold(holdRequest(p, { holdId: 'h1', requestId: 'r1', promo: { promotionId: 'winter', nights: 3, quota: 9 } }));
      await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 });
      await store.hold(holdRequest(p, { holdId: 'h2', requestId: 'r2', candidateUnitIds: ['u2'] }));
      await store.replaceFeedBlocks(p, 'u3', 'airbnb', [{ night: '2027-02-01', uid: 'ev@airbnb' }]);
      await store.createBooking(booking(p, { id: 'b1', guestId: 'g1' }));
      await store.appendEvent({ propertyId: p, bookingId: 'b1', reference: 'ABC234', from: null, to: 'held', at: new Date(T0).toISOString(), actor: 'guest' });
      await store.saveGuest(guest(p, { id: 'g1' }));
      await store.hold(holdRequest(other, { holdId: 'elsewhere' }));

      const keys = await keysUnder(store);
      const mine = keys.filter((k) => k.startsWith(`${store.keyPrefix}{p:${p}}:`));
      const theirs = keys.filter((k) => k.startsWith(`${store.keyPrefix}{p:${other}}:`));
      expect(mine.length + theirs.length).toBe(keys.length);
      expect(new Set(mine.map(keySlot)).size).toBe(1);
      expect(new Set(theirs.map(keySlot)).size).toBe(1);
      expect(await suffixes(store, p)).toEqual(
        [
          'bk:b1', 'bks', 'bseq', 'c:b1', 'ev', 'f:u3:airbnb', 'g:g1', 'gb:g1', 'gi:g1', 'hx', 'id',
          'n:u1:2027-02', 'n:u2:2027-02', 'n:u3:2027-02', 'pu', 'r:r1', 'r:r2', 'ref:ABC234',
        ].sort(),
      );
    });

    it('escapes a property id that would break the hash tag, and two-id keys that could collide', async () => {
      const weird = 'we{ird}:p%';
      expect((await store.hold(holdRequest(weird, { holdId: 'h1' }))).ok).toBe(true);
      const keys = await keysUnder(store);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(key.startsWith(`${store.keyPrefix}{p:we%7Bird%7D%3Ap%25}:`)).toBe(true);
      expect(new Set(keys.map(keySlot)).size).toBe(1);
      expect((await store.readUnitNights(weird, ['u1'], N, T0)).u1?.map((s) => s.owner?.kind)).toEqual(['hold', 'hold', 'hold']);

      // unit "a:b" + feed "c" and unit "a" + feed "b:c" are different feeds.
      await store.replaceFeedBlocks(p, 'a:b', 'c', [{ night: N[0] as string, uid: 'one' }]);
      const second = await store.replaceFeedBlocks(p, 'a', 'b:c', [{ night: N[1] as string, uid: 'two' }]);
      expect(second).toEqual({ added: [N[1]], removed: [], conflicts: [] });
      const read = await store.readUnitNights(p, ['a:b', 'a'], N, T0);
      expect(read['a:b']?.map((s) => s.blocks)).toEqual([[{ feedId: 'c', uid: 'one' }], [], []]);
      expect(read.a?.map((s) => s.blocks)).toEqual([[], [{ feedId: 'b:c', uid: 'two' }], []]);
    });

    it('refuses a key prefix with braces, which would move the hash tag', () => {
      expect(() => createRedisStore({ url: testRedisUrl(), keyPrefix: 'x{y}:' })).toThrow(/braces/);
    });
  });

  describe('the hold path', () => {
    it('is exactly one EVALSHA round trip per hold', async () => {
      await store.hold(holdRequest(p, { holdId: 'warm', nights: ['2027-01-01'] })); // loads the script on this connection
      const sent: string[] = [];
      const original = store.redis.sendCommand.bind(store.redis);
      const spy = jest.spyOn(store.redis, 'sendCommand').mockImplementation((command: Command, ...rest: unknown[]) => {
        sent.push(command.name);
        return (original as (...args: unknown[]) => unknown)(command, ...rest);
      });
      try {
        expect((await store.hold(holdRequest(p, { holdId: 'h1' }))).ok).toBe(true);
        expect(await store.hold(holdRequest(p, { holdId: 'h2' }))).toEqual({ ok: false, code: 'sold_out' });
      } finally {
        spy.mockRestore();
      }
      expect(sent).toEqual(['evalsha', 'evalsha']);
    });

    it('gives 200 simultaneous claims on the last unit to exactly one, and stores one owner per night', async () => {
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => store.hold(holdRequest(p, { holdId: `h${i}` }))));
      const winners = results.flatMap((r) => (r.ok ? [r.value] : []));
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.code === 'sold_out')).toHaveLength(199);
      const won = winners[0];
      if (!won) throw new Error('no winner');
      const base = `${store.keyPrefix}{p:${p}}:`;
      const owners = await store.redis.hgetall(`${base}n:u1:2027-02`);
      expect(owners).toEqual(Object.fromEntries(N.map((n) => [n, `h:${won.expiresAt}:${won.holdId}`])));
      expect(await store.redis.hkeys(`${base}hx`)).toEqual([won.holdId]);
      expect((await suffixes(store, p)).filter((k) => k.startsWith('h:') || k.startsWith('r:'))).toEqual([`r:r-${won.holdId}`]);
    });

    it('rejects a hold id that is already live instead of orphaning its nights', async () => {
      await store.hold(holdRequest(p, { holdId: 'h1', requestId: 'a' }));
      await expect(store.hold(holdRequest(p, { holdId: 'h1', requestId: 'b', candidateUnitIds: ['u2'] }))).rejects.toThrow(/hold id already in use/);
      expect((await store.readUnitNights(p, ['u2'], N, T0)).u2?.every(isFree)).toBe(true);
    });

    it('refuses malformed nights and ids before they reach Lua', async () => {
      await expect(store.hold(holdRequest(p, { nights: [] }))).rejects.toThrow(RangeError);
      await expect(store.hold(holdRequest(p, { nights: ['2027-02-01,2027-02-02'] }))).rejects.toThrow(RangeError);
      await expect(store.hold(holdRequest(p, { expiresAt: Number.NaN }))).rejects.toThrow(RangeError);
      await expect(store.hold(holdRequest(p, { requestId: 'a\u0000b' }))).rejects.toThrow(RangeError);
      await expect(store.hold(holdRequest(p, { holdId: 'a\tb' }))).rejects.toThrow(RangeError);
      await expect(store.confirmHold({ propertyId: p, holdId: 'h', bookingId: 'b\t1', now: T0 })).rejects.toThrow(RangeError);
    });

    it('claims, reads, confirms and releases a stay across month and year ends as one', async () => {
      const stay = ['2027-12-30', '2027-12-31', '2028-01-01', '2028-01-02'];
      await store.hold(holdRequest(p, { holdId: 'blocker', candidateUnitIds: ['u1'], nights: ['2028-01-02'] }));
      // u1 is taken on the last night only: the whole stay goes to u2.
      const r = await store.hold(holdRequest(p, { holdId: 'h1', candidateUnitIds: ['u1', 'u2'], nights: stay }));
      expect(r.ok && r.value.unitId).toBe('u2');
      expect((await store.readUnitNights(p, ['u1'], stay, T0)).u1?.map((s) => s.owner?.kind ?? null)).toEqual([null, null, null, 'hold']);
      expect(await suffixes(store, p)).toEqual(expect.arrayContaining(['n:u2:2027-12', 'n:u2:2028-01']));
      expect(await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 })).toEqual({ ok: true, value: { unitId: 'u2', nights: stay } });
      expect((await store.readUnitNights(p, ['u2'], stay, T0)).u2?.map((s) => s.owner)).toEqual(Array(4).fill({ kind: 'booking', bookingId: 'b1' }));
      expect(await store.releaseBooking(p, 'b1')).toEqual(stay);
      expect((await suffixes(store, p)).filter((k) => k.startsWith('n:u2'))).toEqual([]);
    });

    it('replays answers with non-ASCII ids intact', async () => {
      const req = holdRequest(p, { holdId: 'hé-ü-1', requestId: 'demande-é', candidateUnitIds: ['chambre-étoile', 'u2'] });
      const first = await store.hold(req);
      expect(first).toEqual({ ok: true, value: { holdId: 'hé-ü-1', unitId: 'chambre-étoile', expiresAt: req.expiresAt, replayed: false } });
      expect(await store.hold({ ...req, holdId: 'other' })).toEqual({ ok: true, value: { holdId: 'hé-ü-1', unitId: 'chambre-étoile', expiresAt: req.expiresAt, replayed: true } });
      const promo = await store.hold(holdRequest(p, { holdId: 'h2', candidateUnitIds: ['u2'], promo: { promotionId: 'été', nights: 3, quota: 3 } }));
      expect(promo.ok).toBe(true);
      expect(await store.promoUsage(p, ['été'])).toEqual({ 'été': 3 });
      expect(await store.releaseHold(p, 'h2')).toBe(true);
      expect(await store.promoUsage(p, ['été'])).toEqual({ 'été': 0 });
      expect(await store.confirmHold({ propertyId: p, holdId: 'hé-ü-1', bookingId: 'b', now: T0 })).toEqual({ ok: true, value: { unitId: 'chambre-étoile', nights: N } });
    });

    it('keeps a booked night booked when a feed blocks and unblocks it', async () => {
      await store.hold(holdRequest(p, { holdId: 'h1' }));
      await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 });
      await store.replaceFeedBlocks(p, 'u1', 'ota', [{ night: N[1] as string, uid: 'x' }]);
      expect((await store.readUnitNights(p, ['u1'], N, T0)).u1?.[1]).toEqual({ owner: { kind: 'booking', bookingId: 'b1' }, blocks: [{ feedId: 'ota', uid: 'x' }] });
      // Cancelling keeps the feed's block; dropping the block afterwards frees the night.
      expect(await store.releaseBooking(p, 'b1')).toEqual(N);
      expect((await store.readUnitNights(p, ['u1'], N, T0)).u1?.map((s) => s.blocks.length)).toEqual([0, 1, 0]);
      await store.replaceFeedBlocks(p, 'u1', 'ota', []);
      expect((await store.readUnitNights(p, ['u1'], N, T0)).u1?.every(isFree)).toBe(true);
      expect((await suffixes(store, p)).filter((k) => k.startsWith('n:'))).toEqual([]);
    });
  });

  describe('expiry and the sweeper', () => {
    it('gives an expired hold back to stock on the real clock, with nobody releasing it', async () => {
      const start = Date.now();
      const first = await store.hold(holdRequest(p, { holdId: 'h1', now: start, expiresAt: start + 150 }));
      expect(first.ok).toBe(true);
      expect((await store.readUnitNights(p, ['u1'], N, Date.now())).u1?.map((s) => s.owner?.kind)).toEqual(['hold', 'hold', 'hold']);
      await sleep(250);
      expect((await store.readUnitNights(p, ['u1'], N, Date.now())).u1?.every(isFree)).toBe(true);
      const now = Date.now();
      const second = await store.hold(holdRequest(p, { holdId: 'h2', now, expiresAt: now + 60_000 }));
      expect(second.ok && second.value.unitId).toBe('u1');
      // Sweeping the first hold afterwards must not touch the nights the second one took.
      expect(await store.sweepExpiredHolds(p, Date.now())).toBe(1);
      expect((await store.readUnitNights(p, ['u1'], N, Date.now())).u1?.map((s) => (s.owner?.kind === 'hold' ? s.owner.holdId : null))).toEqual(['h2', 'h2', 'h2']);
      expect(await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: Date.now() })).toEqual({ ok: false, code: 'hold_not_found' });
    });

    it('frees promotion usage when the sweeper releases an expired hold', async () => {
      const winter = { promotionId: 'winter', nights: 3, quota: 5 };
      await store.hold(holdRequest(p, { holdId: 'h1', promo: winter, expiresAt: T0 + MIN }));
      await store.hold(holdRequest(p, { holdId: 'h2', candidateUnitIds: ['u2'], nights: ['2027-03-01'], promo: { ...winter, nights: 1 }, expiresAt: T0 + 60 * MIN }));
      expect(await store.promoUsage(p, ['winter'])).toEqual({ winter: 4 });
      expect(await store.sweepExpiredHolds(p, T0 + 2 * MIN)).toBe(1);
      expect(await store.promoUsage(p, ['winter', 'summer'])).toEqual({ winter: 1, summer: 0 });
      expect(await store.redis.hexists(`${store.keyPrefix}{p:${p}}:hx`, 'h1')).toBe(0);
      await store.releaseHold(p, 'h2');
      expect(await store.promoUsage(p, ['winter'])).toEqual({ winter: 0 });
      expect(await suffixes(store, p)).not.toContain('pu');
      expect(await store.promoUsage(p, [])).toEqual({});
    });

    it('sweeps thousands of expired holds in bounded batches', async () => {
      const count = 1234;
      const days = Array.from({ length: count }, (_, i) => addDays('2028-01-01', i));
      await Promise.all(days.map((night, i) => store.hold(holdRequest(p, { holdId: `h${i}`, nights: [night], expiresAt: T0 + MIN }))));
      await store.hold(holdRequest(p, { holdId: 'alive', nights: ['2027-12-31'], expiresAt: T0 + 60 * MIN }));
      expect(await store.sweepExpiredHolds(p, T0 + MIN)).toBe(count);
      const base = `${store.keyPrefix}{p:${p}}:`;
      expect(await store.redis.hkeys(`${base}hx`)).toEqual(['alive']);
      expect((await suffixes(store, p)).filter((k) => k.startsWith('n:'))).toEqual(['n:u1:2027-12']);
      expect(await store.redis.hkeys(`${base}n:u1:2027-12`)).toEqual(['2027-12-31']);
    });
  });

  describe('idempotency', () => {
    it('answers concurrent repeats of one request id with one claim', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.hold(holdRequest(p, { holdId: `h${i}`, requestId: 'same', candidateUnitIds: ['u1', 'u2', 'u3'] }))),
      );
      const values = results.map((r) => (r.ok ? r.value : null));
      expect(values.filter((v) => v?.replayed === false)).toHaveLength(1);
      const first = values.find((v) => v?.replayed === false);
      for (const v of values) expect(v && { ...v, replayed: false }).toEqual(first);
      expect((await store.readUnitNights(p, ['u2', 'u3'], N, T0)).u2?.every(isFree)).toBe(true);
      expect(await store.redis.hkeys(`${store.keyPrefix}{p:${p}}:hx`)).toEqual([first?.holdId]);
    });

    it('keeps a request id for the request memory, measured on the caller clock', async () => {
      const short = makeTestRedisStore('memory', { requestMemoryMs: 1000 });
      try {
        const req = holdRequest(p, { holdId: 'h1', requestId: 'r', candidateUnitIds: ['u1', 'u2'] });
        expect(await short.hold(req)).toMatchObject({ ok: true, value: { unitId: 'u1', replayed: false } });
        expect(await short.hold({ ...req, holdId: 'h2', now: T0 + 999 })).toMatchObject({ ok: true, value: { holdId: 'h1', unitId: 'u1', replayed: true } });
        // Past the memory it is a new request: h1 still holds u1, so it gets u2.
        expect(await short.hold({ ...req, holdId: 'h3', now: T0 + 1000 })).toMatchObject({ ok: true, value: { holdId: 'h3', unitId: 'u2', replayed: false } });
        const ttl = await short.redis.pttl(`${short.keyPrefix}{p:${p}}:r:r`);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(1000);
      } finally {
        await short.close();
      }
    });

    it('confirms once per hold, replays for the same booking only, and forgets after cancellation', async () => {
      await store.hold(holdRequest(p, { holdId: 'h1' }));
      const confirm = (bookingId: string, now = T0 + MIN) => store.confirmHold({ propertyId: p, holdId: 'h1', bookingId, now });
      const [a, b] = await Promise.all([confirm('b1'), confirm('b1')]);
      expect(a).toEqual({ ok: true, value: { unitId: 'u1', nights: N } });
      expect(b).toEqual(a);
      expect(await confirm('b1', T0 + 10_000 * MIN)).toEqual(a);
      expect(await confirm('b2')).toEqual({ ok: false, code: 'hold_not_found' });
      expect(await store.releaseBooking(p, 'b1')).toEqual(N);
      expect(await confirm('b1')).toEqual({ ok: false, code: 'hold_not_found' });
      expect((await suffixes(store, p)).filter((k) => /^(h|c):/.test(k))).toEqual([]);
    });

    it('refuses to confirm a second hold under a booking id that already has one', async () => {
      await store.hold(holdRequest(p, { holdId: 'h1' }));
      await store.hold(holdRequest(p, { holdId: 'h2', candidateUnitIds: ['u2'] }));
      await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 });
      await expect(store.confirmHold({ propertyId: p, holdId: 'h2', bookingId: 'b1', now: T0 })).rejects.toThrow(/already confirmed/);
      expect((await store.readUnitNights(p, ['u2'], N, T0)).u2?.map((s) => s.owner?.kind)).toEqual(['hold', 'hold', 'hold']);
    });
  });

  describe('feed blocks', () => {
    it('keeps several feeds on one night apart, and drops the aggregate when the last goes', async () => {
      await store.replaceFeedBlocks(p, 'u1', 'booking', [{ night: '2027-02-01', uid: 'b' }]);
      await store.replaceFeedBlocks(p, 'u1', 'airbnb', [{ night: '2027-02-01', uid: 'a' }, { night: '2027-02-01', uid: 'a2' }]);
      const both = await store.readUnitNights(p, ['u1'], ['2027-02-01'], T0);
      expect(both.u1?.[0]?.blocks).toEqual([{ feedId: 'airbnb', uid: 'a2' }, { feedId: 'booking', uid: 'b' }]);
      expect(await store.replaceFeedBlocks(p, 'u1', 'booking', [])).toEqual({ added: [], removed: ['2027-02-01'], conflicts: [] });
      expect((await store.readUnitNights(p, ['u1'], ['2027-02-01'], T0)).u1?.[0]?.blocks).toEqual([{ feedId: 'airbnb', uid: 'a2' }]);
      expect(await store.hold(holdRequest(p, { nights: ['2027-02-01'] }))).toEqual({ ok: false, code: 'sold_out' });
      await store.replaceFeedBlocks(p, 'u1', 'airbnb', []);
      expect((await suffixes(store, p)).filter((k) => /^(n|f):/.test(k))).toEqual([]);
      expect((await store.hold(holdRequest(p, { nights: ['2027-02-01'] }))).ok).toBe(true);
    });

    it('replaces a feed of thousands of nights in one step', async () => {
      const nights = Array.from({ length: 3000 }, (_, i) => addDays('2027-01-01', i));
      const first = await store.replaceFeedBlocks(p, 'u1', 'ota', nights.map((night) => ({ night, uid: `e-${night}` })));
      expect(first.added).toEqual(nights);
      const half = nights.slice(1500);
      const second = await store.replaceFeedBlocks(p, 'u1', 'ota', half.map((night) => ({ night, uid: 'same' })));
      expect(second).toEqual({ added: [], removed: nights.slice(0, 1500), conflicts: [] });
      const read = await store.readUnitNights(p, ['u1'], [nights[0] as string, nights[2999] as string], T0);
      expect(read.u1?.map((s) => s.blocks)).toEqual([[], [{ feedId: 'ota', uid: 'same' }]]);
    });
  });

  describe('bookings and guests', () => {
    it('moves a booking between guest indexes when its guest changes, and refuses a new reference', async () => {
      const b = booking(p, { guestId: null });
      await store.createBooking(b);
      const v2 = { ...b, guestId: 'g1', version: 2 };
      expect((await store.updateBooking(v2)).ok).toBe(true);
      expect((await store.listBookingsByGuest(p, 'g1')).map((x) => x.id)).toEqual([b.id]);
      const v3 = { ...v2, guestId: 'g2', version: 3 };
      expect((await store.updateBooking(v3)).ok).toBe(true);
      expect(await store.listBookingsByGuest(p, 'g1')).toEqual([]);
      expect(await store.listBookingsByGuest(p, 'g2')).toEqual([v3]);
      expect(await store.updateBooking({ ...v3, reference: 'NEW234', version: 4 })).toEqual({ ok: false, code: 'conflict' });
      expect(await store.updateBooking({ ...v3, id: 'missing', version: 1 })).toEqual({ ok: false, code: 'conflict' });
    });

    it('lets only one of many concurrent writers of the same version win', async () => {
      const b = booking(p);
      await store.createBooking(b);
      const writes = await Promise.all(Array.from({ length: 30 }, (_, i) => store.updateBooking({ ...b, channel: `w${i}`, version: 2 })));
      expect(writes.filter((w) => w.ok)).toHaveLength(1);
      const created = await Promise.all(Array.from({ length: 30 }, (_, i) => store.createBooking(booking(p, { reference: `REF${i}` }))));
      expect(created.every((c) => c.ok)).toBe(true);
      const dupes = await Promise.all(Array.from({ length: 30 }, () => store.createBooking(booking(p, { reference: 'DUP234' }))));
      expect(dupes.filter((c) => c.ok)).toHaveLength(1);
    });

    it('lists bookings in creation order', async () => {
      const made = Array.from({ length: 5 }, (_, i) => booking(p, { reference: `ORD${i}` }));
      for (const b of made) await store.createBooking(b);
      expect((await store.listBookings(p)).map((b) => b.id)).toEqual(made.map((b) => b.id));
    });

    it('reads the event log with any limit', async () => {
      for (let i = 0; i < 5; i++) {
        await store.appendEvent({ propertyId: p, bookingId: `b${i}`, reference: 'ABC234', from: null, to: 'held', at: new Date(T0 + i).toISOString(), actor: 'guest' });
      }
      expect(await store.readEvents(p, 0)).toEqual([]);
      expect((await store.readEvents(p, 2)).map((e) => e.bookingId)).toEqual(['b3', 'b4']);
      expect((await store.readEvents(p, 50)).map((e) => e.bookingId)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
    });

    it('does not drop an identity another guest has taken meanwhile', async () => {
      const a = guest(p, { identities: [{ channel: 'sms', channelUserId: '+33600000000' }] });
      const b = guest(p, { identities: [{ channel: 'sms', channelUserId: '+33600000000' }] });
      await store.saveGuest(a);
      await store.saveGuest(b);
      await store.saveGuest({ ...a, identities: [] });
      expect((await store.findGuestByIdentity(p, 'sms', '+33600000000'))?.id).toBe(b.id);
      // Channel names with ':' stay distinct from the user id.
      const c = guest(p, { identities: [{ channel: 'x:y', channelUserId: 'z' }] });
      await store.saveGuest(c);
      expect(await store.findGuestByIdentity(p, 'x', 'y:z')).toBeNull();
      expect((await store.findGuestByIdentity(p, 'x:y', 'z'))?.id).toBe(c.id);
    });
  });

  describe('connections', () => {
    it('closes its own connection once, and leaves a caller’s client open', async () => {
      const own = makeTestRedisStore('close');
      await own.close();
      await own.close();
      expect(own.redis.status).toBe('end');

      const shared = makeTestRedisStore('shared-client');
      const borrowed = createRedisStore({ client: shared.redis, keyPrefix: uniqueKeyPrefix('borrowed') });
      expect((await borrowed.hold(holdRequest(p))).ok).toBe(true);
      await borrowed.close();
      expect(await shared.redis.ping()).toBe('PONG');
      await shared.close();
    });
  });
});
