import type { Booking } from '../bookings/booking';
import type { Ok } from '../result';
import { announceSaved } from './announce-saved';
import type { UseCaseDeps } from './deps';

/** What one attempt makes of the booking as it stands: a moved booking to save, or the answer. */
export type TransitionStep<R> = { save: Booking } | { answer: R };

/**
 * The loop under recordTransition and moveFrom: asks `step` about the booking, saves what it
 * gives under the store's optimistic version and appends its event to the property's log.
 * When another writer got there first, the booking is re-read and `step` decides again from
 * its fresh state, for `attempts` attempts in all (a write that lands announces its event); `lost` says what a vanished booking and
 * running out of attempts (with the last state seen) answer. What `step` checks is the
 * caller's race semantics.
 */
export async function saveTransition<R>(
  deps: UseCaseDeps,
  booking: Booking,
  attempts: number,
  step: (current: Booking) => TransitionStep<R>,
  lost: { gone: () => R; exhausted: (current: Booking) => R },
): Promise<R | Ok<Booking>> {
  let current = booking;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const next = step(current);
    if ('answer' in next) return next.answer;
    const saved = await deps.store.updateBooking(next.save);
    if (saved.ok) {
      await announceSaved(deps, saved.value);
      return saved;
    }
    // Someone else wrote first (maybe an unrelated field): look again before deciding.
    const fresh = await deps.store.getBooking(booking.propertyId, booking.id);
    if (!fresh) return lost.gone();
    current = fresh;
  }
  return lost.exhausted(current);
}
