import { eventOf, transition, type Actor, type Booking, type BookingState } from '../bookings/booking';
import { err, type Result } from '../result';
import type { UseCaseDeps } from './deps';

export type GuardedFailure = 'state_moved' | 'booking_not_found' | 'conflict';

/**
 * Moves a booking to `to` only while it is in one of `from`. Unlike recordTransition, a lost
 * race is not retried against whatever state the winner left: an approval and a lapse racing
 * on the same request both start from `requested`, the store's optimistic version lets exactly
 * one write land, and the other sees the winner's state and reports `state_moved` with it.
 */
export async function moveFrom(
  deps: UseCaseDeps,
  booking: Booking,
  from: readonly BookingState[],
  to: BookingState,
  actor: Actor,
  reason?: string,
  patch: (b: Booking) => Booking = (b) => b,
): Promise<Result<Booking, GuardedFailure, { state: BookingState }>> {
  let current = booking;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!from.includes(current.state)) return err('state_moved', { state: current.state });
    const moved = transition(current, to, actor, deps.clock.now(), reason);
    if (!moved.ok) return err('state_moved', { state: current.state });
    const saved = await deps.store.updateBooking(patch(moved.value));
    if (saved.ok) {
      await deps.store.appendEvent(eventOf(saved.value));
      return saved;
    }
    // Someone else wrote first (maybe an unrelated field): look again before deciding.
    const fresh = await deps.store.getBooking(booking.propertyId, booking.id);
    if (!fresh) return err('booking_not_found');
    current = fresh;
  }
  return err('conflict', { state: current.state });
}
