import type {
  BookingEventHandler,
  BookingEventOf,
  BookingEvents,
  BookingEventSubscriptions,
  BookingEventType,
  BookingLifecycleEvent,
} from '../../domain/bookings/booking-events';

/** Ids only: an event's address is never logged. */
export interface BookingEventsLog {
  error(data: Record<string, unknown>, message: string): void;
}

interface Subscriber {
  name: string;
  run(event: BookingLifecycleEvent): Promise<void> | void;
}

const isOfType = <T extends BookingEventType>(event: BookingLifecycleEvent, type: T): event is BookingEventOf<T> => event.type === type;

/**
 * Booking events inside this process: each instance reacts to the changes it makes itself.
 * Subscribers run one after the other, in the order they subscribed, and `publish` resolves
 * once they all ran, so a use case's caller sees their effects (a timer set, an alert sent).
 * A subscriber that throws is logged and skipped: it never fails the use case nor the
 * subscribers after it.
 */
export class InProcessBookingEvents implements BookingEvents, BookingEventSubscriptions {
  private subscribers: Subscriber[] = [];

  constructor(private readonly log: BookingEventsLog) {}

  on<T extends BookingEventType>(type: T, name: string, handler: BookingEventHandler<T>): () => void {
    return this.add({ name, run: (event) => (isOfType(event, type) ? handler(event) : undefined) });
  }

  /** Every event, whatever its type: for feeds that follow all bookings. */
  onAny(name: string, handler: (event: BookingLifecycleEvent) => Promise<void> | void): () => void {
    return this.add({ name, run: handler });
  }

  async publish(event: BookingLifecycleEvent): Promise<void> {
    for (const subscriber of this.subscribers) {
      try {
        await subscriber.run(event);
      } catch (error) {
        this.log.error(
          { subscriber: subscriber.name, event: event.type, propertyId: event.propertyId, bookingId: event.bookingId, err: error instanceof Error ? error.message : String(error) },
          'booking event subscriber failed',
        );
      }
    }
  }

  private add(subscriber: Subscriber): () => void {
    // A new array each time: a subscriber added or removed while an event is being published
    // takes effect from the next event.
    this.subscribers = [...this.subscribers, subscriber];
    return () => {
      this.subscribers = this.subscribers.filter((s) => s !== subscriber);
    };
  }
}
