import type { GuestMessenger } from '../../domain/ports';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import { expireHolds } from '../../domain/usecases/expire-holds';
import type { Logger } from '../logger';
import { startPropertySweep } from './property-sweep';

/**
 * Gives unpaid holds back to stock on a timer. Reads already treat an expired hold as free;
 * this turns the bookings to `expired`, returns promotion quota, and tells each guest that the
 * room is free again, so nobody pays a link that can no longer give them the room. Several
 * instances may run it at once: the store's sweep and the optimistic booking update make that
 * harmless, and only the instance whose update landed reports the booking as expired.
 */
export function startHoldSweeper(deps: UseCaseDeps, messenger: GuestMessenger, log: Logger, everySeconds: number): () => void {
  return startPropertySweep('hold sweep', deps.catalog, log, everySeconds, async (propertyId) => {
    const { released, expired } = await expireHolds(deps, propertyId);
    if (released || expired.length) log.info({ propertyId, released, expired }, 'expired holds released');
    for (const bookingId of expired) {
      const booking = await deps.store.getBooking(propertyId, bookingId);
      if (booking) await messenger.tell({ kind: 'hold_expired', booking });
    }
  });
}
