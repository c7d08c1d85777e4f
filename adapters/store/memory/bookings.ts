import type { Booking, BookingEvent } from '../../../domain/bookings/booking';
import type { BookingRepository } from '../../../domain/ports';
import { err, ok, type Result } from '../../../domain/result';

/** Copies on the way in and out, so a caller's object never aliases stored state. */
const copy = <T>(value: T): T => structuredClone(value);

export class MemoryBookings implements BookingRepository {
  private readonly byId = new Map<string, Booking>();
  private readonly byReference = new Map<string, string>();
  private readonly events = new Map<string, BookingEvent[]>();

  private key(propertyId: string, id: string): string {
    return `${propertyId}\u0000${id}`;
  }

  async createBooking(booking: Booking): Promise<Result<Booking, 'conflict'>> {
    const idKey = this.key(booking.propertyId, booking.id);
    const refKey = this.key(booking.propertyId, booking.reference);
    if (this.byId.has(idKey) || this.byReference.has(refKey)) return err('conflict');
    this.byId.set(idKey, copy(booking));
    this.byReference.set(refKey, booking.id);
    return ok(copy(booking));
  }

  async getBooking(propertyId: string, bookingId: string): Promise<Booking | null> {
    const found = this.byId.get(this.key(propertyId, bookingId));
    return found ? copy(found) : null;
  }

  async findBookingByReference(propertyId: string, reference: string): Promise<Booking | null> {
    const id = this.byReference.get(this.key(propertyId, reference));
    return id === undefined ? null : this.getBooking(propertyId, id);
  }

  async updateBooking(booking: Booking): Promise<Result<Booking, 'conflict'>> {
    const idKey = this.key(booking.propertyId, booking.id);
    const stored = this.byId.get(idKey);
    if (!stored || stored.version !== booking.version - 1 || stored.reference !== booking.reference) return err('conflict');
    this.byId.set(idKey, copy(booking));
    return ok(copy(booking));
  }

  async listBookings(propertyId: string): Promise<Booking[]> {
    return [...this.byId.values()].filter((b) => b.propertyId === propertyId).map(copy);
  }

  async listBookingsByGuest(propertyId: string, guestId: string): Promise<Booking[]> {
    return (await this.listBookings(propertyId)).filter((b) => b.guestId === guestId);
  }

  async appendEvent(event: BookingEvent): Promise<void> {
    const log = this.events.get(event.propertyId) ?? [];
    log.push(copy(event));
    this.events.set(event.propertyId, log);
  }

  async readEvents(propertyId: string, limit?: number): Promise<BookingEvent[]> {
    const log = this.events.get(propertyId) ?? [];
    return (limit === undefined ? log : log.slice(-limit)).map(copy);
  }
}
