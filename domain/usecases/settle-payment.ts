import type { Booking } from '../bookings/booking';
import type { ReceiptRecord } from '../bookings/payment-record';
import { isPayable } from '../bookings/unpaid';
import { nightsOf } from '../calendar/nights';
import { unitsOfType } from '../catalog/catalog';
import { paymentsOf, updateBookingWith } from '../payments/booking-writes';
import type { PaymentDeps } from '../payments/deps';
import type { PaymentEvent } from '../payments/payment-event';
import { dueOnline } from '../payments/payment-policy';
import { confirmBooking } from './confirm-booking';
import { recordTransition } from './record-transition';
import { refundBooking } from './refund-booking';

/** What an event did, for the log and the tests. Every outcome is final: the event may be acknowledged. */
export type SettleOutcome =
  | 'confirmed'
  | 'reconfirmed_late'
  | 'late_refunded'
  | 'late_guarantee_dropped'
  | 'refunded_unwanted'
  | 'recorded'
  | 'duplicate'
  | 'released'
  | 'kept'
  | 'refund_updated'
  /** Money for a booking we have no record of, sent back at once. */
  | 'unknown_refunded'
  | 'unknown_booking';

/**
 * Applies one provider event to its booking. Safe to repeat and in any order: a checkout's money
 * counts once (its id is the receipt's key), a confirmed booking is never released, and money
 * that arrives for nights we can no longer give goes back at once.
 */
export async function applyPaymentEvent(deps: PaymentDeps, event: PaymentEvent): Promise<SettleOutcome> {
  switch (event.kind) {
    case 'checkout_completed':
      return settleCheckout(deps, event);
    case 'checkout_expired':
    case 'checkout_abandoned':
      return checkoutClosed(deps, event);
    case 'refunded_total':
      return refundedTotal(deps, event);
    case 'refund_status':
      return refundStatus(deps, event);
  }
}

type Completed = Extract<PaymentEvent, { kind: 'checkout_completed' }>;

function receiptOf(deps: PaymentDeps, e: Completed): ReceiptRecord {
  return { checkoutId: e.checkoutId, paymentId: e.paymentId, purpose: e.purpose, amount: e.amount, at: deps.clock.now().toISOString() };
}

/** The booking with this receipt added and its checkout closed; amountPaid raised by the amount. */
function withReceipt(b: Booking, receipt: ReceiptRecord): Booking {
  const p = paymentsOf(b);
  return {
    ...b,
    amountPaid: b.amountPaid + receipt.amount,
    payments: {
      ...p,
      checkouts: p.checkouts.map((c) => (c.id === receipt.checkoutId ? { ...c, open: false } : c)),
      receipts: [...p.receipts, receipt],
    },
  };
}

const hasReceipt = (b: Booking, checkoutId: string) => paymentsOf(b).receipts.some((r) => r.checkoutId === checkoutId);

async function settleCheckout(deps: PaymentDeps, e: Completed): Promise<SettleOutcome> {
  // A concurrent writer (the same event delivered twice at once, the sweeper) restarts the decision.
  for (let attempt = 0; attempt < 4; attempt++) {
    const booking = await deps.store.getBooking(e.propertyId, e.bookingId);
    if (!booking) return refundUnknown(deps, e);
    if (hasReceipt(booking, e.checkoutId)) return 'duplicate';
    const receipt = receiptOf(deps, e);

    if (e.purpose === 'date_change' && booking.state === 'confirmed') {
      const saved = await deps.store.updateBooking(bump(deps, withReceipt(booking, receipt)));
      if (!saved.ok) continue;
      await refundExcess(deps, saved.value, e.checkoutId);
      return 'recorded';
    }
    if (booking.state === 'confirmed' || booking.state === 'cancelled') {
      // Paid twice (two links), or paid for a booking that was cancelled meanwhile: nothing to sell for it.
      const kept = await deps.store.updateBooking(bump(deps, withReceipt(booking, receipt)));
      if (!kept.ok) continue;
      await giveBack(deps, kept.value, e, booking.state === 'cancelled' ? 'cancellation' : 'duplicate_payment');
      return 'refunded_unwanted';
    }
    if (isPayable(booking.state)) {
      const done = await confirmBooking(deps, { propertyId: booking.propertyId, bookingId: booking.id, actor: 'payment', reason: `paid through checkout ${e.checkoutId}`, patch: (b) => withReceipt(b, receipt) });
      if (done.ok) {
        // Confirmed by another payment meanwhile: decide again from the stored booking.
        if (!hasReceipt(done.value, e.checkoutId)) continue;
        await tellConfirmed(deps, done.value);
        return 'confirmed';
      }
      // Only a lapsed hold is settled late below; any other refusal means the booking moved.
      if (done.code !== 'hold_expired' && done.code !== 'hold_not_found') continue;
    }
    if (booking.state === 'requested') {
      // Still waiting for the staff's answer: no link was given, so this money is not for a stay yet.
      const kept = await deps.store.updateBooking(bump(deps, withReceipt(booking, receipt)));
      if (!kept.ok) continue;
      await giveBack(deps, kept.value, e, 'duplicate_payment');
      return 'refunded_unwanted';
    }
    // The hold lapsed before the money came (or the booking was declined): the nights may be gone.
    const late = await settleLate(deps, booking, e, receipt);
    if (late !== 'retry') return late;
  }
  throw new Error(`booking ${e.bookingId} kept changing while checkout ${e.checkoutId} was settled`);
}

