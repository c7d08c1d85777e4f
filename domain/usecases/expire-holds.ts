import type { Booking } from '../bookings/booking';
import { isUnpaid } from '../bookings/unpaid';
import type { UseCaseDeps } from './deps';
import { recordTransition } from './record-transition';

/**
 * Every unpaid booking but an `approved` one: an accepted request's payment deadline has its own
 * timer (request-deadlines), which also gives back the nights, held beyond that deadline, and
 * tells the guest; expiring it here first would leave the nights held and the guest uninformed.
 */
const sweptHere = (booking: Booking): boolean => isUnpaid(booking.state) && booking.state !== 'approved';

/**
 * Gives expired holds' nights back and marks their bookings expired. The store already treats
 * an expired hold as free; this makes the bookings and the promotion quotas say so too.
 * `bookings`: the property's bookings when the caller has just read them (one read a sweep).
 */
export async function expireHolds(deps: UseCaseDeps, propertyId: string, bookings?: readonly Booking[]): Promise<{ released: number; expired: string[] }> {
  const now = deps.clock.now();
  const released = await deps.store.sweepExpiredHolds(propertyId, now.getTime());
  const expired: string[] = [];
  for (const booking of bookings ?? (await deps.store.listBookings(propertyId))) {
    if (!sweptHere(booking) || Date.parse(booking.holdExpiresAt) > now.getTime()) continue;
    const moved = await recordTransition(deps, booking, 'expired', 'system', 'hold expired');
    if (moved.ok) expired.push(booking.id);
  }
  return { released, expired };
}
