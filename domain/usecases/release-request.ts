import type { Booking } from '../bookings/booking';
import type { UseCaseDeps } from './deps';

/**
 * Gives a request's nights back: they are held under the booking's hold until payment, and
 * owned by the booking only once confirmed; both calls are idempotent and touch only what
 * this booking still owns, so a night resold meanwhile stays sold.
 */
export async function releaseRequestNights(deps: UseCaseDeps, booking: Booking): Promise<void> {
  await deps.store.releaseHold(booking.propertyId, booking.holdId);
  await deps.store.releaseBooking(booking.propertyId, booking.id);
}
