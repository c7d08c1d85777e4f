import { approveRequest, declineRequest } from '../../../domain/usecases/answer-request';
import { confirmBooking } from '../../../domain/usecases/confirm-booking';
import { expireHolds } from '../../../domain/usecases/expire-holds';
import { placeHold } from '../../../domain/usecases/place-hold';
import { awaitPayment } from '../../../domain/usecases/await-payment';
import { endPaymentWindow, lapseRequest, scheduleOpenDeadlines } from '../../../domain/usecases/request-deadlines';
import { at, makeRequest, nightsFree, PROPERTY, requestSetup, STAY, type TestRequestDeps } from './request-fakes';

const staff = (deps: TestRequestDeps, bookingId: string, reason?: string) => ({ propertyId: PROPERTY, bookingId, actor: 'staff:api', ...(reason ? { reason } : {}) });

async function stateOf(deps: TestRequestDeps, bookingId: string): Promise<string | undefined> {
  return (await deps.store.getBooking(PROPERTY, bookingId))?.state;
}

describe('request-to-book: staff answers', () => {
  it('approves: 48 hours to pay from the approval, a payment link told to the guest, the nights still held', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    deps.clock.set(at(30));

    const approved = await approveRequest(deps, staff(deps, request.id));
    if (!approved.ok) throw new Error(approved.code);
    expect(approved.value.booking.state).toBe('approved');
    expect(approved.value.booking.holdExpiresAt).toBe(at(30 + 48));
    expect(approved.value.booking.history.at(-1)).toMatchObject({ from: 'requested', to: 'approved', actor: 'staff:api' });
    // The link expires with the payment window, and the guest hears about it once.
    expect(deps.payments.checkouts.map((b) => b.holdExpiresAt)).toEqual([at(78)]);
    expect(approved.value.checkout.expiresAt).toBe(at(78));
    expect(deps.messenger.told).toEqual([{ kind: 'request_approved', booking: approved.value.booking, checkout: approved.value.checkout }]);
    // The request's lapse was set when it was made; the approval sets the payment window.
    expect(deps.timers.scheduled).toEqual([
      { kind: 'request_lapse', propertyId: PROPERTY, bookingId: request.id, at: at(72) },
      { kind: 'payment_window', propertyId: PROPERTY, bookingId: request.id, at: at(78) },
    ]);
    expect(await nightsFree(deps, request)).toBe(false);

    // Paying within the window confirms on the request's own hold.
    deps.clock.set(at(77));
    const paid = await confirmBooking(deps, { propertyId: PROPERTY, bookingId: request.id, actor: 'payment' });
    expect(paid.ok && paid.value.state).toBe('confirmed');
  });

  it('keeps the payment window inside the nights hold, however late the approval', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    // The hold covers 3 days to answer plus 48 hours to pay.
    expect(request.holdExpiresAt).toBe(at(72 + 48));
    deps.clock.set(at(72, -1));
    const approved = await approveRequest(deps, staff(deps, request.id));
    expect(approved.ok && approved.value.booking.holdExpiresAt).toBe(at(120, -1));
    deps.clock.set(at(120, -2));
    expect(await nightsFree(deps, request)).toBe(false);
  });

  it('declines: the nights are free again, the guest is told, and a second answer is refused with the state', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    const declined = await declineRequest(deps, staff(deps, request.id, 'closed for works'));
    if (!declined.ok) throw new Error(declined.code);
    expect(declined.value.booking.state).toBe('declined');
    expect(declined.value.booking.history.at(-1)).toMatchObject({ to: 'declined', reason: 'closed for works' });
    expect(await nightsFree(deps, request)).toBe(true);
    expect(deps.messenger.told.map((n) => n.kind)).toEqual(['request_declined']);

    expect(await declineRequest(deps, staff(deps, request.id))).toEqual({ ok: false, code: 'already_answered', detail: { state: 'declined' } });
    expect(await approveRequest(deps, staff(deps, request.id))).toEqual({ ok: false, code: 'already_answered', detail: { state: 'declined' } });
    expect(deps.payments.checkouts).toHaveLength(0);
    expect(deps.messenger.told).toHaveLength(1);
  });

  it('refuses what is not a request, and an unknown booking', async () => {
    const deps = requestSetup();
    const held = await placeHold(deps, { propertyId: PROPERTY, unitTypeId: 'double', ratePlanId: 'flex', stay: STAY, party: { adults: 2, children: 0 }, channel: 'direct', source: 'webchat', requestId: 'instant', guestId: null, actor: 'guest' });
    if (!held.ok) throw new Error(held.code);
    await awaitPayment(deps, { propertyId: PROPERTY, bookingId: held.value.id, actor: 'system' });
    expect(await approveRequest(deps, staff(deps, held.value.id))).toEqual({ ok: false, code: 'not_a_request', detail: { state: 'awaiting_payment' } });
    expect(await declineRequest(deps, staff(deps, 'nope'))).toEqual({ ok: false, code: 'booking_not_found' });
  });

  it('leaves the request open when the payment provider fails, so the staff can try again', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    deps.payments.failing = true;
    expect(await approveRequest(deps, staff(deps, request.id))).toEqual({ ok: false, code: 'payment_unavailable', detail: { state: 'requested' } });
    expect(await stateOf(deps, request.id)).toBe('requested');
    expect(deps.messenger.told).toEqual([]);
    deps.payments.failing = false;
    expect((await approveRequest(deps, staff(deps, request.id))).ok).toBe(true);
  });
});

