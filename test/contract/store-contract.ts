import fc from 'fast-check';
import { addDays } from '../../domain/calendar/nights';
import { transition } from '../../domain/bookings/booking';
import { isFree, type Store } from '../../domain/ports';
import { T0, MIN, booking, freshPropertyId, guest, holdRequest } from './fixtures';

const N = ['2027-02-01', '2027-02-02', '2027-02-03'];

/**
 * The behaviour every Store must have. Each implementation's test file calls this with a
 * factory; a new implementation is done when this passes unchanged.
 */
export function runStoreContract(label: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${label}`, () => {
    let store: Store;
    let p: string;
    beforeEach(async () => {
      store = await makeStore();
      p = freshPropertyId();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('holds', () => {
      it('claims every night of one unit and reports the owner', async () => {
        const r = await store.hold(holdRequest(p, { holdId: 'h1' }));
        expect(r).toEqual({ ok: true, value: { holdId: 'h1', unitId: 'u1', expiresAt: T0 + 20 * MIN, replayed: false } });
        const nights = await store.readUnitNights(p, ['u1', 'u2'], [...N, '2027-02-04'], T0);
        expect(nights.u1?.map((s) => s.owner)).toEqual([
          { kind: 'hold', holdId: 'h1', expiresAt: T0 + 20 * MIN },
          { kind: 'hold', holdId: 'h1', expiresAt: T0 + 20 * MIN },
          { kind: 'hold', holdId: 'h1', expiresAt: T0 + 20 * MIN },
          null,
        ]);
        expect(nights.u2?.every(isFree)).toBe(true);
      });

      it('takes the first candidate that is free on every night, or nothing', async () => {
        await store.hold(holdRequest(p, { candidateUnitIds: ['u1'], nights: ['2027-02-02'] }));
        const r = await store.hold(holdRequest(p, { holdId: 'h2', candidateUnitIds: ['u1', 'u2', 'u3'] }));
        expect(r.ok && r.value.unitId).toBe('u2');
        const none = await store.hold(holdRequest(p, { holdId: 'h3', candidateUnitIds: ['u1', 'u2'] }));
        expect(none).toEqual({ ok: false, code: 'sold_out' });
        const u1 = await store.readUnitNights(p, ['u1'], N, T0);
        // The failed claim must not have left any night behind on u1.
        expect(u1.u1?.map((s) => s.owner?.kind ?? null)).toEqual([null, 'hold', null]);
      });

      it('answers a repeated request id with the first answer and claims nothing more', async () => {
        const first = await store.hold(holdRequest(p, { holdId: 'h1', requestId: 'req-1', candidateUnitIds: ['u1', 'u2'] }));
        const again = await store.hold(holdRequest(p, { holdId: 'h-other', requestId: 'req-1', candidateUnitIds: ['u1', 'u2'] }));
        expect(first.ok && first.value.replayed).toBe(false);
        expect(again).toEqual({ ok: true, value: { holdId: 'h1', unitId: 'u1', expiresAt: T0 + 20 * MIN, replayed: true } });
        const u2 = await store.readUnitNights(p, ['u2'], N, T0);
        expect(u2.u2?.every(isFree)).toBe(true);
      });

      it('answers a repeated request id with the first answer even once its nights are free again', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1', requestId: 'req-1' }));
        expect(await store.releaseHold(p, 'h1')).toBe(true);
        const again = await store.hold(holdRequest(p, { holdId: 'h2', requestId: 'req-1', now: T0 + MIN }));
        expect(again).toEqual({ ok: true, value: { holdId: 'h1', unitId: 'u1', expiresAt: T0 + 20 * MIN, replayed: true } });
        expect((await store.readUnitNights(p, ['u1'], N, T0 + MIN)).u1?.every(isFree)).toBe(true);
        expect(await store.releaseHold(p, 'h2')).toBe(false);
      });

      it('answers a repeated request id whatever its retry asks: other candidates, a promotion now over quota', async () => {
        const promo = { promotionId: 'winter', nights: 3, quota: 3 };
        await store.hold(holdRequest(p, { holdId: 'h1', requestId: 'req-1', promo }));
        const retry = await store.hold(holdRequest(p, { holdId: 'h2', requestId: 'req-1', candidateUnitIds: ['u2'], promo }));
        expect(retry).toEqual({ ok: true, value: { holdId: 'h1', unitId: 'u1', expiresAt: T0 + 20 * MIN, replayed: true } });
        const plain = await store.hold(holdRequest(p, { holdId: 'h3', requestId: 'req-1', candidateUnitIds: ['u3'] }));
        expect(plain).toEqual(retry);
        expect((await store.readUnitNights(p, ['u2', 'u3'], N, T0)).u2?.every(isFree)).toBe(true);
        expect((await store.readUnitNights(p, ['u2', 'u3'], N, T0)).u3?.every(isFree)).toBe(true);
        expect(await store.promoUsage(p, ['winter'])).toEqual({ winter: 3 });
      });

      it('claims afresh for a request id remembered no longer', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1', requestId: 'req-1' }));
        const later = T0 + 25 * 60 * MIN;
        const again = await store.hold(holdRequest(p, { holdId: 'h2', requestId: 'req-1', now: later, expiresAt: later + 20 * MIN }));
        expect(again).toEqual({ ok: true, value: { holdId: 'h2', unitId: 'u1', expiresAt: later + 20 * MIN, replayed: false } });
        const replay = await store.hold(holdRequest(p, { holdId: 'h3', requestId: 'req-1', now: later + MIN }));
        expect(replay).toEqual({ ok: true, value: { holdId: 'h2', unitId: 'u1', expiresAt: later + 20 * MIN, replayed: true } });
      });

      it('lets an expired hold count as free, without anyone releasing it', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1', expiresAt: T0 + MIN }));
        const later = T0 + 2 * MIN;
        const read = await store.readUnitNights(p, ['u1'], N, later);
        expect(read.u1?.every(isFree)).toBe(true);
        const r = await store.hold(holdRequest(p, { holdId: 'h2', now: later, expiresAt: later + MIN }));
        expect(r.ok && r.value.unitId).toBe('u1');
      });

      it('refuses a claim over externally blocked nights', async () => {
        await store.replaceFeedBlocks(p, 'u1', 'airbnb', [{ night: '2027-02-03', uid: 'ev1@airbnb' }]);
        expect(await store.hold(holdRequest(p))).toEqual({ ok: false, code: 'sold_out' });
      });

      it('gives exactly one of 200 simultaneous claims the last unit', async () => {
        const attempts = Array.from({ length: 200 }, (_, i) => store.hold(holdRequest(p, { holdId: `h${i}` })));
        const results = await Promise.all(attempts);
        const winners = results.filter((r) => r.ok);
        expect(winners).toHaveLength(1);
        expect(results.filter((r) => !r.ok && r.code === 'sold_out')).toHaveLength(199);
        const won = winners[0];
        const read = await store.readUnitNights(p, ['u1'], N, T0);
        expect(read.u1?.map((s) => (s.owner?.kind === 'hold' ? s.owner.holdId : null))).toEqual(
          Array(3).fill(won?.ok ? won.value.holdId : 'none'),
        );
      });
    });

    describe('release, confirm and sweep', () => {
      it('releases a hold once, and only its own nights', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1', nights: ['2027-02-01'] }));
        await store.hold(holdRequest(p, { holdId: 'h2', nights: ['2027-02-02'] }));
        expect(await store.releaseHold(p, 'h1')).toBe(true);
        expect(await store.releaseHold(p, 'h1')).toBe(false);
        const read = await store.readUnitNights(p, ['u1'], ['2027-02-01', '2027-02-02'], T0);
        expect(read.u1?.map((s) => s.owner?.kind ?? null)).toEqual([null, 'hold']);
      });

      it('confirms a live hold into a booking, idempotently', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1' }));
        const c = await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 + MIN });
        expect(c).toEqual({ ok: true, value: { unitId: 'u1', nights: N } });
        const again = await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 + 2 * MIN });
        expect(again).toEqual(c);
        // A booking never expires, however late it is read.
        const read = await store.readUnitNights(p, ['u1'], N, T0 + 1000 * 24 * 60 * MIN);
        expect(read.u1?.map((s) => s.owner)).toEqual(Array(3).fill({ kind: 'booking', bookingId: 'b1' }));
        expect(await store.releaseHold(p, 'h1')).toBe(false);
      });

      it('refuses to confirm an expired or unknown hold, and frees the expired nights', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1', expiresAt: T0 + MIN }));
        expect(await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 + MIN })).toEqual({ ok: false, code: 'hold_expired' });
        expect(await store.confirmHold({ propertyId: p, holdId: 'nope', bookingId: 'b2', now: T0 })).toEqual({ ok: false, code: 'hold_not_found' });
        const read = await store.readUnitNights(p, ['u1'], N, T0);
        expect(read.u1?.every(isFree)).toBe(true);
      });

      it('does not confirm a hold whose nights were resold after it expired', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1', expiresAt: T0 + MIN }));
        await store.hold(holdRequest(p, { holdId: 'h2', now: T0 + 2 * MIN, expiresAt: T0 + 30 * MIN }));
        const late = await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 + 3 * MIN });
        expect(late.ok).toBe(false);
        const read = await store.readUnitNights(p, ['u1'], N, T0 + 3 * MIN);
        expect(read.u1?.map((s) => (s.owner?.kind === 'hold' ? s.owner.holdId : null))).toEqual(['h2', 'h2', 'h2']);
      });

      it('releases a booking and reports the nights it freed', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1' }));
        await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 });
        expect(await store.releaseBooking(p, 'b1')).toEqual(N);
        expect(await store.releaseBooking(p, 'b1')).toEqual([]);
        const r = await store.hold(holdRequest(p, { holdId: 'h2' }));
        expect(r.ok).toBe(true);
      });

      it('moves a booking onto new nights in one step, giving the old ones back', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1', promo: { promotionId: 'winter', nights: 3, quota: 10 } }));
        await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 });
        const later = ['2027-02-10', '2027-02-11'];
        await store.hold(holdRequest(p, { holdId: 'h2', nights: later, candidateUnitIds: ['u2'] }));
        const moved = await store.moveBooking({ propertyId: p, bookingId: 'b1', holdId: 'h2', now: T0 + MIN });
        expect(moved).toEqual({ ok: true, value: { unitId: 'u2', nights: later } });
        expect(await store.moveBooking({ propertyId: p, bookingId: 'b1', holdId: 'h2', now: T0 + 2 * MIN })).toEqual(moved);
        const read = await store.readUnitNights(p, ['u1', 'u2'], [...N, ...later], T0 + 2 * MIN);
        expect(read.u1?.every(isFree)).toBe(true);
        expect(read.u2?.map((s) => s.owner)).toEqual([null, null, null, { kind: 'booking', bookingId: 'b1' }, { kind: 'booking', bookingId: 'b1' }]);
        expect(await store.promoUsage(p, ['winter'])).toEqual({ winter: 0 });
        expect(await store.releaseBooking(p, 'b1')).toEqual(later);
      });

      it('lets a claim replacing a booking take that booking’s nights, and no one else’s', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1', nights: ['2027-02-01', '2027-02-02'] }));
        await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 });
        await store.hold(holdRequest(p, { holdId: 'h9', nights: ['2027-02-04'], candidateUnitIds: ['u1'] }));
        const overOther = await store.hold(holdRequest(p, { holdId: 'h2', nights: ['2027-02-02', '2027-02-03', '2027-02-04'], replacingBookingId: 'b1' }));
        expect(overOther).toEqual({ ok: false, code: 'sold_out' });
        const longer = await store.hold(holdRequest(p, { holdId: 'h3', nights: ['2027-02-02', '2027-02-03'], replacingBookingId: 'b1' }));
        expect(longer.ok && longer.value.unitId).toBe('u1');
        expect((await store.hold(holdRequest(p, { holdId: 'h4', nights: ['2027-02-01'], replacingBookingId: 'b2' }))).ok).toBe(false);
        expect(await store.moveBooking({ propertyId: p, bookingId: 'b1', holdId: 'h3', now: T0 })).toEqual({ ok: true, value: { unitId: 'u1', nights: ['2027-02-02', '2027-02-03'] } });
        const read = await store.readUnitNights(p, ['u1'], ['2027-02-01', '2027-02-02', '2027-02-03'], T0);
        expect(read.u1?.map((s) => (s.owner?.kind === 'booking' ? s.owner.bookingId : null))).toEqual([null, 'b1', 'b1']);
      });

      it('never frees a booked night when a claim replacing that booking lapses before the move', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1', nights: ['2027-02-01', '2027-02-02'] }));
        await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 });
        await store.hold(holdRequest(p, { holdId: 'h2', nights: ['2027-02-02', '2027-02-03'], replacingBookingId: 'b1', expiresAt: T0 + MIN }));
        const later = T0 + 5 * MIN;
        expect(await store.sweepExpiredHolds(p, later)).toBe(1);
        const read = await store.readUnitNights(p, ['u1'], ['2027-02-01', '2027-02-02', '2027-02-03'], later);
        expect(read.u1?.map((s) => (s.owner?.kind === 'booking' ? s.owner.bookingId : s.owner?.kind ?? null))).toEqual(['b1', 'b1', null]);
        expect((await store.hold(holdRequest(p, { holdId: 'h3', nights: ['2027-02-02'], now: later, expiresAt: later + MIN }))).ok).toBe(false);
      });

      it('refuses to move onto an expired hold or for an unknown booking, and keeps the old nights', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1' }));
        await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 });
        await store.hold(holdRequest(p, { holdId: 'h2', nights: ['2027-02-10'], expiresAt: T0 + MIN }));
        expect(await store.moveBooking({ propertyId: p, bookingId: 'b1', holdId: 'h2', now: T0 + 2 * MIN })).toEqual({ ok: false, code: 'hold_expired' });
        expect(await store.moveBooking({ propertyId: p, bookingId: 'nope', holdId: 'h2', now: T0 })).toEqual({ ok: false, code: 'booking_not_found' });
        expect(await store.moveBooking({ propertyId: p, bookingId: 'b1', holdId: 'missing', now: T0 })).toEqual({ ok: false, code: 'hold_not_found' });
        const read = await store.readUnitNights(p, ['u1'], N, T0);
        expect(read.u1?.map((s) => s.owner)).toEqual(Array(3).fill({ kind: 'booking', bookingId: 'b1' }));
      });

      it('sweeps expired holds and only those', async () => {
        await store.hold(holdRequest(p, { holdId: 'a', nights: ['2027-03-01'], expiresAt: T0 + MIN }));
        await store.hold(holdRequest(p, { holdId: 'b', nights: ['2027-03-02'], expiresAt: T0 + 2 * MIN }));
        await store.hold(holdRequest(p, { holdId: 'c', nights: ['2027-03-03'], expiresAt: T0 + 60 * MIN }));
        expect(await store.sweepExpiredHolds(p, T0 + 5 * MIN)).toBe(2);
        expect(await store.sweepExpiredHolds(p, T0 + 5 * MIN)).toBe(0);
        expect(await store.releaseHold(p, 'c')).toBe(true);
        expect(await store.releaseHold(p, 'a')).toBe(false);
      });
    });

    describe('promotion quotas', () => {
      const promo = (nights: number) => ({ promotionId: 'winter', nights, quota: 5 });

      it('takes promotion nights with the claim and refuses past the quota', async () => {
        expect((await store.hold(holdRequest(p, { holdId: 'h1', promo: promo(3) }))).ok).toBe(true);
        expect(await store.promoUsage(p, ['winter', 'other'])).toEqual({ winter: 3, other: 0 });
        const over = await store.hold(holdRequest(p, { holdId: 'h2', candidateUnitIds: ['u2'], promo: promo(3) }));
        expect(over).toEqual({ ok: false, code: 'promo_quota' });
        // Refusing for the quota must not have claimed the unit.
        expect((await store.readUnitNights(p, ['u2'], N, T0)).u2?.every(isFree)).toBe(true);
        expect((await store.hold(holdRequest(p, { holdId: 'h3', candidateUnitIds: ['u2'], nights: ['2027-02-01', '2027-02-02'], promo: promo(2) }))).ok).toBe(true);
        expect(await store.promoUsage(p, ['winter'])).toEqual({ winter: 5 });
      });

      it('does not take quota when the units are sold out', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1' }));
        expect(await store.hold(holdRequest(p, { holdId: 'h2', promo: promo(3) }))).toEqual({ ok: false, code: 'sold_out' });
        expect(await store.promoUsage(p, ['winter'])).toEqual({ winter: 0 });
      });

      it('gives quota back on release, expiry and cancellation, and keeps it on confirmation', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1', promo: promo(3) }));
        await store.releaseHold(p, 'h1');
        expect(await store.promoUsage(p, ['winter'])).toEqual({ winter: 0 });

        await store.hold(holdRequest(p, { holdId: 'h2', promo: promo(3), expiresAt: T0 + MIN }));
        await store.sweepExpiredHolds(p, T0 + 2 * MIN);
        expect(await store.promoUsage(p, ['winter'])).toEqual({ winter: 0 });

        await store.hold(holdRequest(p, { holdId: 'h3', promo: promo(3), now: T0 + 3 * MIN, expiresAt: T0 + 30 * MIN }));
        await store.confirmHold({ propertyId: p, holdId: 'h3', bookingId: 'b3', now: T0 + 4 * MIN });
        expect(await store.promoUsage(p, ['winter'])).toEqual({ winter: 3 });
        await store.releaseBooking(p, 'b3');
        expect(await store.promoUsage(p, ['winter'])).toEqual({ winter: 0 });
      });

      it('lets an expired hold give its quota back to the next claim even before any sweep', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1', promo: promo(5), expiresAt: T0 + MIN }));
        const later = await store.hold(holdRequest(p, { holdId: 'h2', candidateUnitIds: ['u2'], promo: promo(5), now: T0 + 2 * MIN, expiresAt: T0 + 30 * MIN }));
        expect(later.ok).toBe(true);
      });
    });

    describe('external feed blocks', () => {
      it('replaces one feed on one unit and reports what changed', async () => {
        const first = await store.replaceFeedBlocks(p, 'u1', 'airbnb', [
          { night: '2027-02-02', uid: 'a' },
          { night: '2027-02-01', uid: 'a' },
        ]);
        expect(first).toEqual({ added: ['2027-02-01', '2027-02-02'], removed: [], conflicts: [] });
        await store.replaceFeedBlocks(p, 'u1', 'booking', [{ night: '2027-02-02', uid: 'b' }]);
        const second = await store.replaceFeedBlocks(p, 'u1', 'airbnb', [{ night: '2027-02-03', uid: 'c' }]);
        expect(second).toEqual({ added: ['2027-02-03'], removed: ['2027-02-01', '2027-02-02'], conflicts: [] });
        const read = await store.readUnitNights(p, ['u1', 'u2'], N, T0);
        expect(read.u1?.map((s) => s.blocks)).toEqual([[], [{ feedId: 'booking', uid: 'b' }], [{ feedId: 'airbnb', uid: 'c' }]]);
        expect(read.u2?.every(isFree)).toBe(true);
      });

      it('an empty feed frees its nights', async () => {
        await store.replaceFeedBlocks(p, 'u1', 'airbnb', [{ night: '2027-02-01', uid: 'a' }]);
        expect(await store.replaceFeedBlocks(p, 'u1', 'airbnb', [])).toEqual({ added: [], removed: ['2027-02-01'], conflicts: [] });
        expect((await store.hold(holdRequest(p))).ok).toBe(true);
      });

      it('reports a block over one of our bookings as a conflict, but not over a hold', async () => {
        await store.hold(holdRequest(p, { holdId: 'h1', nights: ['2027-02-01'] }));
        await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 });
        await store.hold(holdRequest(p, { holdId: 'h2', nights: ['2027-02-02'] }));
        const r = await store.replaceFeedBlocks(p, 'u1', 'airbnb', [
          { night: '2027-02-01', uid: 'x' },
          { night: '2027-02-02', uid: 'y' },
        ]);
        expect(r.conflicts).toEqual([{ night: '2027-02-01', bookingId: 'b1', uid: 'x' }]);
      });
    });

    describe('bookings and the event log', () => {
      it('creates, finds and refuses a duplicate id or reference', async () => {
        const b = booking(p);
        expect(await store.createBooking(b)).toEqual({ ok: true, value: b });
        expect(await store.getBooking(p, b.id)).toEqual(b);
        expect(await store.findBookingByReference(p, 'ABC234')).toEqual(b);
        expect(await store.findBookingByReference(freshPropertyId(), 'ABC234')).toBeNull();
        expect(await store.createBooking({ ...b, reference: 'ZZZ234' })).toEqual({ ok: false, code: 'conflict' });
        expect(await store.createBooking(booking(p))).toEqual({ ok: false, code: 'conflict' });
        expect(await store.getBooking(p, 'missing')).toBeNull();
      });

      it('updates only from the current version', async () => {
        const b = booking(p);
        await store.createBooking(b);
        const moved = transition(b, 'awaiting_payment', 'guest', new Date(T0 + MIN));
        if (!moved.ok) throw new Error('transition refused');
        expect(await store.updateBooking(moved.value)).toEqual({ ok: true, value: moved.value });
        // A second writer holding the old copy loses.
        const stale = transition(b, 'cancelled', 'staff:1', new Date(T0 + 2 * MIN));
        if (!stale.ok) throw new Error('transition refused');
        expect(await store.updateBooking(stale.value)).toEqual({ ok: false, code: 'conflict' });
        expect((await store.getBooking(p, b.id))?.state).toBe('awaiting_payment');
      });

      it('lists bookings per property and per guest', async () => {
        const a = booking(p, { guestId: 'g1', reference: 'AAA234' });
        const b = booking(p, { guestId: 'g2', reference: 'BBB234' });
        const elsewhere = booking(freshPropertyId(), { guestId: 'g1' });
        for (const x of [a, b, elsewhere]) await store.createBooking(x);
        expect((await store.listBookings(p)).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
        expect((await store.listBookingsByGuest(p, 'g1')).map((x) => x.id)).toEqual([a.id]);
      });

      it('keeps an append-only log in order', async () => {
        const base = { propertyId: p, bookingId: 'b1', reference: 'ABC234', actor: 'guest' } as const;
        await store.appendEvent({ ...base, from: null, to: 'held', at: new Date(T0).toISOString() });
        await store.appendEvent({ ...base, from: 'held', to: 'confirmed', at: new Date(T0 + MIN).toISOString(), reason: 'paid' });
        await store.appendEvent({ ...base, from: 'confirmed', to: 'cancelled', at: new Date(T0 + 2 * MIN).toISOString() });
        const all = await store.readEvents(p);
        expect(all.map((e) => e.to)).toEqual(['held', 'confirmed', 'cancelled']);
        expect(all[1]).toEqual({ ...base, from: 'held', to: 'confirmed', at: new Date(T0 + MIN).toISOString(), reason: 'paid' });
        expect((await store.readEvents(p, 2)).map((e) => e.to)).toEqual(['confirmed', 'cancelled']);
        expect(await store.readEvents(freshPropertyId())).toEqual([]);
      });
    });

    describe('guests', () => {
      it('saves, finds by channel identity and forgets identities the guest no longer has', async () => {
        const g = guest(p);
        await store.saveGuest(g);
        expect(await store.getGuest(p, g.id)).toEqual(g);
        expect(await store.findGuestByIdentity(p, 'webchat', 'wc-1')).toEqual(g);
        expect(await store.findGuestByIdentity(freshPropertyId(), 'webchat', 'wc-1')).toBeNull();
        const moved = { ...g, identities: [{ channel: 'sms', channelUserId: '+33612345678' }] };
        await store.saveGuest(moved);
        expect(await store.findGuestByIdentity(p, 'webchat', 'wc-1')).toBeNull();
        expect(await store.findGuestByIdentity(p, 'sms', '+33612345678')).toEqual(moved);
      });
    });

    describe('invariant: no unit night ever has two owners', () => {
      type Op =
        | { kind: 'hold'; units: number[]; start: number; len: number; ttl: number }
        | { kind: 'confirm'; pick: number }
        | { kind: 'release'; pick: number }
        | { kind: 'cancel'; pick: number }
        | { kind: 'block'; unit: number; start: number; len: number }
        | { kind: 'tick'; minutes: number }
        | { kind: 'sweep' };
      const op: fc.Arbitrary<Op> = fc.oneof(
        { weight: 5, arbitrary: fc.record({ kind: fc.constant('hold' as const), units: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }), start: fc.integer({ min: 0, max: 8 }), len: fc.integer({ min: 1, max: 4 }), ttl: fc.integer({ min: 1, max: 30 }) }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('confirm' as const), pick: fc.nat() }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('block' as const), unit: fc.integer({ min: 0, max: 2 }), start: fc.integer({ min: 0, max: 8 }), len: fc.integer({ min: 0, max: 3 }) }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 20 }) }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('sweep' as const) }) },
      );

      it('holds and bookings never overlap, and every refusal had a reason', async () => {
        const units = ['u0', 'u1', 'u2'];
        const days = Array.from({ length: 12 }, (_, i) => addDays('2027-05-01', i));
        await fc.assert(
          fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
            const prop = freshPropertyId();
            let now = T0;
            let seq = 0;
            const holds: { id: string; unitId: string; nights: string[]; expiresAt: number; state: 'held' | 'booked' | 'gone' }[] = [];
            // Reference model: a claim must succeed exactly when some candidate is free in it.
            const ownerIn = (unitId: string, night: string) =>
              holds.find((h) => h.unitId === unitId && h.nights.includes(night) && (h.state === 'booked' || (h.state === 'held' && h.expiresAt > now)));
            const blocked = new Map<string, Set<string>>();
            for (const o of ops) {
              if (o.kind === 'hold') {
                const nights = days.slice(o.start, o.start + o.len);
                const cands = o.units.map((u) => units[u] ?? 'u0');
                const id = `h${seq++}`;
                const expected = cands.find((u) => nights.every((n) => !ownerIn(u, n) && !blocked.get(u)?.has(n)));
                const r = await store.hold({ propertyId: prop, holdId: id, requestId: id, candidateUnitIds: cands, nights, now, expiresAt: now + o.ttl * MIN });
                expect(r.ok ? r.value.unitId : null).toBe(expected ?? null);
                if (r.ok) holds.push({ id, unitId: r.value.unitId, nights, expiresAt: now + o.ttl * MIN, state: 'held' });
              } else if (o.kind === 'confirm' || o.kind === 'release' || o.kind === 'cancel') {
                const h = holds[o.pick % Math.max(1, holds.length)];
                if (!h) continue;
                if (o.kind === 'confirm') {
                  const r = await store.confirmHold({ propertyId: prop, holdId: h.id, bookingId: `b-${h.id}`, now });
                  const shouldWork = h.state === 'booked' || (h.state === 'held' && h.expiresAt > now);
                  expect(r.ok).toBe(shouldWork);
                  if (r.ok) h.state = 'booked';
                  else h.state = 'gone';
                } else if (o.kind === 'release') {
                  await store.releaseHold(prop, h.id);
                  if (h.state === 'held') h.state = 'gone';
                } else {
                  await store.releaseBooking(prop, `b-${h.id}`);
                  if (h.state === 'booked') h.state = 'gone';
                }
              } else if (o.kind === 'block') {
                const unitId = units[o.unit] ?? 'u0';
                const nights = days.slice(o.start, o.start + o.len);
                await store.replaceFeedBlocks(prop, unitId, 'ota', nights.map((night) => ({ night, uid: 'e' })));
                blocked.set(unitId, new Set(nights));
              } else if (o.kind === 'tick') {
                now += o.minutes * MIN;
              } else {
                await store.sweepExpiredHolds(prop, now);
              }
              const read = await store.readUnitNights(prop, units, days, now);
              for (const unitId of units) {
                days.forEach((night, i) => {
                  const owner = read[unitId]?.[i]?.owner ?? null;
                  const model = ownerIn(unitId, night);
                  const got = owner === null ? null : owner.kind === 'hold' ? owner.holdId : owner.bookingId;
                  expect(got).toBe(model ? (model.state === 'booked' ? `b-${model.id}` : model.id) : null);
                });
              }
            }
          }),
          { numRuns: 60 },
        );
      });
    });
  });
}
