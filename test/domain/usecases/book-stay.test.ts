import { InProcessBookingEvents } from '../../../adapters/events/in-process-booking-events';
import { createMemoryStore } from '../../../adapters/store/memory';
import type { BookingLifecycleEvent } from '../../../domain/bookings/booking-events';
import { REQUEST_HOLD_MINUTES } from '../../../domain/bookings/request-to-book';
import { Catalog } from '../../../domain/catalog/catalog';
import type { GuestAddress } from '../../../domain/guests/guest-address';
import { bookStay, type BookStayDeps, type BookStayRequest } from '../../../domain/usecases/book-stay';
import { FakeClock } from '../../fakes/clock';
import { sequentialIds } from '../../fakes/ids';
import { testProperty } from '../../fakes/property';
import { FakeNotifier, FakePayments } from './request-fakes';

const NOW = '2027-02-01T10:00:00.000Z';
const STAY = { checkIn: '2027-03-10', checkOut: '2027-03-13' };
/** The suite, flexible rate, 3 nights for 2 adults: 3 × 300.00 + tourist tax 2 × 3 × 1.00. */
const SUITE_TOTAL = 90_600;
const ADDRESS: GuestAddress = { channelId: 'webchat', serviceUrl: 'http://localhost:3978', conversationId: 'conv-1', userId: 'user-1', botId: 'majordome', locale: 'en' };

type TestDeps = BookStayDeps & { clock: FakeClock; payments: FakePayments; notifier: FakeNotifier };

function setup(bookingMode: 'instant' | 'request' = 'instant') {
  const failures: Record<string, unknown>[] = [];
  const events = new InProcessBookingEvents({ error: (data) => void failures.push(data) });
  const seen: BookingLifecycleEvent[] = [];
  events.onAny('recorder', (e) => void seen.push(e));
  const deps: TestDeps = {
    catalog: new Catalog([testProperty({ bookingMode })]),
    store: createMemoryStore(),
    clock: new FakeClock(Date.parse(NOW)),
    ids: sequentialIds('bk'),
    events,
    payments: new FakePayments(),
    notifier: new FakeNotifier(),
  };
  return { deps, events, seen, failures };
}

const request = (over: Partial<BookStayRequest> = {}): BookStayRequest => ({
  propertyId: 'manoir-test',
  unitTypeId: 'suite',
  ratePlanId: 'flex',
  stay: STAY,
  party: { adults: 2, children: 0 },
  expectedTotal: SUITE_TOTAL,
  guest: { channel: 'webchat', channelUserId: 'user-1', locale: 'en', name: 'Camille Martin', email: 'camille@example.org', phone: '+33612345678' },
  address: ADDRESS,
  requestId: 'msg-1',
  ...over,
});

