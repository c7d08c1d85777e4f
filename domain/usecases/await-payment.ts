import type { Actor, Booking } from '../bookings/booking';
import { err, type Result } from '../result';
import type { UseCaseDeps } from './deps';
import { recordTransition } from './record-transition';

/** The guest has a payment link: the hold now waits for the money. */
export async function awaitPayment(
  deps: UseCaseDeps,
  req: { propertyId: string; bookingId: string; actor: Actor },
): Promise<Result<Booking, 'booking_not_found' | 'invalid_transition' | 'conflict'>> {
  const booking = await deps.store.getBooking(req.propertyId, req.bookingId);
  if (!booking) return err('booking_not_found');
  return recordTransition(deps, booking, 'awaiting_payment', req.actor);
}

/** Request-to-book: the nights stay held while the staff decide. */
export async function requestBooking(
  deps: UseCaseDeps,
  req: { propertyId: string; bookingId: string; actor: Actor },
): Promise<Result<Booking, 'booking_not_found' | 'invalid_transition' | 'conflict'>> {
  const booking = await deps.store.getBooking(req.propertyId, req.bookingId);
  if (!booking) return err('booking_not_found');
  return recordTransition(deps, booking, 'requested', req.actor);
}
