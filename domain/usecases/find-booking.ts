import { LIVE_STATES, type Booking } from '../bookings/booking';
import { dateIn } from '../calendar/nights';
import type { UseCaseDeps } from './deps';

/**
 * A booking for a guest who proves it is theirs with the reference and the booking's email.
 * The same "not found" answers a wrong reference and a wrong email, so neither can be probed.
 */
export async function findBookingByReferenceAndEmail(deps: UseCaseDeps, propertyId: string, reference: string, email: string): Promise<Booking | null> {
  const booking = await deps.store.findBookingByReference(propertyId, reference);
  if (!booking?.guestId) return null;
  const guest = await deps.store.getGuest(propertyId, booking.guestId);
  return guest?.email && guest.email.toLowerCase() === email.trim().toLowerCase() ? booking : null;
}

/** The live, not yet finished bookings made from this channel identity. */
export async function upcomingBookingsOf(deps: UseCaseDeps, propertyId: string, channel: string, channelUserId: string): Promise<Booking[]> {
  const guest = await deps.store.findGuestByIdentity(propertyId, channel, channelUserId);
  if (!guest) return [];
  const property = deps.catalog.get(propertyId);
  const today = property ? dateIn(property.timeZone, deps.clock.now()) : '0000-00-00';
  return (await deps.store.listBookingsByGuest(propertyId, guest.id))
    .filter((b) => LIVE_STATES.includes(b.state) && b.stay.checkOut >= today)
    .sort((a, b) => a.stay.checkIn.localeCompare(b.stay.checkIn));
}