/**
 * Money for a booking we have no record of: there is no room we can give for it, so it goes
 * back at once, and the staff are told either way. With no booking to note the refund on, the
 * provider's idempotency key, made from the checkout id, is what keeps a repeated event (a
 * new event id, a replay after the dedup window) from refunding twice.
 */
async function refundUnknown(deps: PaymentDeps, e: Completed): Promise<SettleOutcome> {
  const ids = { bookingId: e.bookingId, checkoutId: e.checkoutId, paymentId: e.paymentId, amount: e.amount };
  if (e.guarantee || e.amount <= 0 || e.paymentId === null) {
    // A card saved, no money taken: nothing to give back.
    await alert(deps, e.propertyId, 'late_payment', `Checkout ${e.checkoutId} completed for unknown booking ${e.bookingId}, nothing charged: check it in the payment dashboard`, ids);
    return 'unknown_booking';
  }
  if (!deps.catalog.get(e.propertyId)) {
    // Not a property we serve: the sale is not ours (another system on the same Stripe
    // account receives the same events), so it is not ours to refund either.
    await alert(deps, e.propertyId, 'late_payment', `Payment for unknown booking ${e.bookingId} of a property we do not serve: not refunded, check it in the payment dashboard`, ids);
    return 'unknown_booking';
  }
  const answer = await deps.payments.refund({
    booking: { id: e.bookingId, propertyId: e.propertyId, reference: null },
    paymentId: e.paymentId,
    amount: e.amount,
    key: `unknown:${e.checkoutId}`,
  });
  if (answer.ok) {
    await alert(deps, e.propertyId, 'late_payment', `Payment for unknown booking ${e.bookingId}: refunded automatically`, { ...ids, refundId: answer.value.providerId });
    return 'unknown_refunded';
  }
  await alert(deps, e.propertyId, 'other', `Payment for unknown booking ${e.bookingId} could not be refunded automatically: refund it by hand`, { ...ids, reason: answer.detail?.reason ?? null });
  return 'unknown_booking';
}