describe('bookStay: instant booking', () => {
  it('holds the unit, opens a payment link and waits for the money: held, then awaiting_payment', async () => {
    const { deps, seen } = setup();
    const booked = await bookStay(deps, request());
    if (!booked.ok) throw new Error(booked.code);
    if (booked.value.code !== 'awaiting_payment') throw new Error(booked.value.code);
    const { booking, checkout } = booked.value;
    expect(booking).toMatchObject({ state: 'awaiting_payment', unitId: 's1', holdExpiresAt: '2027-02-01T10:20:00.000Z', channel: 'webchat', address: ADDRESS });
    expect(booking.history.map((t) => [t.to, t.actor])).toEqual([
      ['held', `guest:${booking.guestId}`],
      ['awaiting_payment', 'system'],
    ]);
    expect(checkout.url).toBe(`https://pay.example/${booking.id}/1`);
    expect(deps.payments.checkouts.map((b) => b.id)).toEqual([booking.id]);
    // The guest's details went to their profile, not into the booking's events.
    const guest = booking.guestId ? await deps.store.getGuest('manoir-test', booking.guestId) : null;
    expect(guest).toMatchObject({ name: 'Camille Martin', email: 'camille@example.org', phone: '+33612345678' });

    const common = {
      propertyId: 'manoir-test',
      bookingId: booking.id,
      reference: booking.reference,
      guestId: booking.guestId,
      unitTypeId: 'suite',
      unitId: 's1',
      stay: STAY,
      channel: 'webchat',
      address: ADDRESS,
      at: NOW,
    };
    expect(seen).toEqual([
      { ...common, type: 'held', from: null, actor: `guest:${booking.guestId}`, version: 1, holdExpiresAt: '2027-02-01T10:20:00.000Z' },
      { ...common, type: 'awaiting_payment', from: 'held', actor: 'system', version: 2, payBy: '2027-02-01T10:20:00.000Z' },
    ]);
    expect(JSON.stringify(seen)).not.toMatch(/Camille|camille@|\+336/);
    // The property's log says the same, in the same order.
    expect((await deps.store.readEvents('manoir-test')).map((e) => e.to)).toEqual(['held', 'awaiting_payment']);
  });

  it('answers a message delivered twice with the same booking, and announces nothing twice', async () => {
    const { deps, seen } = setup();
    const first = await bookStay(deps, request());
    const again = await bookStay(deps, request());
    expect(first.ok && again.ok && again.value.booking.id === first.value.booking.id).toBe(true);
    expect(again.ok && again.value.code).toBe('awaiting_payment');
    expect(seen.map((e) => e.type)).toEqual(['held', 'awaiting_payment']);
    expect(await deps.store.listBookings('manoir-test')).toHaveLength(1);
  });

  it('leaves a booking that moved on alone when the same message comes again', async () => {
    const { deps, seen } = setup();
    const first = await bookStay(deps, request());
    if (!first.ok) throw new Error(first.code);
    const stored = await deps.store.getBooking('manoir-test', first.value.booking.id);
    if (!stored) throw new Error('missing');
    await deps.store.updateBooking({ ...stored, state: 'cancelled', version: stored.version + 1 });
    const again = await bookStay(deps, request());
    expect(again.ok && [again.value.code, again.value.booking.state]).toEqual(['already_handled', 'cancelled']);
    expect(deps.payments.checkouts).toHaveLength(1);
    expect(seen.map((e) => e.type)).toEqual(['held', 'awaiting_payment']);
  });
});

describe('bookStay: request-to-book', () => {
  it('holds the nights for the answer and the payment window and sends the request: held, then requested', async () => {
    const { deps, seen } = setup('request');
    const booked = await bookStay(deps, request());
    if (!booked.ok) throw new Error(booked.code);
    expect(booked.value.code).toBe('requested');
    expect(booked.value.booking.state).toBe('requested');
    expect(booked.value.booking.holdExpiresAt).toBe(new Date(Date.parse(NOW) + REQUEST_HOLD_MINUTES * 60_000).toISOString());
    expect(deps.payments.checkouts).toEqual([]);
    expect(seen.map((e) => [e.type, e.from])).toEqual([
      ['held', null],
      ['requested', 'held'],
    ]);
    // The staff have three days to answer.
    expect(seen[1]).toMatchObject({ type: 'requested', answerBy: '2027-02-04T10:00:00.000Z', actor: `guest:${booked.value.booking.guestId}` });
  });
});

