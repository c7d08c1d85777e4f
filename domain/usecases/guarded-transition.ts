import { transition, type Actor, type Booking, type BookingState } from '../bookings/booking';
import { err, type Result } from '../result';
import type { UseCaseDeps } from './deps';
import { saveTransition } from './save-transition';

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
  return saveTransition<Result<Booking, GuardedFailure, { state: BookingState }>>(
    deps,
    booking,
    3,
    (current) => {
      if (!from.includes(current.state)) return { answer: err('state_moved', { state: current.state }) };
      const moved = transition(current, to, actor, deps.clock.now(), reason);
      if (!moved.ok) return { answer: err('state_moved', { state: current.state }) };
      return { save: patch(moved.value) };
    },
    { gone: () => err('booking_not_found'), exhausted: (current) => err('conflict', { state: current.state }) },
  );
}
