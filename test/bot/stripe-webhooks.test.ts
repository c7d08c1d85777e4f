import Stripe from 'stripe';
import { expireHolds } from '../../domain/usecases/expire-holds';
import { cancelAndRefund } from '../../domain/usecases/cancel-and-refund';
import { closeLapsedCheckouts } from '../../domain/usecases/close-lapsed-checkouts';
import { changeBookingDates, previewDateChange } from '../../domain/usecases/change-dates';
import { settleDateChange } from '../../domain/usecases/settle-date-change';
import type { PaymentDeps } from '../../domain/payments/deps';
import { dueOnline } from '../../domain/payments/payment-policy';
import { signedEvent } from '../fakes/stripe-api';
import { CHATEAU, heldBooking, startPaymentsWorld, toldTo, WEBHOOK_SECRET, type PaymentsWorld } from './payments-support';

/**
 * Stripe end to end without the network: the real SDK talks to a local fake API, and webhooks
 * are signed with Stripe's own test helper. Whatever order and however often events arrive, a
 * booking is confirmed once, money is counted once, and money for nights we cannot give goes back.
 */
describe('Stripe payments and webhooks', () => {
  let w: PaymentsWorld;
  const sdk = new Stripe('sk_test_unused', {});
  let seq = 0;
  beforeAll(async () => {
    w = await startPaymentsWorld({ stripe: true });
  });
  afterAll(async () => {
    await w?.close();
  });

  const fake = () => {
    if (!w.stripe) throw new Error('no fake Stripe');
    return w.stripe;
  };
  const property = () => {
    const p = w.app.deps.catalog.get(CHATEAU);
    if (!p) throw new Error('no château');
    return p;
  };
  const deliver = async (payload: string, header: string | null): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${w.base}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(header ? { 'stripe-signature': header } : {}) },
      body: payload,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const send = (type: string, object: Record<string, unknown>, id = `evt_${++seq}`) => {
    const e = signedEvent(sdk, WEBHOOK_SECRET, type, object, id);
    return { id, ...e, deliver: () => deliver(e.payload, e.header) };
  };
  const sessionEvent = (type: string, sessionId: string) => send(type, fake().publicView(fake().sessions.get(sessionId) ?? {}));
  const booking = async (id: string) => {
    const b = await w.app.deps.store.getBooking(CHATEAU, id);
    if (!b) throw new Error(`no booking ${id}`);
    return b;
  };
  const paymentDeps = (): PaymentDeps => ({ ...w.app.deps, payments: w.app.payments.gateway, messenger: w.app.messenger, notifier: w.app.requests.notifier, calendarUrl: w.app.payments.calendarUrl });

  it('opens one Checkout Session for the deposit, with the guest, the ids, the locale and an idempotency key', async () => {
    const { booking: b, url, checkoutId } = await heldBooking(w, { conversationId: 'c-open' });
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    const [create] = fake().callsTo('POST', /^\/v1\/checkout\/sessions$/).filter((c) => c.params['client_reference_id'] === b.id);
    expect(create?.idempotencyKey).toMatch(new RegExp(`^checkout:${b.id}:0:\\d+$`));
    const deposit = dueOnline(property(), b.quote.total);
    expect(deposit).toBe(Math.floor((b.quote.total * 3000 + 5000) / 10000));
    expect(create?.params).toMatchObject({
      mode: 'payment',
      client_reference_id: b.id,
      customer_email: 'camille@example.org',
      locale: 'en',
      metadata: { bookingId: b.id, propertyId: CHATEAU, reference: b.reference, purpose: 'booking' },
      payment_intent_data: { metadata: { bookingId: b.id, propertyId: CHATEAU } },
      line_items: [{ quantity: '1', price_data: { currency: 'eur', unit_amount: String(deposit) } }],
    });
    // A 20-minute hold: Stripe's 30-minute minimum, so Majordome closes the session itself later.
    const expiresAt = Number(create?.params['expires_at']);
    const now = w.clock.now().getTime() / 1000;
    expect(expiresAt - now).toBeGreaterThanOrEqual(30 * 60);
    expect(expiresAt - now).toBeLessThan(40 * 60);
    expect((await booking(b.id)).payments?.checkouts).toEqual([expect.objectContaining({ id: checkoutId, open: true, amount: deposit, purpose: 'booking' })]);
  });

  it('refuses a delivery without a valid signature, with the reason', async () => {
    const { payload } = signedEvent(sdk, WEBHOOK_SECRET, 'checkout.session.completed', {}, 'evt_forged');
    const forged = signedEvent(sdk, 'whsec_notoursnotours', 'checkout.session.completed', {}, 'evt_forged');
    const wrong = await deliver(payload, forged.header);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: 'bad_signature' });
    expect(String((wrong.body['reasons'] as string[])[0])).toMatch(/signature/i);
    expect((await deliver(payload, null)).body).toEqual({ error: 'bad_signature', reasons: ['missing Stripe-Signature header'] });
    // A body changed after signing fails too: the check is on the exact bytes.
    const good = signedEvent(sdk, WEBHOOK_SECRET, 'checkout.session.completed', { id: 'cs_x' }, 'evt_tampered');
    expect((await deliver(good.payload.replace('cs_x', 'cs_y'), good.header)).status).toBe(400);
    // An old delivery replayed by someone else is outside Stripe's five-minute tolerance.
    const old = signedEvent(sdk, WEBHOOK_SECRET, 'checkout.session.completed', {}, 'evt_old', Math.floor(Date.now() / 1000) - 3600);
    expect((await deliver(old.payload, old.header)).status).toBe(400);
  });

  const signedBody = (event: Record<string, unknown>, timestamp?: number) => {
    const payload = JSON.stringify(event);
    return { payload, header: sdk.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, ...(timestamp ? { timestamp } : {}) }) };
  };
  const envelope = (over: Record<string, unknown>) => ({ id: `evt_env_${++seq}`, object: 'event', created: Math.floor(Date.now() / 1000), type: 'checkout.session.completed', data: { object: { id: 'cs_none' } }, ...over });

  it('refuses a signed body without a string id with a reason, every time, and claims nothing', async () => {
    for (const over of [{ id: undefined }, { id: 42 }, { id: '' }, { id: null }]) {
      const e = signedBody(envelope(over));
      // Twice: were an id-less event claimed, the second would be answered "duplicate".
      for (const attempt of [1, 2]) {
        const r = await deliver(e.payload, e.header);
        expect({ attempt, status: r.status, body: r.body }).toEqual({ attempt, status: 400, body: { error: 'invalid_event', reasons: [expect.stringMatching(/^id: expected the event id/)] } });
      }
    }
    const withoutData = signedBody(envelope({ data: undefined }));
    expect((await deliver(withoutData.payload, withoutData.header)).body).toEqual({ error: 'invalid_event', reasons: ['data: expected the event data'] });
    // An ordinary event still goes through.
    const fine = signedBody(envelope({ type: 'customer.created' }));
    expect(await deliver(fine.payload, fine.header)).toEqual({ status: 200, body: { received: true, ignored: 'event type customer.created not handled' } });
  });

  it('refuses events dated in the future, by their creation or their signature, beyond five minutes of clock skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    const created = signedBody(envelope({ created: now + 3600 }));
    expect(await deliver(created.payload, created.header)).toEqual({ status: 400, body: { error: 'invalid_event', reasons: ['created: the event is dated after it was signed'] } });
    const signed = signedBody(envelope({}), now + 3600);
    expect(await deliver(signed.payload, signed.header)).toEqual({ status: 400, body: { error: 'invalid_event', reasons: ['Stripe-Signature: signed in the future'] } });
    // Within the skew both are Stripe's own clocks disagreeing with ours by a little: accepted.
    const skewed = signedBody(envelope({ created: now + 120, type: 'customer.created' }), now + 60);
    expect((await deliver(skewed.payload, skewed.header)).status).toBe(200);
    // An old event delivered now (a retry days later) is normal.
    const retried = signedBody(envelope({ created: now - 3 * 86400, type: 'customer.created' }));
    expect((await deliver(retried.payload, retried.header)).status).toBe(200);
  });

  it('logs neither the signature nor the body of a delivery it answers with 200', async () => {
    const e = signedBody(envelope({ type: 'customer.created' }));
    const before = w.logLines().length;
    expect((await deliver(e.payload, e.header)).status).toBe(200);
    const lines = w.logLines().slice(before);
    expect(lines).toContain('stripe event ignored');
    expect(lines).not.toContain('Discarded returned value');
    expect(lines).not.toContain(e.header.split(',')[1]?.slice(3) ?? 'no v1');
    expect(lines).not.toContain('cs_none');
  });

  it('confirms once on payment, counts the money once, and tells the guest with a calendar link', async () => {
    const { booking: b, checkoutId } = await heldBooking(w, { conversationId: 'c-pay', checkIn: '2027-12-05', checkOut: '2027-12-08' });
    fake().complete(checkoutId ?? '');
    const paid = sessionEvent('checkout.session.completed', checkoutId ?? '');
    expect(await paid.deliver()).toEqual({ status: 200, body: { received: true, outcome: 'confirmed' } });
    const deposit = dueOnline(property(), b.quote.total);
    const confirmed = await booking(b.id);
    expect(confirmed).toMatchObject({ state: 'confirmed', amountPaid: deposit });

    // The same event again (a replay), and the same payment under another event id (a duplicate).
    expect(await paid.deliver()).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect((await sessionEvent('checkout.session.completed', checkoutId ?? '').deliver()).body).toMatchObject({ outcome: 'duplicate' });
    expect((await booking(b.id)).amountPaid).toBe(deposit);

    const told = toldTo(w, 'c-pay');
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`Your booking ${b.reference} is confirmed`);
    const calendarUrl = /(http:\/\/\S+\.ics\?sig=\S+)/.exec(told[0] ?? '')?.[1] ?? '';
    const ics = await fetch(calendarUrl.replace(/^http:\/\/localhost:\d+/, w.base));
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const text = await ics.text();
    expect(text).toContain('DTSTART;VALUE=DATE:20271205');
    expect(text).toContain('DTEND;VALUE=DATE:20271208');
    expect(text).toContain(b.reference);
    expect((await fetch(`${w.base}/bookings/${CHATEAU}/${b.id}.ics?sig=forged`)).status).toBe(404);
    expect(w.logLines()).not.toContain('camille@example.org');
  });

  it('keeps a paid booking when the expiry arrives after the payment', async () => {
    const { booking: b, checkoutId } = await heldBooking(w, { conversationId: 'c-order', checkIn: '2028-01-10', checkOut: '2028-01-12' });
    fake().complete(checkoutId ?? '');
    const completed = sessionEvent('checkout.session.completed', checkoutId ?? '');
    const expired = send('checkout.session.expired', { ...fake().publicView(fake().sessions.get(checkoutId ?? '') ?? {}), status: 'expired' });
    w.clock.advanceMinutes(45);
    expect((await completed.deliver()).body).toMatchObject({ outcome: expect.stringMatching(/confirmed/) });
    expect((await expired.deliver()).body).toMatchObject({ outcome: 'kept' });
    expect((await booking(b.id)).state).toBe('confirmed');
    const nights = await w.app.deps.store.readUnitNights(CHATEAU, [b.unitId], ['2028-01-10', '2028-01-11'], w.clock.now().getTime());
    expect(nights[b.unitId]?.map((n) => n.owner)).toEqual([{ kind: 'booking', bookingId: b.id }, { kind: 'booking', bookingId: b.id }]);
  });

  it('releases the hold on expiry, then takes the nights again for a payment that still arrives, if they are free', async () => {
    const { booking: b, checkoutId } = await heldBooking(w, { conversationId: 'c-late-free', checkIn: '2028-02-10', checkOut: '2028-02-12' });
    w.clock.advanceMinutes(35);
    fake().expire(checkoutId ?? '');
    expect((await sessionEvent('checkout.session.expired', checkoutId ?? '').deliver()).body).toMatchObject({ outcome: 'released' });
    expect((await booking(b.id)).state).toBe('expired');
    expect(toldTo(w, 'c-late-free').join('\n')).toContain(`The hold on booking ${b.reference} has ended without payment`);
    // Out of order: Stripe reports the payment made just before the session closed.
    fake().sessions.get(checkoutId ?? '')!['status'] = 'open';
    fake().complete(checkoutId ?? '');
    expect((await sessionEvent('checkout.session.completed', checkoutId ?? '').deliver()).body).toMatchObject({ outcome: 'reconfirmed_late' });
    expect(await booking(b.id)).toMatchObject({ state: 'confirmed', amountPaid: dueOnline(property(), b.quote.total) });
    expect(toldTo(w, 'c-late-free').join('\n')).toContain('is confirmed');
  });

  it('refunds a payment that lands after its hold lapsed and the nights were sold, tells the guest and the staff', async () => {
    const late = await heldBooking(w, { conversationId: 'c-late-sold', checkIn: '2028-03-10', checkOut: '2028-03-12' });
    w.clock.advanceMinutes(25);
    await expireHolds(w.app.deps, CHATEAU);
    // The suite (one unit) sells to someone else, who pays.
    const other = await heldBooking(w, { conversationId: 'c-resold', checkIn: '2028-03-10', checkOut: '2028-03-12' });
    fake().complete(other.checkoutId ?? '');
    expect((await sessionEvent('checkout.session.completed', other.checkoutId ?? '').deliver()).body).toMatchObject({ outcome: 'confirmed' });

    fake().complete(late.checkoutId ?? '');
    const event = sessionEvent('checkout.session.completed', late.checkoutId ?? '');
    expect((await event.deliver()).body).toMatchObject({ outcome: 'late_refunded' });
    const pi = String(fake().sessions.get(late.checkoutId ?? '')?.['payment_intent']);
    const refunds = fake().callsTo('POST', /^\/v1\/refunds$/).filter((c) => c.params['payment_intent'] === pi);
    const paid = dueOnline(property(), late.booking.quote.total);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ params: { amount: String(paid), metadata: { bookingId: late.booking.id } }, idempotencyKey: expect.stringContaining(late.checkoutId ?? '') });
    expect(await booking(late.booking.id)).toMatchObject({ state: 'expired', amountPaid: 0 });
    expect(toldTo(w, 'c-late-sold').join('\n')).toContain("We're very sorry");
    expect(w.alerts.some((a) => a.kind === 'late_payment' && a.data['bookingId'] === late.booking.id)).toBe(true);
    // The other guest keeps the suite.
    expect((await booking(other.booking.id)).state).toBe('confirmed');

    // Delivered again under a new event id: nothing refunded twice.
    expect((await sessionEvent('checkout.session.completed', late.checkoutId ?? '').deliver()).body).toMatchObject({ outcome: 'duplicate' });
    expect(fake().callsTo('POST', /^\/v1\/refunds$/).filter((c) => c.params['payment_intent'] === pi)).toHaveLength(1);
  });

  it('refunds a payment for a booking we do not know, once, through Stripe, and still tells the staff', async () => {
    // A paid session whose booking is in no store of ours (lost, or another deployment's).
    const session = {
      id: 'cs_test_orphan',
      object: 'checkout.session',
      mode: 'payment',
      status: 'complete',
      payment_status: 'paid',
      payment_intent: 'pi_test_orphan',
      amount_total: 24_000,
      client_reference_id: 'bk_unknown',
      metadata: { bookingId: 'bk_unknown', propertyId: CHATEAU, purpose: 'booking' },
    };
    const refundsOfOrphan = () => fake().callsTo('POST', /^\/v1\/refunds$/).filter((c) => c.params['payment_intent'] === 'pi_test_orphan');
    expect(await send('checkout.session.completed', session).deliver()).toEqual({ status: 200, body: { received: true, outcome: 'unknown_refunded' } });
    expect(refundsOfOrphan()).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ amount: '24000', metadata: expect.objectContaining({ bookingId: 'bk_unknown', propertyId: CHATEAU }) }), idempotencyKey: 'refund:unknown:cs_test_orphan' }),
    ]);
    const alerts = w.alerts.filter((a) => a.data['checkoutId'] === 'cs_test_orphan');
    expect(alerts).toEqual([expect.objectContaining({ propertyId: CHATEAU, kind: 'late_payment', summary: expect.stringContaining('refunded automatically') })]);
    expect(alerts[0]?.data).toMatchObject({ bookingId: 'bk_unknown', paymentId: 'pi_test_orphan', amount: 24_000, refundId: expect.stringMatching(/^re_test_/) });

    // The same payment reported again under a new event id: Stripe is asked with the same key, so
    // it refunds once (the fake, like Stripe, replays its first answer for a repeated key).
    expect((await send('checkout.session.completed', session).deliver()).body).toMatchObject({ outcome: 'unknown_refunded' });
    expect(new Set(refundsOfOrphan().map((c) => c.idempotencyKey))).toEqual(new Set(['refund:unknown:cs_test_orphan']));
    expect([...fake().refunds.values()].filter((r) => r['payment_intent'] === 'pi_test_orphan')).toHaveLength(1);
  });

  it('leaves alone a payment for a property we do not serve: not our sale, so not ours to refund', async () => {
    const session = {
      id: 'cs_test_foreign',
      object: 'checkout.session',
      mode: 'payment',
      status: 'complete',
      payment_status: 'paid',
      payment_intent: 'pi_test_foreign',
      amount_total: 5_000,
      metadata: { bookingId: 'bk_elsewhere', propertyId: 'another-hotel', purpose: 'booking' },
    };
    expect(await send('checkout.session.completed', session).deliver()).toEqual({ status: 200, body: { received: true, outcome: 'unknown_booking' } });
    expect(fake().callsTo('POST', /^\/v1\/refunds$/).filter((c) => c.params['payment_intent'] === 'pi_test_foreign')).toEqual([]);
    expect(w.alerts.filter((a) => a.data['checkoutId'] === 'cs_test_foreign')).toEqual([expect.objectContaining({ summary: expect.stringContaining('not refunded') })]);
  });

  it('alerts the staff to refund by hand when the refund for an unknown booking is refused, and still answers 200', async () => {
    fake().failNextRefund = 'Charge ch_x has already been refunded.';
    const session = {
      id: 'cs_test_orphan_refused',
      object: 'checkout.session',
      mode: 'payment',
      status: 'complete',
      payment_status: 'paid',
      payment_intent: 'pi_test_orphan_refused',
      amount_total: 9_000,
      metadata: { bookingId: 'bk_unknown_2', propertyId: CHATEAU, purpose: 'booking' },
    };
    expect(await send('checkout.session.completed', session).deliver()).toEqual({ status: 200, body: { received: true, outcome: 'unknown_booking' } });
    expect(w.alerts.filter((a) => a.data['checkoutId'] === 'cs_test_orphan_refused')).toEqual([
      expect.objectContaining({ kind: 'other', summary: expect.stringContaining('refund it by hand'), data: expect.objectContaining({ bookingId: 'bk_unknown_2', amount: 9_000 }) }),
    ]);
  });

  it('answers 200 to event types it does not handle, and changes nothing', async () => {
    const res = await send('customer.created', { id: 'cus_1', object: 'customer' }).deliver();
    expect(res).toEqual({ status: 200, body: { received: true, ignored: 'event type customer.created not handled' } });
  });

  it('refunds a cancellation through Stripe, once, and follows what Stripe says of the refund', async () => {
    const { booking: b, checkoutId } = await heldBooking(w, { conversationId: 'c-cancel', checkIn: '2028-04-10', checkOut: '2028-04-13' });
    fake().complete(checkoutId ?? '');
    await sessionEvent('checkout.session.completed', checkoutId ?? '').deliver();
    const paid = (await booking(b.id)).amountPaid;
    const first = await cancelAndRefund(paymentDeps(), { propertyId: CHATEAU, bookingId: b.id, actor: 'guest' });
    const again = await cancelAndRefund(paymentDeps(), { propertyId: CHATEAU, bookingId: b.id, actor: 'guest' });
    expect(first.ok && first.value.refunded).toBe(paid);
    expect(again.ok && again.value.refunded).toBe(paid);
    const pi = String(fake().sessions.get(checkoutId ?? '')?.['payment_intent']);
    const calls = fake().callsTo('POST', /^\/v1\/refunds$/).filter((c) => c.params['payment_intent'] === pi);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.idempotencyKey).toBe(`refund:cancel:${b.id}:${pi}`);
    expect(await booking(b.id)).toMatchObject({ state: 'cancelled', amountPaid: 0 });

    // Stripe later reports the refund failed: the money is counted as ours again and the staff are told.
    const refund = [...fake().refunds.values()].find((r) => r['payment_intent'] === pi) ?? {};
    expect((await send('refund.failed', { ...refund, status: 'failed' }).deliver()).body).toMatchObject({ outcome: 'refund_updated' });
    expect((await booking(b.id)).amountPaid).toBe(paid);
    expect(w.alerts.some((a) => a.data['bookingId'] === b.id && /failed/.test(a.summary))).toBe(true);
  });

  it('counts a refund made in the dashboard from the charge total, once, and tells the guest', async () => {
    const { booking: b, checkoutId } = await heldBooking(w, { conversationId: 'c-dashboard', checkIn: '2028-05-10', checkOut: '2028-05-12' });
    fake().complete(checkoutId ?? '');
    await sessionEvent('checkout.session.completed', checkoutId ?? '').deliver();
    const pi = String(fake().sessions.get(checkoutId ?? '')?.['payment_intent']);
    const charge = { id: 'ch_dash', object: 'charge', payment_intent: pi, amount_refunded: 5000, metadata: {} };
    expect((await send('charge.refunded', charge).deliver()).body).toMatchObject({ outcome: 'refund_updated' });
    expect((await send('charge.refunded', charge).deliver()).body).toMatchObject({ outcome: 'duplicate' });
    expect((await booking(b.id)).amountPaid).toBe(dueOnline(property(), b.quote.total) - 5000);
    expect(toldTo(w, 'c-dashboard').join('\n')).toContain(`We have refunded €50 for booking ${b.reference}`);
  });

  it('charges the difference of a dearer date change through its own session, and refunds a cheaper one', async () => {
    const { booking: b, checkoutId } = await heldBooking(w, { conversationId: 'c-change', checkIn: '2028-08-10', checkOut: '2028-08-12' });
    fake().complete(checkoutId ?? '');
    await sessionEvent('checkout.session.completed', checkoutId ?? '').deliver();
    const move = async (checkIn: string, checkOut: string) => {
      const current = await booking(b.id);
      const quote = await previewDateChange(w.app.deps, current, { checkIn, checkOut });
      if (!quote.ok) throw new Error(quote.code);
      const moved = await changeBookingDates(w.app.deps, { propertyId: CHATEAU, bookingId: b.id, stay: { checkIn, checkOut }, expectedTotal: quote.value.total, requestId: `move-${checkIn}-${checkOut}`, actor: 'guest' });
      if (!moved.ok) throw new Error(moved.code);
      return moved.value.booking;
    };

    const longer = await move('2028-08-10', '2028-08-14');
    const owed = dueOnline(property(), longer.quote.total) - longer.amountPaid;
    expect(owed).toBeGreaterThan(0);
    const charge = await settleDateChange(paymentDeps(), longer);
    expect(charge).toMatchObject({ kind: 'charge', amount: owed });
    const sessionId = charge.kind === 'charge' ? charge.link.checkoutId ?? '' : '';
    const create = fake().callsTo('POST', /^\/v1\/checkout\/sessions$/).find((c) => c.params['client_reference_id'] === b.id && (c.params['metadata'] as Record<string, string>)['purpose'] === 'date_change');
    expect(create?.params).toMatchObject({ line_items: [{ price_data: { unit_amount: String(owed) } }] });
    expect(create?.idempotencyKey).toBe(`checkout:${b.id}:change:${b.id}:${longer.version}`);
    fake().complete(sessionId);
    expect((await sessionEvent('checkout.session.completed', sessionId).deliver()).body).toMatchObject({ outcome: 'recorded' });
    expect((await booking(b.id)).amountPaid).toBe(dueOnline(property(), longer.quote.total));

    const shorter = await move('2028-08-10', '2028-08-11');
    const back = shorter.amountPaid - dueOnline(property(), shorter.quote.total);
    const refund = await settleDateChange(paymentDeps(), shorter);
    expect(refund).toEqual({ kind: 'refund', amount: back, failed: 0 });
    // The difference's payment is given back first.
    const pi = String(fake().sessions.get(sessionId)?.['payment_intent']);
    expect(fake().callsTo('POST', /^\/v1\/refunds$/).filter((c) => c.params['payment_intent'] === pi)).toHaveLength(1);
    expect((await booking(b.id)).amountPaid).toBe(dueOnline(property(), shorter.quote.total));
    // Settling the same change again moves no money.
    expect(await settleDateChange(paymentDeps(), await booking(b.id))).toEqual({ kind: 'none' });
  });

  it('closes an unpaid difference when the dates change again, and gives back a surplus paid through it anyway', async () => {
    const { booking: b, checkoutId } = await heldBooking(w, { conversationId: 'c-rechange', checkIn: '2028-09-10', checkOut: '2028-09-12' });
    fake().complete(checkoutId ?? '');
    await sessionEvent('checkout.session.completed', checkoutId ?? '').deliver();
    const move = async (checkOut: string) => {
      const current = await booking(b.id);
      const quote = await previewDateChange(w.app.deps, current, { checkIn: '2028-09-10', checkOut });
      if (!quote.ok) throw new Error(quote.code);
      const moved = await changeBookingDates(w.app.deps, { propertyId: CHATEAU, bookingId: b.id, stay: { checkIn: '2028-09-10', checkOut }, expectedTotal: quote.value.total, requestId: `re-${checkOut}`, actor: 'guest' });
      if (!moved.ok) throw new Error(moved.code);
      return settleDateChange(paymentDeps(), moved.value.booking);
    };
    const dearer = await move('2028-09-14');
    const unpaid = dearer.kind === 'charge' ? dearer.link.checkoutId ?? '' : '';
    expect(unpaid).toMatch(/^cs_test_/);
    // Back to two nights before paying: the difference's session is expired, nothing to refund.
    expect(await move('2028-09-12')).toEqual({ kind: 'none' });
    expect(fake().sessions.get(unpaid)?.['status']).toBe('expired');
    const due = dueOnline(property(), (await booking(b.id)).quote.total);
    expect((await booking(b.id)).amountPaid).toBe(due);

    // The guest had paid it just before it closed: the surplus goes straight back.
    fake().sessions.get(unpaid)!['status'] = 'open';
    fake().complete(unpaid);
    expect((await sessionEvent('checkout.session.completed', unpaid).deliver()).body).toMatchObject({ outcome: 'recorded' });
    const pi = String(fake().sessions.get(unpaid)?.['payment_intent']);
    expect(fake().callsTo('POST', /^\/v1\/refunds$/).filter((c) => c.params['payment_intent'] === pi)).toHaveLength(1);
    expect((await booking(b.id)).amountPaid).toBe(due);
    expect(toldTo(w, 'c-rechange').join('\n')).toContain('We have refunded');
  });

  it('expires a session itself when a hold shorter than Stripe allows lapses', async () => {
    const { checkoutId } = await heldBooking(w, { conversationId: 'c-short', checkIn: '2028-06-10', checkOut: '2028-06-12' });
    expect(await closeLapsedCheckouts(paymentDeps(), CHATEAU)).not.toContain(checkoutId);
    w.clock.advanceMinutes(21);
    await expireHolds(w.app.deps, CHATEAU);
    expect(await closeLapsedCheckouts(paymentDeps(), CHATEAU)).toContain(checkoutId);
    expect(fake().callsTo('POST', new RegExp(`^/v1/checkout/sessions/${checkoutId}/expire$`))).toHaveLength(1);
    expect(fake().sessions.get(checkoutId ?? '')?.['status']).toBe('expired');
    expect(await closeLapsedCheckouts(paymentDeps(), CHATEAU)).not.toContain(checkoutId);
  });

  it('gives a stable signed link when the deadline is beyond 24 hours, opening a fresh session when the last expired', async () => {
    const { booking: b, url, checkoutId } = await heldBooking(w, { conversationId: 'c-stable', checkIn: '2028-07-10', checkOut: '2028-07-12', holdMinutes: 48 * 60 });
    expect(checkoutId).toBeUndefined();
    expect(url).toMatch(new RegExp(`^http://localhost:\\d+/pay/${CHATEAU}/${b.id}\\?sig=`));
    const follow = () => fetch(url.replace(/^http:\/\/localhost:\d+/, w.base), { redirect: 'manual' });
    const first = await follow();
    expect(first.status).toBe(303);
    const again = await follow();
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    const sessions = (await booking(b.id)).payments?.checkouts ?? [];
    expect(sessions).toHaveLength(1);
    // Each session lives at most 24 hours; the booking has 48.
    expect(Date.parse(sessions[0]?.expiresAt ?? '') - w.clock.now().getTime()).toBeLessThanOrEqual(24 * 3600_000);
    fake().expire(sessions[0]?.id ?? '');
    const fresh = await follow();
    expect(fresh.status).toBe(303);
    expect(fresh.headers.get('location')).not.toBe(first.headers.get('location'));
    expect((await booking(b.id)).payments?.checkouts).toHaveLength(2);
    // A Stripe expiry of a replaced session does not release nights the guest still has time to pay for.
    expect((await sessionEvent('checkout.session.expired', sessions[0]?.id ?? '').deliver()).body).toMatchObject({ outcome: 'kept' });
    expect((await booking(b.id)).state).toBe('awaiting_payment');
    expect((await fetch(`${w.base}/pay/${CHATEAU}/${b.id}?sig=forged`, { redirect: 'manual' })).status).toBe(404);
    // Stripe down while a fresh session is needed: a 503 page, nothing recorded, the next visit works.
    fake().expire((await booking(b.id)).payments?.checkouts.at(-1)?.id ?? '');
    fake().failNextSession = true;
    expect((await follow()).status).toBe(503);
    expect((await booking(b.id)).payments?.checkouts).toHaveLength(2);
    // Stripe replays a failed answer for the same idempotency key; the key moves with the 5-minute expiry step.
    expect((await follow()).status).toBe(503);
    w.clock.advanceMinutes(5);
    expect((await follow()).status).toBe(303);
    expect((await booking(b.id)).payments?.checkouts).toHaveLength(3);
  });
});
