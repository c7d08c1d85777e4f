import type { Booking } from '../bookings/booking';
import type { RefundCause, RefundRecord } from '../bookings/payment-record';
import { paymentsOf, updateBookingWith } from '../payments/booking-writes';
import type { MoneyDeps } from '../payments/deps';
import { planRefund } from '../payments/refund-plan';

export interface RefundOutcome {
  /** Refunded or on its way, minor units. */
  refunded: number;
  /** Asked but refused by the provider: the staff must see to it. */
  failed: number;
  booking: Booking | null;
}

/**
 * Gives `amount` back through the provider. Each slice is written down first (pending, with
 * `amountPaid` lowered), then asked of the provider under the same idempotency key: a webhook
 * about the refund that arrives before our answer finds it, and repeating the call (same
 * `keyBase`) never refunds twice.
 */
export async function refundBooking(
  deps: MoneyDeps,
  req: { propertyId: string; bookingId: string; amount: number; cause: RefundCause; keyBase: string },
): Promise<RefundOutcome> {
  const outcome: RefundOutcome = { refunded: 0, failed: 0, booking: await deps.store.getBooking(req.propertyId, req.bookingId) };
  if (!outcome.booking) return outcome;

  // Keys already used by an earlier attempt of the same refund: their slices are not planned again.
  const prefix = `${req.keyBase}:`;
  const done = paymentsOf(outcome.booking).refunds.filter((r) => r.key.startsWith(prefix));
  const alreadyAsked = done.filter((r) => r.status !== 'failed').reduce((n, r) => n + r.amount, 0);
  outcome.refunded = alreadyAsked;
  const slices = planRefund(paymentsOf(outcome.booking), req.amount - alreadyAsked);

  for (const slice of slices) {
    const key = `${req.keyBase}:${slice.paymentId}`;
    const at = deps.clock.now().toISOString();
    const record: RefundRecord = { key, providerId: null, paymentId: slice.paymentId, amount: slice.amount, cause: req.cause, status: 'pending', at };
    const recorded = await updateBookingWith(deps, req.propertyId, req.bookingId, (b) => {
      const p = paymentsOf(b);
      if (p.refunds.some((r) => r.key === key)) return null;
      return { ...b, amountPaid: Math.max(0, b.amountPaid - slice.amount), payments: { ...p, refunds: [...p.refunds, record] } };
    });
    if (!recorded) break;
    const answer = await deps.payments.refund({ booking: recorded, paymentId: slice.paymentId, amount: slice.amount, key });
    outcome.booking = await updateBookingWith(deps, req.propertyId, req.bookingId, (b) => {
      const p = paymentsOf(b);
      const mine = p.refunds.find((r) => r.key === key);
      if (!mine) return null;
      const failed = !answer.ok;
      const updated: RefundRecord = answer.ok
        ? { ...mine, providerId: answer.value.providerId, status: mine.status === 'succeeded' ? 'succeeded' : answer.value.status }
        : { ...mine, status: 'failed' };
      return {
        ...b,
        // A refused refund leaves the money with us: count it as paid again.
        amountPaid: failed && mine.status !== 'failed' ? b.amountPaid + mine.amount : b.amountPaid,
        payments: { ...p, refunds: p.refunds.map((r) => (r.key === key ? updated : r)) },
      };
    });
    if (answer.ok) outcome.refunded += slice.amount;
    else {
      outcome.failed += slice.amount;
      await deps.notifier.notify({
        propertyId: req.propertyId,
        kind: 'other',
        summary: `Refund of ${slice.amount} (minor units) failed for booking ${recorded.reference}: refund it by hand`,
        data: { bookingId: req.bookingId, reference: recorded.reference, paymentId: slice.paymentId, amount: slice.amount, cause: req.cause },
        at: deps.clock.now().toISOString(),
      });
    }
  }
  return outcome;
}
