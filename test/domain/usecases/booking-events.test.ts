import { InProcessBookingEvents } from '../../../adapters/events/in-process-booking-events';
import { createMemoryStore } from '../../../adapters/store/memory';
import type { Booking } from '../../../domain/bookings/booking';
import type { BookingLifecycleEvent } from '../../../domain/bookings/booking-events';
import { Catalog } from '../../../domain/catalog/catalog';
import type { PaymentDeps } from '../../../domain/payments/deps';
import { approveRequest, declineRequest } from '../../../domain/usecases/answer-request';
import { bookStay, type BookStayRequest } from '../../../domain/usecases/book-stay';
import { cancelBooking } from '../../../domain/usecases/cancel-booking';
import { changeBookingDates, previewDateChange } from '../../../domain/usecases/change-dates';
import { expireHolds } from '../../../domain/usecases/expire-holds';
import { endPaymentWindow, lapseRequest } from '../../../domain/usecases/request-deadlines';
import { applyPaymentEvent } from '../../../domain/usecases/settle-payment';
import { FakeClock } from '../../fakes/clock';
import { sequentialIds } from '../../fakes/ids';
import { testProperty } from '../../fakes/property';
import { FakeMessenger, FakeNotifier, FakePayments, throwingLog } from './request-fakes';

const STAY = { checkIn: '2027-03-10', checkOut: '2027-03-13' };

function setup(bookingMode: 'instant' | 'request' = 'instant') {
  const events = new InProcessBookingEvents(throwingLog());
  const seen: BookingLifecycleEvent[] = [];
  events.onAny('recorder', (e) => void seen.push(e));
  const deps: PaymentDeps & { clock: FakeClock } = {
    catalog: new Catalog([testProperty({ bookingMode })]),
    store: createMemoryStore(),
    clock: new FakeClock(Date.parse('2027-02-01T10:00:00Z')),
    ids: sequentialIds('bk'),
    events,
    payments: new FakePayments(),
    notifier: new FakeNotifier(),
    messenger: new FakeMessenger(),
    calendarUrl: () => 'http://localhost/stay.ics',
  };
  /** Each event as `type from→ by actor`: the order and the move in one line. */
  const moves = () => seen.map((e) => `${e.type} ${e.from ?? '∅'} by ${e.actor}`);
  return { deps, seen, moves };
}

type World = ReturnType<typeof setup>;

const booking = async (w: World, over: Partial<BookStayRequest> = {}): Promise<Booking> => {
  const booked = await bookStay(w.deps, {
    propertyId: 'manoir-test',
    unitTypeId: 'suite',
    ratePlanId: 'flex',
    stay: STAY,
    party: { adults: 2, children: 0 },
    expectedTotal: 90_600,
    guest: { channel: 'webchat', channelUserId: 'user-1', locale: 'en', name: 'Camille Martin', email: 'camille@example.org', phone: '+33612345678' },
    requestId: `msg-${w.deps.ids.id()}`,
    ...over,
  });
  if (!booked.ok) throw new Error(booked.code);
  return booked.value.booking;
};

const pay = (w: World, b: Booking) =>
  applyPaymentEvent(w.deps, { kind: 'checkout_completed', propertyId: b.propertyId, bookingId: b.id, checkoutId: `cs_${b.id}`, purpose: 'booking', paymentId: `pi_${b.id}`, amount: b.quote.total, guarantee: false });

