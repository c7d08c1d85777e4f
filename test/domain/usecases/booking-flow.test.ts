import { createMemoryStore } from '../../../adapters/store/memory';
import { Catalog } from '../../../domain/catalog/catalog';
import type { UseCaseDeps } from '../../../domain/usecases/deps';
import { cancelBooking } from '../../../domain/usecases/cancel-booking';
import { confirmBooking } from '../../../domain/usecases/confirm-booking';
import { expireHolds } from '../../../domain/usecases/expire-holds';
import { placeHold, type PlaceHoldRequest } from '../../../domain/usecases/place-hold';
import { searchStay } from '../../../domain/usecases/search-stay';
import { FakeClock } from '../../fakes/clock';
import { sequentialIds } from '../../fakes/ids';
import { testProperty } from '../../fakes/property';

const stay = { checkIn: '2027-03-10', checkOut: '2027-03-13' };

function setup(over: Parameters<typeof testProperty>[0] = {}): UseCaseDeps & { clock: FakeClock } {
  return {
    catalog: new Catalog([testProperty(over)]),
    store: createMemoryStore(),
    clock: new FakeClock(Date.parse('2027-02-01T10:00:00Z')),
    ids: sequentialIds('bk'),
  };
}

const holdReq = (over: Partial<PlaceHoldRequest> = {}): PlaceHoldRequest => ({
  propertyId: 'manoir-test',
  unitTypeId: 'suite',
  ratePlanId: 'flex',
  stay,
  party: { adults: 2, children: 0 },
  channel: 'direct',
  source: 'webchat',
  requestId: `req-${Math.random()}`,
  guestId: null,
  actor: 'guest',
  ...over,
});

describe('search', () => {
  it('offers each fitting type with a quote per rate plan, cheapest first', async () => {
    const deps = setup();
    const r = await searchStay(deps, { propertyId: 'manoir-test', stay, party: { adults: 2, children: 0 }, channel: 'direct' });
    if (!r.ok) throw new Error(r.code);
    expect(r.value.offers.map((o) => [o.unitType.id, o.freeUnits, o.quotes.map((q) => q.ratePlanId)])).toEqual([
      ['double', 2, ['nonref', 'flex']],
      ['suite', 1, ['nonref', 'flex']],
    ]);
    // 3 nights × 100.00 + tax 2 adults × 3 nights × 1.00; non-refundable is 10% off the room.
    expect(r.value.offers[0]?.quotes.map((q) => q.total)).toEqual([27_000 + 600, 30_000 + 600]);
  });

  it('explains capacity before stock, and drops sold-out types', async () => {
    const deps = setup();
    await placeHold(deps, holdReq());
    const r = await searchStay(deps, { propertyId: 'manoir-test', stay, party: { adults: 3, children: 0 }, channel: 'direct' });
    if (!r.ok) throw new Error(r.code);
    expect(r.value.offers).toEqual([]);
    expect(r.value.unavailable.map((u) => [u.unitTypeId, u.reason === 'quote' ? u.failure.code : u.reason])).toEqual([
      ['double', 'capacity'],
      ['suite', 'sold_out'],
    ]);
  });

  it('refuses unknown properties and impossible stays with a code', async () => {
    const deps = setup();
    const party = { adults: 1, children: 0 };
    expect(await searchStay(deps, { propertyId: 'nope', stay, party, channel: 'direct' })).toEqual({ ok: false, code: 'unknown_property' });
    expect(await searchStay(deps, { propertyId: 'manoir-test', stay: { checkIn: '2027-03-13', checkOut: '2027-03-10' }, party, channel: 'direct' })).toEqual({ ok: false, code: 'invalid_stay' });
  });
});