describe('request-to-book: deadlines under a fake clock', () => {
  it('lapses a request at exactly 3 days, not a millisecond before: nights back, guest told once', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);

    deps.clock.set(at(72, -1));
    expect(await lapseRequest(deps, PROPERTY, request.id)).toEqual({ kind: 'not_due', at: new Date(at(72)) });
    expect(await nightsFree(deps, request)).toBe(false);

    deps.clock.set(at(72));
    const lapsed = await lapseRequest(deps, PROPERTY, request.id);
    expect(lapsed.kind).toBe('expired');
    expect(await stateOf(deps, request.id)).toBe('expired');
    expect(await nightsFree(deps, request)).toBe(true);
    expect(deps.messenger.told.map((n) => n.kind)).toEqual(['request_lapsed']);

    // A repeated timer does nothing; a staff answer now says "already lapsed".
    expect(await lapseRequest(deps, PROPERTY, request.id)).toEqual({ kind: 'moved_on', state: 'expired' });
    expect(await approveRequest(deps, staff(deps, request.id))).toEqual({ ok: false, code: 'request_lapsed', detail: { state: 'expired' } });
    expect(await declineRequest(deps, staff(deps, request.id))).toEqual({ ok: false, code: 'request_lapsed', detail: { state: 'expired' } });
    expect(deps.messenger.told).toHaveLength(1);
  });

  it('tells the staff, once and with ids only, that a request lapsed unanswered', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    deps.clock.set(at(72, -1));
    await lapseRequest(deps, PROPERTY, request.id);
    expect(deps.notifier.alerts).toEqual([]);

    deps.clock.set(at(72));
    await lapseRequest(deps, PROPERTY, request.id);
    expect(deps.notifier.alerts).toEqual([
      {
        propertyId: PROPERTY,
        kind: 'booking_request',
        summary: `Booking request ${request.reference} lapsed unanswered: the nights are free again`,
        data: { bookingId: request.id, reference: request.reference, outcome: 'lapsed', guestNotice: 'sent' },
        at: at(72),
      },
    ]);
    // A repeated timer, and a staff answer arriving too late, alert nobody again.
    await lapseRequest(deps, PROPERTY, request.id);
    await approveRequest(deps, staff(deps, request.id));
    expect(deps.notifier.alerts).toHaveLength(1);
  });

  it('lapses a request even when the staff alert cannot be sent', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    deps.notifier.failing = true;
    deps.clock.set(at(72));
    expect((await lapseRequest(deps, PROPERTY, request.id)).kind).toBe('expired');
    expect(await nightsFree(deps, request)).toBe(true);
    expect(deps.messenger.told.map((n) => n.kind)).toEqual(['request_lapsed']);
  });

  it('ends an unpaid payment window at its deadline: expired, nights back, hold_expired told', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    deps.clock.set(at(10));
    await approveRequest(deps, staff(deps, request.id));

    deps.clock.set(at(58, -1));
    expect(await endPaymentWindow(deps, PROPERTY, request.id)).toEqual({ kind: 'not_due', at: new Date(at(58)) });
    // The hold sweeper leaves accepted requests to their own timer.
    expect((await expireHolds(deps, PROPERTY)).expired).toEqual([]);
    deps.clock.set(at(58));
    expect((await expireHolds(deps, PROPERTY)).expired).toEqual([]);
    const ended = await endPaymentWindow(deps, PROPERTY, request.id);
    expect(ended.kind).toBe('expired');
    expect(await nightsFree(deps, request)).toBe(true);
    expect(deps.messenger.told.map((n) => n.kind)).toEqual(['request_approved', 'hold_expired']);
    // The staff answered this one; the guest not paying is no news for them.
    expect(deps.notifier.alerts).toEqual([]);
    expect(await endPaymentWindow(deps, PROPERTY, request.id)).toEqual({ kind: 'moved_on', state: 'expired' });
  });

  it('leaves a paid booking alone when its payment window timer fires', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    await approveRequest(deps, staff(deps, request.id));
    await confirmBooking(deps, { propertyId: PROPERTY, bookingId: request.id, actor: 'payment' });
    deps.clock.set(at(49));
    expect(await endPaymentWindow(deps, PROPERTY, request.id)).toEqual({ kind: 'moved_on', state: 'confirmed' });
    expect(await nightsFree(deps, request)).toBe(false);
    // A lapse timer left over from before the answer does nothing either.
    deps.clock.set(at(73));
    expect(await lapseRequest(deps, PROPERTY, request.id)).toEqual({ kind: 'moved_on', state: 'confirmed' });
  });

  it('finds every waiting deadline in the store, to schedule them again after a restart', async () => {
    const deps = requestSetup();
    const waiting = await makeRequest(deps, 'suite');
    const accepted = await makeRequest(deps, 'double');
    const declined = await makeRequest(deps, 'double');
    await approveRequest(deps, staff(deps, accepted.id));
    await declineRequest(deps, staff(deps, declined.id));
    deps.timers.scheduled.length = 0;
    expect(await scheduleOpenDeadlines(deps)).toBe(2);
    expect(deps.timers.scheduled).toEqual(
      expect.arrayContaining([
        { kind: 'request_lapse', propertyId: PROPERTY, bookingId: waiting.id, at: at(72) },
        { kind: 'payment_window', propertyId: PROPERTY, bookingId: accepted.id, at: at(48) },
      ]),
    );
  });
});

