import type { Booking, BookingEvent } from '../../../domain/bookings/booking';
import type { Guest } from '../../../domain/guests/guest';
import type { Store } from '../../../domain/ports';
import { RedisBookings } from './bookings';
import type { RedisContext } from './context';
import { RedisGuests } from './guests';
import { RedisInventory } from './inventory';

/** The shared store: inventory, bookings and guests in one Redis (or one Cluster slot per property). */
export class RedisStore extends RedisInventory implements Store {
  readonly kind = 'redis' as const;
  private readonly bookings: RedisBookings;
  private readonly guests: RedisGuests;
  private closing: Promise<void> | null = null;

  constructor(
    ctx: RedisContext,
    private readonly ownsConnection: boolean,
  ) {
    super(ctx);
    this.bookings = new RedisBookings(ctx);
    this.guests = new RedisGuests(ctx);
  }

  /** The connection, for health checks and for tests that inspect keys. */
  get redis(): RedisContext['redis'] {
    return this.ctx.redis;
  }

  get keyPrefix(): string {
    return this.ctx.keyPrefix;
  }

  createBooking(b: Booking) {
    return this.bookings.createBooking(b);
  }
  getBooking(propertyId: string, id: string) {
    return this.bookings.getBooking(propertyId, id);
  }
  findBookingByReference(propertyId: string, reference: string) {
    return this.bookings.findBookingByReference(propertyId, reference);
  }
  updateBooking(b: Booking) {
    return this.bookings.updateBooking(b);
  }
  listBookings(propertyId: string) {
    return this.bookings.listBookings(propertyId);
  }
  listBookingsByGuest(propertyId: string, guestId: string) {
    return this.bookings.listBookingsByGuest(propertyId, guestId);
  }
  appendEvent(e: BookingEvent) {
    return this.bookings.appendEvent(e);
  }
  readEvents(propertyId: string, limit?: number) {
    return this.bookings.readEvents(propertyId, limit);
  }
  saveGuest(g: Guest) {
    return this.guests.saveGuest(g);
  }
  getGuest(propertyId: string, id: string) {
    return this.guests.getGuest(propertyId, id);
  }
  findGuestByIdentity(propertyId: string, channel: string, channelUserId: string) {
    return this.guests.findGuestByIdentity(propertyId, channel, channelUserId);
  }

  /** Quits the connection it opened (a client passed in stays the caller's). Idempotent. */
  close(): Promise<void> {
    if (!this.ownsConnection) return Promise.resolve();
    this.closing ??= (async () => {
      const redis = this.ctx.redis;
      const isEnded = (): boolean => redis.status === 'end';
      if (isEnded()) return;
      if (redis.status === 'wait') {
        redis.disconnect();
        return;
      }
      // Resolve once the socket is really gone, not just when QUIT is answered.
      let onEnd: () => void = () => {};
      const ended = new Promise<void>((resolve) => (onEnd = resolve));
      redis.once('end', onEnd);
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
      if (!isEnded()) {
        const timer = setTimeout(() => {
          redis.disconnect();
          onEnd();
        }, 2000);
        await ended;
        clearTimeout(timer);
      }
      redis.removeListener('end', onEnd);
    })();
    return this.closing;
  }
}
