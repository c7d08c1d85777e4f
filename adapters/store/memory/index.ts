import type { Booking, BookingEvent } from '../../../domain/bookings/booking';
import type { Guest } from '../../../domain/guests/guest';
import type { Store } from '../../../domain/ports';
import { MemoryBookings } from './bookings';
import { MemoryGuests } from './guests';
import { MemoryInventory } from './inventory';

/** The embedded default: everything in this process, lost on restart. */
export class MemoryStore extends MemoryInventory implements Store {
  readonly kind = 'memory' as const;
  private readonly bookings = new MemoryBookings();
  private readonly guests = new MemoryGuests();

  createBooking = (b: Booking) => this.bookings.createBooking(b);
  getBooking = (propertyId: string, id: string) => this.bookings.getBooking(propertyId, id);
  findBookingByReference = (propertyId: string, ref: string) => this.bookings.findBookingByReference(propertyId, ref);
  updateBooking = (b: Booking) => this.bookings.updateBooking(b);
  listBookings = (propertyId: string) => this.bookings.listBookings(propertyId);
  listBookingsByGuest = (propertyId: string, guestId: string) => this.bookings.listBookingsByGuest(propertyId, guestId);
  appendEvent = (e: BookingEvent) => this.bookings.appendEvent(e);
  readEvents = (propertyId: string, limit?: number) => this.bookings.readEvents(propertyId, limit);
  saveGuest = (g: Guest) => this.guests.saveGuest(g);
  getGuest = (propertyId: string, id: string) => this.guests.getGuest(propertyId, id);
  findGuestByIdentity = (propertyId: string, channel: string, userId: string) => this.guests.findGuestByIdentity(propertyId, channel, userId);

  async close(): Promise<void> {}
}

export function createMemoryStore(): MemoryStore {
  return new MemoryStore();
}
