import type { Booking } from '../bookings/booking';
import { NO_PAYMENTS, type BookingPayments } from '../bookings/payment-record';
import type { UseCaseDeps } from '../usecases/deps';

export const paymentsOf = (booking: Booking): BookingPayments => booking.payments ?? NO_PAYMENTS;

/**
 * Applies `change` to the freshest copy of a booking and saves it, again on a concurrent write.
 * `change` sees the stored booking each time, so a decision (is this receipt new?) is taken on
 * what is really there; returning null means there is nothing to do.
 */
export async function updateBookingWith(
  deps: UseCaseDeps,
  propertyId: string,
  bookingId: string,
  change: (booking: Booking) => Booking | null,
): Promise<Booking | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await deps.store.getBooking(propertyId, bookingId);
    if (!current) return null;
    const next = change(current);
    if (!next) return current;
    const saved = await deps.store.updateBooking({ ...next, version: current.version + 1, updatedAt: deps.clock.now().toISOString() });
    if (saved.ok) return saved.value;
  }
  throw new Error(`booking ${bookingId} kept changing under a payment update`);
}