/** Takes the same kind of room for the same nights again if one is free; otherwise refunds everything. */
async function settleLate(deps: PaymentDeps, booking: Booking, e: Completed, receipt: ReceiptRecord): Promise<SettleOutcome | 'retry'> {
  const property = deps.catalog.get(booking.propertyId);
  const now = deps.clock.now().getTime();
  const units = property ? unitsOfType(property, booking.unitTypeId).map((u) => u.id) : [];
  const promo = booking.quote.promotion;
  const promoDef = promo ? property?.pricing.promotions.find((p) => p.id === promo.promotionId) : undefined;
  const holdId = deps.ids.id();
  const held = units.length && booking.state !== 'declined'
    ? await deps.store.hold({
        propertyId: booking.propertyId,
        holdId,
        // One checkout claims once, however often its event is delivered.
        requestId: `late:${e.checkoutId}`,
        candidateUnitIds: [booking.unitId, ...units.filter((u) => u !== booking.unitId)],
        nights: nightsOf(booking.stay),
        now,
        expiresAt: now + 5 * 60_000,
        promo: promo && promoDef ? { promotionId: promo.promotionId, nights: promo.nights, quota: promoDef.quotaNights } : undefined,
      })
    : null;
  if (held?.ok) {
    const claimed = await deps.store.confirmHold({ propertyId: booking.propertyId, holdId: held.value.holdId, bookingId: booking.id, now });
    if (claimed.ok) {
      const done = await recordTransition(deps, booking, 'confirmed', 'payment', `paid after the hold lapsed, nights taken again (checkout ${e.checkoutId})`, (b) =>
        withReceipt({ ...b, holdId: held.value.holdId, unitId: claimed.value.unitId }, receipt),
      );
      if (done.ok && hasReceipt(done.value, e.checkoutId)) {
        await tellConfirmed(deps, done.value);
        return 'reconfirmed_late';
      }
      // The booking changed under us: give the claim back and decide again from the stored state.
      await deps.store.releaseHold(booking.propertyId, held.value.holdId);
      return 'retry';
    }
  }

  // Sold meanwhile: keep the receipt (so a repeat counts nothing), mark the booking expired, refund all.
  const expired = booking.state === 'expired' || booking.state === 'declined'
    ? await updateBookingWith(deps, booking.propertyId, booking.id, (b) => (hasReceipt(b, e.checkoutId) ? null : withReceipt(b, receipt)))
    : await recordTransition(deps, booking, 'expired', 'payment', 'paid after the hold lapsed; nights sold meanwhile', (b) => withReceipt(b, receipt)).then((r) => (r.ok ? r.value : null));
  if (!expired || !hasReceipt(expired, e.checkoutId)) return 'retry';
  await alert(deps, booking.propertyId, 'late_payment', `Payment for ${booking.reference} arrived after its hold lapsed and the nights were sold: refunded automatically`, {
    bookingId: booking.id,
    reference: booking.reference,
    checkIn: booking.stay.checkIn,
    checkOut: booking.stay.checkOut,
    amount: e.amount,
  });
  if (e.guarantee || e.amount === 0) {
    await deps.messenger.tell({ kind: 'hold_expired', booking: expired });
    return 'late_guarantee_dropped';
  }
  const refund = await refundBooking(deps, { propertyId: booking.propertyId, bookingId: booking.id, amount: e.amount, cause: 'late_payment', keyBase: `late:${e.checkoutId}` });
  await deps.messenger.tell({ kind: 'late_payment_refunded', booking: refund.booking ?? expired, amount: refund.refunded });
  return 'late_refunded';
}

/**
 * A difference paid after the dates changed again (to cheaper ones) leaves more paid than the
 * policy asks: the surplus goes back at once.
 */
async function refundExcess(deps: PaymentDeps, booking: Booking, checkoutId: string): Promise<void> {
  const property = deps.catalog.get(booking.propertyId);
  const excess = property ? booking.amountPaid - dueOnline(property, booking.quote.total) : 0;
  if (excess <= 0) return;
  const refund = await refundBooking(deps, { propertyId: booking.propertyId, bookingId: booking.id, amount: excess, cause: 'date_change', keyBase: `excess:${checkoutId}` });
  if (refund.refunded > 0) await deps.messenger.tell({ kind: 'refund_issued', booking: refund.booking ?? booking, amount: refund.refunded, cause: 'date_change' });
}

async function giveBack(deps: PaymentDeps, booking: Booking, e: Completed, cause: 'cancellation' | 'duplicate_payment'): Promise<void> {
  await alert(deps, booking.propertyId, 'late_payment', `Unexpected payment for ${booking.reference} (${booking.state}): refunded automatically`, {
    bookingId: booking.id,
    reference: booking.reference,
    checkoutId: e.checkoutId,
    amount: e.amount,
  });
  if (e.amount === 0) return;
  const refund = await refundBooking(deps, { propertyId: booking.propertyId, bookingId: booking.id, amount: e.amount, cause, keyBase: `unwanted:${e.checkoutId}` });
  if (refund.refunded > 0) await deps.messenger.tell({ kind: 'refund_issued', booking: refund.booking ?? booking, amount: refund.refunded, cause: cause === 'cancellation' ? 'cancellation' : 'staff' });
}

async function tellConfirmed(deps: PaymentDeps, booking: Booking): Promise<void> {
  await deps.messenger.tell({ kind: 'booking_confirmed', booking, calendarUrl: deps.calendarUrl(booking) });
}

type Closed = Extract<PaymentEvent, { kind: 'checkout_expired' | 'checkout_abandoned' }>;

/**
 * A checkout that can no longer take money. The hold goes only if its deadline has passed (or the
 * guest walked away): a checkout replaced by a fresh one, under a deadline longer than the
 * provider allows, must not release nights the guest still has time to pay for.
 */