describe('request-to-book: races', () => {
  it('approve and lapse at the same instant: the lapse wins, once, and the approval says so', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    deps.clock.set(at(72));
    const [approved, lapsed] = await Promise.all([approveRequest(deps, staff(deps, request.id)), lapseRequest(deps, PROPERTY, request.id)]);
    expect(approved).toEqual({ ok: false, code: 'request_lapsed', detail: { state: 'expired' } });
    expect(['expired', 'moved_on']).toContain(lapsed.kind);
    const booking = await deps.store.getBooking(PROPERTY, request.id);
    expect(booking?.history.map((t) => t.to)).toEqual(['held', 'requested', 'expired']);
    expect(deps.messenger.told.map((n) => n.kind)).toEqual(['request_lapsed']);
    expect(deps.notifier.alerts.map((a) => a.data.outcome)).toEqual(['lapsed']);
    expect(deps.payments.checkouts).toHaveLength(0);
    expect(await nightsFree(deps, request)).toBe(true);
  });

  it('approve a millisecond before the lapse: the approval wins and the lapse timer finds it answered', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    deps.clock.set(at(72, -1));
    const [approved, lapsed] = await Promise.all([approveRequest(deps, staff(deps, request.id)), lapseRequest(deps, PROPERTY, request.id)]);
    expect(approved.ok).toBe(true);
    expect(lapsed.kind).toBe('not_due');
    deps.clock.set(at(72));
    expect(await lapseRequest(deps, PROPERTY, request.id)).toEqual({ kind: 'moved_on', state: 'approved' });
    expect(deps.messenger.told.map((n) => n.kind)).toEqual(['request_approved']);
  });

  it('a lapse working from a stale read never expires an approval that landed meanwhile', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    const stale = await deps.store.getBooking(PROPERTY, request.id);
    deps.clock.set(at(72, -1));
    expect((await approveRequest(deps, staff(deps, request.id))).ok).toBe(true);
    // The lapse read the booking just before the approval was written, and runs at the deadline.
    deps.clock.set(at(72));
    let reads = 0;
    const store = Object.create(deps.store) as typeof deps.store;
    store.getBooking = async (propertyId, bookingId) => (reads++ === 0 ? stale : deps.store.getBooking(propertyId, bookingId));
    expect(await lapseRequest({ ...deps, store }, PROPERTY, request.id)).toEqual({ kind: 'moved_on', state: 'approved' });
    expect(await stateOf(deps, request.id)).toBe('approved');
    expect(deps.messenger.told.map((n) => n.kind)).toEqual(['request_approved']);
    expect(await nightsFree(deps, request)).toBe(false);
  });

  it('two approvals at once: exactly one lands, one link is told, the other is "already answered"', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    const results = await Promise.all([approveRequest(deps, staff(deps, request.id)), approveRequest(deps, staff(deps, request.id))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'already_answered', detail: { state: 'approved' } }]);
    const booking = await deps.store.getBooking(PROPERTY, request.id);
    expect(booking?.history.map((t) => t.to)).toEqual(['held', 'requested', 'approved']);
    expect(deps.messenger.told.map((n) => n.kind)).toEqual(['request_approved']);
    expect(deps.timers.scheduled.filter((t) => t.kind === 'payment_window')).toHaveLength(1);
  });

  it('approve and decline at once: one answer stands, the nights follow it, the guest hears one thing', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    const [approved, declined] = await Promise.all([approveRequest(deps, staff(deps, request.id)), declineRequest(deps, staff(deps, request.id))]);
    expect([approved.ok, declined.ok].filter(Boolean)).toHaveLength(1);
    const booking = await deps.store.getBooking(PROPERTY, request.id);
    const loser = approved.ok ? declined : approved;
    expect(loser).toEqual({ ok: false, code: 'already_answered', detail: { state: booking?.state } });
    expect(deps.messenger.told).toHaveLength(1);
    expect(await nightsFree(deps, request)).toBe(booking?.state === 'declined');
  });
});