describe('booking events, in the order the transitions happen', () => {
  it('confirmed by a payment in time', async () => {
    const w = setup();
    const b = await booking(w);
    expect(await pay(w, b)).toBe('confirmed');
    expect(w.moves()).toEqual([`held ∅ by guest:${b.guestId}`, 'awaiting_payment held by system', 'confirmed awaiting_payment by payment']);
    expect(w.seen.at(-1)).toMatchObject({ type: 'confirmed', amountPaid: 90_600, version: 3 });
    // A payment event delivered again confirms nothing more.
    expect(await pay(w, b)).toBe('duplicate');
    expect(w.seen).toHaveLength(3);
  });

  it('confirmed by a payment after the hold lapsed: expired by the sweeper, then confirmed again', async () => {
    const w = setup();
    const b = await booking(w);
    w.deps.clock.advanceMinutes(21);
    await expireHolds(w.deps, 'manoir-test');
    expect(await pay(w, b)).toBe('reconfirmed_late');
    expect(w.moves().slice(2)).toEqual(['expired awaiting_payment by system', 'confirmed expired by payment']);
  });

  it('cancelled by the guest', async () => {
    const w = setup();
    const b = await booking(w);
    await cancelBooking(w.deps, { propertyId: 'manoir-test', bookingId: b.id, actor: 'guest' });
    // Cancelling again changes nothing and announces nothing.
    await cancelBooking(w.deps, { propertyId: 'manoir-test', bookingId: b.id, actor: 'guest' });
    expect(w.moves().slice(2)).toEqual(['cancelled awaiting_payment by guest']);
  });

  it('expired: the hold ran out unpaid', async () => {
    const w = setup();
    await booking(w);
    w.deps.clock.advanceMinutes(21);
    await expireHolds(w.deps, 'manoir-test');
    await expireHolds(w.deps, 'manoir-test');
    expect(w.moves().slice(2)).toEqual(['expired awaiting_payment by system']);
  });

  it('dates changed: a confirmed booking moved, with the stay before and after', async () => {
    const w = setup();
    const b = await booking(w);
    await pay(w, b);
    const paid = await w.deps.store.getBooking('manoir-test', b.id);
    if (!paid) throw new Error('missing');
    const stay = { checkIn: '2027-03-11', checkOut: '2027-03-14' };
    const quote = await previewDateChange(w.deps, paid, stay);
    if (!quote.ok) throw new Error(quote.code);
    const moved = await changeBookingDates(w.deps, { propertyId: 'manoir-test', bookingId: b.id, stay, expectedTotal: quote.value.total, requestId: 'change-1', actor: 'guest' });
    expect(moved.ok).toBe(true);
    expect(w.moves().slice(3)).toEqual(['dates_changed confirmed by guest']);
    expect(w.seen.at(-1)).toMatchObject({ type: 'dates_changed', previousStay: STAY, stay, version: 4 });
  });

  it('request-to-book: requested, approved with its payment deadline, then paid', async () => {
    const w = setup('request');
    const b = await booking(w);
    w.deps.clock.advanceMinutes(60);
    const approved = await approveRequest(w.deps, { propertyId: 'manoir-test', bookingId: b.id, actor: 'staff:api' });
    expect(approved.ok).toBe(true);
    expect(await pay(w, b)).toBe('confirmed');
    expect(w.moves()).toEqual([`held ∅ by guest:${b.guestId}`, `requested held by guest:${b.guestId}`, 'approved requested by staff:api', 'confirmed approved by payment']);
    expect(w.seen[2]).toMatchObject({ type: 'approved', payBy: '2027-02-03T11:00:00.000Z' });
  });

  it('request-to-book: declined', async () => {
    const w = setup('request');
    const b = await booking(w);
    await declineRequest(w.deps, { propertyId: 'manoir-test', bookingId: b.id, actor: 'staff:link', reason: 'closed for works' });
    expect(w.moves().slice(2)).toEqual(['declined requested by staff:link']);
    // The staff's words stay in the booking's history, out of the events.
    expect(JSON.stringify(w.seen)).not.toContain('closed for works');
  });

  it('request-to-book: expired twice over, unanswered or unpaid', async () => {
    const lapsed = setup('request');
    const unanswered = await booking(lapsed);
    lapsed.deps.clock.advanceMinutes(72 * 60);
    await lapseRequest(lapsed.deps, 'manoir-test', unanswered.id);
    expect(lapsed.moves().slice(2)).toEqual(['expired requested by system']);

    const unpaid = setup('request');
    const accepted = await booking(unpaid);
    await approveRequest(unpaid.deps, { propertyId: 'manoir-test', bookingId: accepted.id, actor: 'staff:api' });
    unpaid.deps.clock.advanceMinutes(48 * 60);
    await endPaymentWindow(unpaid.deps, 'manoir-test', accepted.id);
    expect(unpaid.moves().slice(3)).toEqual(['expired approved by system']);
  });
});