describe('hold, confirm, cancel', () => {
  it('holds the suite, confirms it, and nobody else can have it', async () => {
    const deps = setup();
    const held = await placeHold(deps, holdReq());
    if (!held.ok) throw new Error(held.code);
    expect(held.value.state).toBe('held');
    expect(held.value.reference).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(held.value.holdExpiresAt).toBe('2027-02-01T10:20:00.000Z');
    expect(await placeHold(deps, holdReq())).toEqual({ ok: false, code: 'sold_out' });

    const confirmed = await confirmBooking(deps, { propertyId: 'manoir-test', bookingId: held.value.id, actor: 'payment' });
    expect(confirmed.ok && confirmed.value.state).toBe('confirmed');
    const again = await confirmBooking(deps, { propertyId: 'manoir-test', bookingId: held.value.id, actor: 'payment' });
    expect(again.ok && again.value.version).toBe(confirmed.ok && confirmed.value.version);
    expect((await deps.store.readEvents('manoir-test')).map((e) => e.to)).toEqual(['held', 'confirmed']);
  });

  it('answers a repeated request with the same booking', async () => {
    const deps = setup();
    const first = await placeHold(deps, holdReq({ requestId: 'same' }));
    const second = await placeHold(deps, holdReq({ requestId: 'same' }));
    expect(first.ok && second.ok && second.value.id === first.value.id).toBe(true);
    expect(await deps.store.listBookings('manoir-test')).toHaveLength(1);
  });

  it('refuses to hold at a price the guest was not shown', async () => {
    const deps = setup();
    const r = await placeHold(deps, holdReq({ expectedTotal: 1 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('price_changed');
    expect(r.detail?.quote?.total).toBe(90_000 + 600);
    expect(await deps.store.listBookings('manoir-test')).toEqual([]);
  });

  it('lets exactly one of many simultaneous guests have the last unit', async () => {
    const deps = setup();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => placeHold(deps, holdReq({ requestId: `r${i}` }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'sold_out')).toHaveLength(49);
  });

  it('expires an unpaid hold: the nights return and the booking says expired', async () => {
    const deps = setup();
    const held = await placeHold(deps, holdReq());
    if (!held.ok) throw new Error(held.code);
    deps.clock.advanceMinutes(21);
    expect(await expireHolds(deps, 'manoir-test')).toEqual({ released: 1, expired: [held.value.id] });
    expect((await deps.store.getBooking('manoir-test', held.value.id))?.state).toBe('expired');
    expect(await confirmBooking(deps, { propertyId: 'manoir-test', bookingId: held.value.id, actor: 'payment' })).toEqual({ ok: false, code: 'invalid_transition' });
    expect((await placeHold(deps, holdReq())).ok).toBe(true);
  });

  it('a payment after expiry does not confirm the booking; the sweeper records the expiry', async () => {
    const deps = setup();
    const held = await placeHold(deps, holdReq());
    if (!held.ok) throw new Error(held.code);
    deps.clock.advanceMinutes(25);
    expect(await confirmBooking(deps, { propertyId: 'manoir-test', bookingId: held.value.id, actor: 'payment' })).toEqual({ ok: false, code: 'hold_expired' });
    expect((await deps.store.getBooking('manoir-test', held.value.id))?.state).toBe('held');
    await expireHolds(deps, 'manoir-test');
    expect((await deps.store.getBooking('manoir-test', held.value.id))?.state).toBe('expired');
  });

  it('writes the patch (a receipt) in the same save as the confirmation', async () => {
    const deps = setup();
    const held = await placeHold(deps, holdReq());
    if (!held.ok) throw new Error(held.code);
    const confirmed = await confirmBooking(deps, { propertyId: 'manoir-test', bookingId: held.value.id, actor: 'payment', patch: (b) => ({ ...b, amountPaid: 123 }) });
    expect(confirmed.ok && [confirmed.value.state, confirmed.value.amountPaid, confirmed.value.version]).toEqual(['confirmed', 123, 2]);
  });

  it('cancels under the policy and gives the nights back', async () => {
    const deps = setup();
    const held = await placeHold(deps, holdReq());
    if (!held.ok) throw new Error(held.code);
    await confirmBooking(deps, { propertyId: 'manoir-test', bookingId: held.value.id, actor: 'payment' });
    // Paid in full; free cancellation ends 2027-03-03 16:00 Paris time (15:00Z).
    const paid = await deps.store.getBooking('manoir-test', held.value.id);
    if (!paid) throw new Error('missing');
    await deps.store.updateBooking({ ...paid, amountPaid: paid.quote.total, version: paid.version + 1 });
    deps.clock.set('2027-03-03T15:00:00Z');
    const cancelled = await cancelBooking(deps, { propertyId: 'manoir-test', bookingId: held.value.id, actor: 'guest' });
    if (!cancelled.ok) throw new Error(cancelled.code);
    expect(cancelled.value.booking.state).toBe('cancelled');
    expect(cancelled.value.outcome).toEqual({ refund: 90_600 - 45_300, retained: 45_300, free: false });
    expect(cancelled.value.booking.history.map((h) => h.to)).toEqual(['held', 'confirmed', 'cancelled']);
    expect((await placeHold(deps, holdReq())).ok).toBe(true);
  });

  it('cancels for free a minute before the deadline', async () => {
    const deps = setup();
    const held = await placeHold(deps, holdReq());
    if (!held.ok) throw new Error(held.code);
    await confirmBooking(deps, { propertyId: 'manoir-test', bookingId: held.value.id, actor: 'payment' });
    deps.clock.set('2027-03-03T14:59:00Z');
    const cancelled = await cancelBooking(deps, { propertyId: 'manoir-test', bookingId: held.value.id, actor: 'guest' });
    expect(cancelled.ok && cancelled.value.outcome.free).toBe(true);
  });
});