describe('bookStay: nothing booked', () => {
  it('sold out: the last suite went to someone else; nothing held, nothing announced', async () => {
    const { deps, seen } = setup();
    await bookStay(deps, request({ requestId: 'first-guest', guest: { ...request().guest, channelUserId: 'someone-else' } }));
    seen.length = 0;
    expect(await bookStay(deps, request())).toEqual({ ok: false, code: 'sold_out' });
    expect(seen).toEqual([]);
    expect(await deps.store.listBookings('manoir-test')).toHaveLength(1);
  });

  it('price changed: the new total to show the guest; nothing held, nothing announced', async () => {
    const { deps, seen } = setup();
    const booked = await bookStay(deps, request({ expectedTotal: SUITE_TOTAL - 100 }));
    expect(booked.ok).toBe(false);
    if (booked.ok) return;
    expect(booked.code).toBe('price_changed');
    expect(booked.code === 'price_changed' && booked.detail?.quote.total).toBe(SUITE_TOTAL);
    expect(seen).toEqual([]);
    expect(await deps.store.listBookings('manoir-test')).toEqual([]);
  });

  it('a stay the property does not sell is refused with its own code', async () => {
    const { deps } = setup();
    expect(await bookStay(deps, request({ unitTypeId: 'attic' }))).toMatchObject({ ok: false, code: 'unknown_unit_type' });
    expect(await bookStay(deps, request({ propertyId: 'nowhere' }))).toEqual({ ok: false, code: 'unknown_property' });
  });

  it('payment link failure: the hold is released at once, the staff told: held, then cancelled', async () => {
    const { deps, seen } = setup();
    deps.payments.failing = true;
    const booked = await bookStay(deps, request());
    expect(booked.ok).toBe(false);
    if (booked.ok || booked.code !== 'payment_unavailable') throw new Error('expected payment_unavailable');
    expect(booked.detail?.cause).toBe('provider down');
    const booking = await deps.store.getBooking('manoir-test', booked.detail?.bookingId ?? '');
    expect(booking?.state).toBe('cancelled');
    expect(seen.map((e) => [e.type, e.from, e.actor])).toEqual([
      ['held', null, `guest:${booking?.guestId}`],
      ['cancelled', 'held', 'system'],
    ]);
    const nights = await deps.store.readUnitNights('manoir-test', ['s1'], ['2027-03-10', '2027-03-11', '2027-03-12'], deps.clock.now().getTime());
    expect(nights.s1?.every((n) => n.owner === null)).toBe(true);
    expect(deps.notifier.alerts).toEqual([expect.objectContaining({ kind: 'other', data: { bookingId: booking?.id, reference: booking?.reference } })]);
  });

  it('a staff alert that cannot be sent changes nothing: payment_unavailable, the hold released', async () => {
    const { deps } = setup();
    deps.payments.failing = true;
    deps.notifier.failing = true;
    expect(await bookStay(deps, request())).toMatchObject({ ok: false, code: 'payment_unavailable' });
    expect((await deps.store.listBookings('manoir-test')).map((b) => b.state)).toEqual(['cancelled']);
  });
});

describe('bookStay and its subscribers', () => {
  it('a subscriber that throws is logged and does not break the booking, nor the subscribers after it', async () => {
    const { deps, events, seen, failures } = setup();
    events.on('held', 'broken alert', () => {
      throw new Error('alert webhook down');
    });
    events.on('awaiting_payment', 'broken timer', async () => Promise.reject(new Error('queue down')));
    const after: string[] = [];
    events.onAny('after the broken ones', (e) => void after.push(e.type));
    const booked = await bookStay(deps, request());
    expect(booked.ok && [booked.value.code, booked.value.booking.state]).toEqual(['awaiting_payment', 'awaiting_payment']);
    expect(seen.map((e) => e.type)).toEqual(['held', 'awaiting_payment']);
    expect(after).toEqual(['held', 'awaiting_payment']);
    expect(failures.map((f) => [f.subscriber, f.event, f.err])).toEqual([
      ['broken alert', 'held', 'alert webhook down'],
      ['broken timer', 'awaiting_payment', 'queue down'],
    ]);
  });

  it('subscribers run only once the state they are told of is saved', async () => {
    const { deps, events } = setup();
    const stored: string[] = [];
    events.onAny('reads the store', async (e) => {
      const booking = await deps.store.getBooking(e.propertyId, e.bookingId);
      stored.push(`${e.type}: ${booking?.state} v${booking?.version}/${e.version}`);
    });
    await bookStay(deps, request());
    expect(stored).toEqual(['held: held v1/1', 'awaiting_payment: awaiting_payment v2/2']);
  });
});
