import { createMemoryStore, type MemoryStore } from '../../../../adapters/store/memory';
import type { RedisStore } from '../../../../adapters/store/redis';
import { isFree } from '../../../../domain/ports';
import { freshPropertyId, holdRequest, MIN, T0 } from '../../../contract/fixtures';
import { makeTestRedisStore } from '../../../support/redis-store';

/**
 * Changing a booking's dates: a hold placed with replacingBookingId may take the booking's
 * own nights, then moveBooking moves the booking onto it. Not in the shared contract yet, so
 * this runs the same scenarios on the memory store and on Redis to keep the two in step.
 */
const N = ['2027-02-01', '2027-02-02', '2027-02-03'];
const LATER = ['2027-02-02', '2027-02-03', '2027-02-04'];

describe.each([
  ['memory', async (): Promise<MemoryStore | RedisStore> => createMemoryStore()],
  ['redis', async (): Promise<MemoryStore | RedisStore> => makeTestRedisStore('move')],
])('moving a booking (%s)', (_label, make) => {
  let store: MemoryStore | RedisStore;
  let p: string;
  beforeEach(async () => {
    store = await make();
    p = freshPropertyId();
    await store.hold(holdRequest(p, { holdId: 'h1', nights: N, promo: { promotionId: 'winter', nights: 3, quota: 6 } }));
    await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 });
  });
  afterEach(async () => {
    await store.close();
  });

  const owners = async (unit: string, nights: string[]) =>
    (await store.readUnitNights(p, [unit], nights, T0))[unit]?.map((s) => (s.owner === null ? null : s.owner.kind === 'hold' ? s.owner.holdId : s.owner.bookingId));

  it('lets the booking’s own nights count as free for its replacement hold only', async () => {
    expect(await store.hold(holdRequest(p, { holdId: 'other', nights: LATER }))).toEqual({ ok: false, code: 'sold_out' });
    const r = await store.hold(holdRequest(p, { holdId: 'h2', nights: LATER, replacingBookingId: 'b1' }));
    expect(r.ok && r.value.unitId).toBe('u1');
    // The nights both stays share stay the booking's, so a lapsed hold can never free them.
    expect(await owners('u1', ['2027-02-01', ...LATER])).toEqual(['b1', 'b1', 'b1', 'h2']);
  });

  it('moves the booking onto the hold, frees its old nights, and replays', async () => {
    await store.hold(holdRequest(p, { holdId: 'h2', nights: LATER, replacingBookingId: 'b1', promo: { promotionId: 'winter', nights: 3, quota: 6 } }));
    const moved = await store.moveBooking({ propertyId: p, holdId: 'h2', bookingId: 'b1', now: T0 + MIN });
    expect(moved).toEqual({ ok: true, value: { unitId: 'u1', nights: LATER } });
    expect(await store.moveBooking({ propertyId: p, holdId: 'h2', bookingId: 'b1', now: T0 + 2 * MIN })).toEqual(moved);
    expect(await owners('u1', ['2027-02-01', ...LATER])).toEqual([null, 'b1', 'b1', 'b1']);
    expect(await store.promoUsage(p, ['winter'])).toEqual({ winter: 3 });
    expect(await store.releaseBooking(p, 'b1')).toEqual(LATER);
    expect(await store.promoUsage(p, ['winter'])).toEqual({ winter: 0 });
  });

  it('moves to another unit when the booking’s own is taken', async () => {
    await store.hold(holdRequest(p, { holdId: 'blocker', nights: ['2027-02-04'] }));
    await store.hold(holdRequest(p, { holdId: 'h2', nights: LATER, candidateUnitIds: ['u1', 'u2'], replacingBookingId: 'b1' }));
    expect(await store.moveBooking({ propertyId: p, holdId: 'h2', bookingId: 'b1', now: T0 })).toEqual({ ok: true, value: { unitId: 'u2', nights: LATER } });
    expect((await store.readUnitNights(p, ['u1'], N, T0)).u1?.every(isFree)).toBe(true);
    expect(await owners('u2', LATER)).toEqual(['b1', 'b1', 'b1']);
  });

  it('refuses an unknown booking, an unknown hold and an expired hold', async () => {
    await store.hold(holdRequest(p, { holdId: 'h2', nights: LATER, candidateUnitIds: ['u2'], expiresAt: T0 + MIN }));
    expect(await store.moveBooking({ propertyId: p, holdId: 'h2', bookingId: 'nope', now: T0 })).toEqual({ ok: false, code: 'booking_not_found' });
    expect(await store.moveBooking({ propertyId: p, holdId: 'nope', bookingId: 'b1', now: T0 })).toEqual({ ok: false, code: 'hold_not_found' });
    expect(await store.moveBooking({ propertyId: p, holdId: 'h2', bookingId: 'b1', now: T0 + MIN })).toEqual({ ok: false, code: 'hold_expired' });
    expect(await owners('u1', N)).toEqual(['b1', 'b1', 'b1']);
    expect((await store.readUnitNights(p, ['u2'], LATER, T0)).u2?.every(isFree)).toBe(true);
  });
});
