import type { Booking, BookingEvent } from '../../../domain/bookings/booking';
import type { BookingRepository } from '../../../domain/ports';
import { err, ok, type Result } from '../../../domain/result';
import { baseOf, type RedisContext } from './context';
import { asArray, asNumber, asStrings, parseBooking, parseEvent, UnexpectedReply } from './replies';

/** The guest id beside the document: '' for none, '=' + id otherwise (so '' stays a real id). */
const guestField = (guestId: string | null): string => (guestId === null ? '' : `=${guestId}`);

function docArgs(booking: Booking): string[] {
  return [booking.id, booking.reference, guestField(booking.guestId), JSON.stringify(booking), String(booking.version)];
}

/** Booking documents as JSON; Lua sees only the version, reference and guest stored beside them. */
export class RedisBookings implements BookingRepository {
  constructor(private readonly ctx: RedisContext) {}

  async createBooking(booking: Booking): Promise<Result<Booking, 'conflict'>> {
    const created = await this.ctx.scripts.createBooking(baseOf(this.ctx, booking.propertyId), ...docArgs(booking));
    return asNumber(created, 'createBooking') === 1 ? ok(structuredClone(booking)) : err('conflict');
  }

  async getBooking(propertyId: string, bookingId: string): Promise<Booking | null> {
    const json = await this.ctx.redis.hget(`${baseOf(this.ctx, propertyId)}bk:${bookingId}`, 'j');
    return json === null ? null : parseBooking(json);
  }

  async findBookingByReference(propertyId: string, reference: string): Promise<Booking | null> {
    const json = await this.ctx.scripts.findBookingByReference(baseOf(this.ctx, propertyId), reference);
    if (json === null) return null;
    if (typeof json !== 'string') throw new UnexpectedReply('findBookingByReference', json);
    return parseBooking(json);
  }

  async updateBooking(booking: Booking): Promise<Result<Booking, 'conflict'>> {
    const written = await this.ctx.scripts.updateBooking(baseOf(this.ctx, booking.propertyId), ...docArgs(booking));
    return asNumber(written, 'updateBooking') === 1 ? ok(structuredClone(booking)) : err('conflict');
  }

  async listBookings(propertyId: string): Promise<Booking[]> {
    return this.list(propertyId, 'bks');
  }

  async listBookingsByGuest(propertyId: string, guestId: string): Promise<Booking[]> {
    return this.list(propertyId, `gb:${guestId}`);
  }

  private async list(propertyId: string, index: string): Promise<Booking[]> {
    const docs = asStrings(await this.ctx.scripts.listBookings(baseOf(this.ctx, propertyId), index), 'listBookings');
    return docs.map(parseBooking);
  }

  async appendEvent(event: BookingEvent): Promise<void> {
    await this.ctx.redis.xadd(`${baseOf(this.ctx, event.propertyId)}ev`, '*', 'e', JSON.stringify(event));
  }

  /** Oldest first; with a limit, the last `limit` events. */
  async readEvents(propertyId: string, limit?: number): Promise<BookingEvent[]> {
    const key = `${baseOf(this.ctx, propertyId)}ev`;
    if (limit !== undefined && limit <= 0) return [];
    const entries =
      limit === undefined
        ? await this.ctx.redis.xrange(key, '-', '+')
        : (await this.ctx.redis.xrevrange(key, '+', '-', 'COUNT', Math.floor(limit))).reverse();
    return entries.map(([, fields]) => {
      const at = fields.indexOf('e');
      const json = at >= 0 ? fields[at + 1] : undefined;
      if (json === undefined) throw new UnexpectedReply('readEvents', asArray(fields, 'readEvents'));
      return parseEvent(json);
    });
  }
}
