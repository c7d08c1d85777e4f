import { transition, type Actor, type Booking, type BookingState } from '../bookings/booking';
import { err, ok, type Result } from '../result';
import type { UseCaseDeps } from './deps';
import { saveTransition } from './save-transition';

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
  return saveTransition<Result<Booking, 'invalid_transition' | 'conflict' | 'booking_not_found'>>(
    deps,
    booking,
    2,
    (current) => {
      if (current.state === to) return { answer: ok(current) };
      const moved = transition(current, to, actor, deps.clock.now(), reason);
      if (!moved.ok) return { answer: err('invalid_transition') };
      return { save: patch(moved.value) };
    },
    { gone: () => err('booking_not_found'), exhausted: () => err('conflict') },
  );
}
