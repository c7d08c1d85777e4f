import type { Booking } from '../bookings/booking';
import type { CheckoutLink } from '../ports';
import type { MoneyDeps } from '../payments/deps';
import { dateChangeDifference } from '../payments/payment-policy';
import { refundBooking } from './refund-booking';
import { paymentsOf, updateBookingWith } from '../payments/booking-writes';

export type DateChangeMoney =
  | { kind: 'none' }
  /** The new dates cost more: a checkout for the difference. */
  | { kind: 'charge'; amount: number; link: CheckoutLink }
  | { kind: 'refund'; amount: number; failed: number };

/**
 * After a booking moved to new dates, settles the difference under the property's policy: the
 * guest pays the extra through a checkout of its own, or gets the surplus back. The keys carry
 * the booking's version, so one change settles once even if repeated.
 */
export async function settleDateChange(deps: MoneyDeps, booking: Booking): Promise<DateChangeMoney> {
  const property = deps.catalog.get(booking.propertyId);
  if (!property) return { kind: 'none' };
  await closeEarlierDifferences(deps, booking);
  const difference = dateChangeDifference(property, booking.quote.total, booking.amountPaid);
  const key = `change:${booking.id}:${booking.version}`;
  if (difference > 0) {
    const guest = booking.guestId ? await deps.store.getGuest(booking.propertyId, booking.guestId) : null;
    const link = await deps.payments.createCheckout(booking, guest, { purpose: 'date_change', amount: difference, key });
    return { kind: 'charge', amount: difference, link };
  }
  if (difference < 0) {
    const refund = await refundBooking(deps, { propertyId: booking.propertyId, bookingId: booking.id, amount: -difference, cause: 'date_change', keyBase: key });
    return { kind: 'refund', amount: refund.refunded, failed: refund.failed };
  }
  return { kind: 'none' };
}

/** A difference still unpaid from an earlier change no longer applies: its checkout is closed. */
async function closeEarlierDifferences(deps: MoneyDeps, booking: Booking): Promise<void> {
  const open = paymentsOf(booking).checkouts.filter((c) => c.open && c.purpose === 'date_change');
  if (!open.length) return;
  for (const checkout of open) await deps.payments.closeCheckout(booking, checkout.id);
  const ids = new Set(open.map((c) => c.id));
  await updateBookingWith(deps, booking.propertyId, booking.id, (b) => {
    const p = paymentsOf(b);
    return { ...b, payments: { ...p, checkouts: p.checkouts.map((c) => (ids.has(c.id) ? { ...c, open: false } : c)) } };
  });
}
