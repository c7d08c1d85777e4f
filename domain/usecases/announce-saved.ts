import { eventOf, type Booking } from '../bookings/booking';
import { stateEventOf, type BookingLifecycleEvent } from '../bookings/booking-events';
import type { UseCaseDeps } from './deps';

/**
 * What follows every saved change of a booking: the entry in the property's log, then the
 * event to its subscribers. Every write of a new state or new dates goes through here (place
 * a hold, saveTransition, change dates), so no path forgets to announce, and no subscriber
 * runs before the store holds what it is told. Subscribers run as soon as the state is saved,
 * before the rest of the use case (nights given back, the guest told).
 */
export async function announceSaved(deps: UseCaseDeps, booking: Booking, event: BookingLifecycleEvent = stateEventOf(booking)): Promise<void> {
  await deps.store.appendEvent(eventOf(booking));
  await deps.events?.publish(event);
}
