import { eventOf, transition, type Actor, type Booking, type BookingState } from '../bookings/booking';
import { err, ok, type Result } from '../result';
import type { UseCaseDeps } from './deps';

/**
 * Moves a booking to `to`, saves it and appends the event to the property's log. A concurrent
 * writer makes the optimistic update fail; the booking is then re-read once, and the move is
 * re-checked against its fresh state rather than forced.
 */
export async function recordTransition(
  deps: UseCaseDeps,
  booking: Booking,
  to: BookingState,
  actor: Actor,
  reason?: string,
  patch: (b: Booking) => Booking = (b) => b,
): Promise<Result<Booking, 'invalid_transition' | 'conflict' | 'booking_not_found'>> {
  let current = booking;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (current.state === to) return ok(current);
    const moved = transition(current, to, actor, deps.clock.now(), reason);
    if (!moved.ok) return err('invalid_transition');
    const saved = await deps.store.updateBooking(patch(moved.value));
    if (saved.ok) {
      await deps.store.appendEvent(eventOf(saved.value));
      return saved;
    }
    const fresh = await deps.store.getBooking(booking.propertyId, booking.id);
    if (!fresh) return err('booking_not_found');
    current = fresh;
  }
  return err('conflict');
}
