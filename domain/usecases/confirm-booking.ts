import type { Actor, Booking } from '../bookings/booking';
import { isPayable } from '../bookings/unpaid';
import { err, ok, type Result } from '../result';
import type { UseCaseDeps } from './deps';
import { recordTransition } from './record-transition';

export type ConfirmFailure = 'booking_not_found' | 'hold_expired' | 'hold_not_found' | 'invalid_transition' | 'conflict';

export interface ConfirmRequest {
  propertyId: string;
  bookingId: string;
  actor: Actor;
  reason?: string;
  /** Written in the same save as the confirmation (the payment's receipt), so neither lands alone. */
  patch?: (booking: Booking) => Booking;
}

/**
 * Makes the held nights the booking's for good: how a payment in time confirms a booking
 * (settle-payment). Safe to repeat: a confirmed booking is returned as it is, so a payment
 * event delivered twice confirms once. A hold that lapsed is `hold_expired` and changes
 * nothing: the caller decides what late money means, and the sweeper records the expiry.
 */
export async function confirmBooking(deps: UseCaseDeps, req: ConfirmRequest): Promise<Result<Booking, ConfirmFailure>> {
  const booking = await deps.store.getBooking(req.propertyId, req.bookingId);
  if (!booking) return err('booking_not_found');
  if (booking.state === 'confirmed') return ok(booking);
  if (!isPayable(booking.state)) return err('invalid_transition');

  const claimed = await deps.store.confirmHold({
    propertyId: booking.propertyId,
    holdId: booking.holdId,
    bookingId: booking.id,
    now: deps.clock.now().getTime(),
  });
  if (!claimed.ok) return err(claimed.code);
  return recordTransition(deps, booking, 'confirmed', req.actor, req.reason, req.patch);
}