async function checkoutClosed(deps: PaymentDeps, e: Closed): Promise<SettleOutcome> {
  const booking = await updateBookingWith(deps, e.propertyId, e.bookingId, (b) => {
    const p = paymentsOf(b);
    if (!p.checkouts.some((c) => c.id === e.checkoutId && c.open)) return null;
    return { ...b, payments: { ...p, checkouts: p.checkouts.map((c) => (c.id === e.checkoutId ? { ...c, open: false } : c)) } };
  });
  if (!booking) return 'unknown_booking';
  const lapsed = Date.parse(booking.holdExpiresAt) <= deps.clock.now().getTime();
  const abandoned = e.kind === 'checkout_abandoned';
  if (!isPayable(booking.state) || (!lapsed && !abandoned) || hasReceipt(booking, e.checkoutId)) return 'kept';
  const to = abandoned ? 'cancelled' : 'expired';
  const moved = await recordTransition(deps, booking, to, abandoned ? 'guest' : 'payment', abandoned ? `checkout ${e.checkoutId} abandoned` : `checkout ${e.checkoutId} expired`);
  if (!moved.ok) return 'kept';
  await deps.store.releaseHold(booking.propertyId, booking.holdId);
  // A guest who left the checkout themselves knows; one whose time ran out is told the room is free again.
  if (!abandoned) await deps.messenger.tell({ kind: 'hold_expired', booking: moved.value });
  return 'released';
}

type Total = Extract<PaymentEvent, { kind: 'refunded_total' }>;

/**
 * The provider's total refunded on one payment. What it exceeds our own records by was refunded
 * elsewhere (the dashboard): written down once, keyed by that total, and the guest is told.
 */
async function refundedTotal(deps: PaymentDeps, e: Total): Promise<SettleOutcome> {
  let extra = 0;
  const booking = await updateBookingWith(deps, e.propertyId, e.bookingId, (b) => {
    const p = paymentsOf(b);
    const known = p.refunds.filter((r) => r.paymentId === e.paymentId && r.status !== 'failed').reduce((n, r) => n + r.amount, 0);
    extra = e.totalRefunded - known;
    if (extra <= 0) return null;
    const record = { key: `external:${e.chargeId}:${e.totalRefunded}`, providerId: null, paymentId: e.paymentId, amount: extra, cause: 'staff' as const, status: 'succeeded' as const, at: deps.clock.now().toISOString() };
    return { ...b, amountPaid: Math.max(0, b.amountPaid - extra), payments: { ...p, refunds: [...p.refunds, record] } };
  });
  if (!booking) return 'unknown_booking';
  if (extra <= 0) return 'duplicate';
  await deps.messenger.tell({ kind: 'refund_issued', booking, amount: extra, cause: 'staff' });
  return 'refund_updated';
}

type Status = Extract<PaymentEvent, { kind: 'refund_status' }>;

/** News about a refund we asked for. A failure puts the money back on the booking and alerts the staff. */
async function refundStatus(deps: PaymentDeps, e: Status): Promise<SettleOutcome> {
  let failedNow: number | null = null;
  const booking = await updateBookingWith(deps, e.propertyId, e.bookingId, (b) => {
    failedNow = null;
    const p = paymentsOf(b);
    const mine = p.refunds.find((r) => r.providerId === e.providerId || (e.key !== null && r.key === e.key));
    // A refund made elsewhere is counted by its charge's total (refundedTotal), not here.
    if (!mine || mine.status === 'failed' || (mine.status === e.status && mine.providerId === e.providerId)) return null;
    if (mine.status === 'succeeded' && e.status === 'pending') return null;
    if (e.status === 'failed') failedNow = mine.amount;
    const updated = { ...mine, providerId: e.providerId, status: e.status };
    return {
      ...b,
      amountPaid: e.status === 'failed' ? b.amountPaid + mine.amount : b.amountPaid,
      payments: { ...p, refunds: p.refunds.map((r) => (r === mine ? updated : r)) },
    };
  });
  if (!booking) return 'unknown_booking';
  if (failedNow !== null) {
    await alert(deps, booking.propertyId, 'other', `Refund ${e.providerId} for ${booking.reference} failed: refund it by hand`, { bookingId: booking.id, reference: booking.reference, amount: failedNow });
  }
  return 'refund_updated';
}

function bump(deps: PaymentDeps, b: Booking): Booking {
  return { ...b, version: b.version + 1, updatedAt: deps.clock.now().toISOString() };
}

async function alert(deps: PaymentDeps, propertyId: string, kind: 'late_payment' | 'other', summary: string, data: Record<string, string | number | boolean | null>): Promise<void> {
  await deps.notifier.notify({ propertyId, kind, summary, data, at: deps.clock.now().toISOString() });
}
