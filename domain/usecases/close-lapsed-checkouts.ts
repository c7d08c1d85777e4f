import type { Booking } from '../bookings/booking';
import { isPayable } from '../bookings/unpaid';
import { paymentsOf, updateBookingWith } from '../payments/booking-writes';
import type { PaymentDeps } from '../payments/deps';

/**
 * Closes the open checkouts of bookings that can no longer be paid for: the hold lapsed (the
 * provider keeps a session open at least 30 minutes, longer than a short hold) or the booking
 * was cancelled. Money is then never taken for nights we let go. Returns the checkouts closed.
 */
export async function closeLapsedCheckouts(deps: PaymentDeps, propertyId: string, bookings?: readonly Booking[]): Promise<string[]> {
  const now = deps.clock.now().getTime();
  const closed: string[] = [];
  for (const booking of bookings ?? (await deps.store.listBookings(propertyId))) {
    const open = paymentsOf(booking).checkouts.filter((c) => c.open && c.purpose === 'booking');
    if (!open.length) continue;
    const stillPayable = isPayable(booking.state) && Date.parse(booking.holdExpiresAt) > now;
    if (stillPayable || booking.state === 'confirmed') continue;
    for (const checkout of open) {
      await deps.payments.closeCheckout(booking, checkout.id);
      closed.push(checkout.id);
    }
    const ids = new Set(open.map((c) => c.id));
    await updateBookingWith(deps, propertyId, booking.id, (b) => {
      const p = paymentsOf(b);
      return { ...b, payments: { ...p, checkouts: p.checkouts.map((c) => (ids.has(c.id) ? { ...c, open: false } : c)) } };
    });
  }
  return closed;
}
