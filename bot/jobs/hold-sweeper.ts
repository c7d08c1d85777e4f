import type { Booking } from '../../domain/bookings/booking';
import type { GuestMessenger } from '../../domain/ports';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import { expireHolds } from '../../domain/usecases/expire-holds';
import type { Logger } from '../logger';

/** More work for the same pass over a property's bookings (closing lapsed checkouts). */
export type SweepStep = (propertyId: string, bookings: readonly Booking[]) => Promise<void>;

/**
 * Gives unpaid holds back to stock on a timer. Reads already treat an expired hold as free;
 * this turns the bookings to `expired`, returns promotion quota, and tells each guest that the
 * room is free again, so nobody pays a link that can no longer give them the room. Several
 * instances may run it at once: the store's sweep and the optimistic booking update make that
 * harmless, and only the instance whose update landed reports the booking as expired.
 * Each property's bookings are read once a pass and shared with `steps`. A pass is never
 * stacked on a slow one; a failing pass is logged and the next tries again.
 */
export function startHoldSweeper(deps: UseCaseDeps, messenger: GuestMessenger, log: Logger, everySeconds: number, steps: readonly SweepStep[] = []): () => void {
  const sweep = async (propertyId: string): Promise<void> => {
    const bookings = await deps.store.listBookings(propertyId);
    const { released, expired } = await expireHolds(deps, propertyId, bookings);
    if (released || expired.length) log.info({ propertyId, released, expired }, 'expired holds released');
    for (const bookingId of expired) {
      const booking = await deps.store.getBooking(propertyId, bookingId);
      if (booking) await messenger.tell({ kind: 'hold_expired', booking });
    }
    for (const step of steps) await step(propertyId, bookings);
  };
  let running = false;
  const tick = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      for (const property of deps.catalog.list()) await sweep(property.id);
    } catch (error) {
      log.error({ err: error instanceof Error ? error.message : String(error) }, 'hold sweep failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everySeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
